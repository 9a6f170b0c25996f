package io.newskg.rdf;

import org.apache.jena.graph.Graph;
import org.apache.jena.riot.RDFParser;
import org.apache.jena.shacl.ShaclValidator;
import org.apache.jena.shacl.ValidationReport;

/** The SHACL shapes of ontology/shapes.ttl, bundled in the jar. */
public final class Shapes {
    private Shapes() {}

    private static final class Holder {
        static final org.apache.jena.shacl.Shapes SHAPES =
                org.apache.jena.shacl.Shapes.parse(RDFParser.source(Shapes.class.getResourceAsStream("/ontology/shapes.ttl"))
                        .lang(org.apache.jena.riot.Lang.TURTLE).toGraph());
    }

    public static ValidationReport validate(Graph data) {
        return ShaclValidator.get().validate(Holder.SHAPES, data);
    }
}
