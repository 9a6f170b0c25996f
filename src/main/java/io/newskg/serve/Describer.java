package io.newskg.serve;

import io.newskg.rdf.NIF;
import io.newskg.rdf.NKG;
import org.apache.jena.graph.Node;
import org.apache.jena.graph.NodeFactory;
import org.apache.jena.graph.Triple;
import org.apache.jena.rdf.model.Model;
import org.apache.jena.rdf.model.ModelFactory;
import org.apache.jena.sparql.core.DatasetGraph;
import org.apache.jena.sparql.core.Quad;
import org.apache.jena.sparql.vocabulary.FOAF;
import org.apache.jena.system.Txn;
import org.apache.jena.vocabulary.DCTerms;
import org.apache.jena.vocabulary.RDF;
import org.apache.jena.vocabulary.RDFS;
import org.apache.jena.vocabulary.SKOS;

import java.util.ArrayList;
import java.util.Iterator;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;

/**
 * The description of one resource served at its IRI: every statement about it (from all
 * graphs), the statements that point at it, and the labels and types of its neighbours, so a
 * client can show links by name without asking again.
 */
final class Describer {
    /** At most this many statements pointing at the resource are included. */
    static final int MAX_INCOMING = 1000;
    /** Predicates whose values name a resource (for labels of neighbours). */
    static final List<Node> NAMING = List.of(RDFS.label.asNode(), SKOS.prefLabel.asNode(), FOAF.name.asNode(),
            DCTerms.title.asNode(), NIF.anchorOf.asNode());

    /**
     * @param model     the description
     * @param found     whether the store says anything about the resource
     * @param graphs    names of the graphs that state something about it
     * @param truncated whether incoming links were cut at {@link #MAX_INCOMING}
     */
    record Description(String iri, Model model, boolean found, Set<String> graphs, boolean truncated) {}

    private Describer() {}

    static Description describe(DatasetGraph dsg, String iri) {
        return Txn.calculateRead(dsg, () -> describe$(dsg, iri));
    }

    private static Description describe$(DatasetGraph dsg, String iri) {
        Model m = model();
        Node focus = NodeFactory.createURI(iri);
        Set<String> graphs = new TreeSet<>();
        Set<Node> neighbours = new LinkedHashSet<>();
        List<Node> blanks = new ArrayList<>();
        boolean found = false;
        for (Iterator<Quad> it = dsg.find(Node.ANY, focus, Node.ANY, Node.ANY); it.hasNext(); ) {
            Quad q = it.next();
            found = true;
            if (q.getGraph().isURI() && !Quad.isDefaultGraph(q.getGraph())) graphs.add(q.getGraph().getURI());
            m.getGraph().add(q.asTriple());
            if (q.getObject().isURI()) neighbours.add(q.getObject());
            if (q.getObject().isBlank()) blanks.add(q.getObject());
        }
        // Blank nodes hanging off the resource (none today, but keep descriptions whole).
        for (int i = 0; i < blanks.size() && i < 1000; i++) {
            for (Iterator<Quad> it = dsg.find(Node.ANY, blanks.get(i), Node.ANY, Node.ANY); it.hasNext(); ) {
                Triple t = it.next().asTriple();
                m.getGraph().add(t);
                if (t.getObject().isBlank()) blanks.add(t.getObject());
            }
        }
        int incoming = 0;
        boolean truncated = false;
        for (Iterator<Quad> it = dsg.find(Node.ANY, Node.ANY, Node.ANY, focus); it.hasNext(); ) {
            Quad q = it.next();
            found = true;
            if (!m.getGraph().contains(q.asTriple())) {
                if (incoming >= MAX_INCOMING) {
                    truncated = true;
                    break;
                }
                m.getGraph().add(q.asTriple());
                incoming++;
            }
            if (q.getSubject().isURI()) neighbours.add(q.getSubject());
        }
        // Names and types of neighbours; also the predicates' and classes' labels are not fetched
        // (they live in the vocabulary graph, one click away).
        for (Node n : neighbours) {
            if (n.equals(focus)) continue;
            for (Node p : NAMING) {
                for (Iterator<Quad> it = dsg.find(Node.ANY, n, p, Node.ANY); it.hasNext(); ) m.getGraph().add(it.next().asTriple());
            }
            for (Iterator<Quad> it = dsg.find(Node.ANY, n, RDF.type.asNode(), Node.ANY); it.hasNext(); ) {
                m.getGraph().add(it.next().asTriple());
            }
        }
        return new Description(iri, m, found, graphs, truncated);
    }

    static Model model() {
        Model m = ModelFactory.createDefaultModel();
        m.setNsPrefixes(NKG.PREFIXES);
        m.setNsPrefix("void", "http://rdfs.org/ns/void#");
        return m;
    }
}
