package io.newskg.serve;

import org.apache.jena.graph.Node;
import org.apache.jena.rdf.model.Model;
import org.apache.jena.rdf.model.RDFNode;
import org.apache.jena.rdf.model.Statement;
import org.apache.jena.rdf.model.StmtIterator;

/** The name to show for a resource: a Chinese label first, then any label, name, title or text. */
final class Labels {
    private Labels() {}

    static String label(Model m, Node n) {
        if (!n.isURI()) return n.toString();
        var r = m.createResource(n.getURI());
        for (Node p : Describer.NAMING) {
            String best = null;
            for (StmtIterator it = r.listProperties(m.createProperty(p.getURI())); it.hasNext(); ) {
                Statement s = it.next();
                RDFNode o = s.getObject();
                if (!o.isLiteral()) continue;
                String lang = o.asLiteral().getLanguage();
                String v = o.asLiteral().getLexicalForm();
                if (lang.startsWith("zh")) {
                    best = v;
                    break;
                }
                if (best == null || lang.isEmpty()) best = v;
            }
            if (best != null) return best.length() > 80 ? best.substring(0, 79) + "…" : best;
        }
        return fallback(n.getURI());
    }

    /** Last segment of an IRI (after '#' or '/'). */
    static String fallback(String iri) {
        int i = Math.max(iri.lastIndexOf('#'), iri.lastIndexOf('/'));
        return i >= 0 && i < iri.length() - 1 ? iri.substring(i + 1) : iri;
    }
}
