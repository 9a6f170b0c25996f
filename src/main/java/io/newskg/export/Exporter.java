package io.newskg.export;

import io.newskg.rdf.NIF;
import io.newskg.rdf.NKG;
import io.newskg.rdf.PROV;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVPrinter;
import org.apache.jena.graph.Graph;
import org.apache.jena.graph.Node;
import org.apache.jena.graph.Triple;
import org.apache.jena.riot.RDFDataMgr;
import org.apache.jena.riot.RDFFormat;
import org.apache.jena.riot.system.PrefixMap;
import org.apache.jena.riot.system.PrefixMapFactory;
import org.apache.jena.shared.PrefixMapping;
import org.apache.jena.sparql.core.DatasetGraph;
import org.apache.jena.sparql.core.Quad;
import org.apache.jena.sparql.graph.GraphFactory;
import org.apache.jena.sparql.vocabulary.FOAF;
import org.apache.jena.system.Txn;
import org.apache.jena.vocabulary.DCTerms;
import org.apache.jena.vocabulary.ORG;
import org.apache.jena.vocabulary.RDF;
import org.apache.jena.vocabulary.RDFS;
import org.apache.jena.vocabulary.SKOS;
import org.apache.jena.vocabulary.XSD;

import javax.xml.stream.XMLOutputFactory;
import javax.xml.stream.XMLStreamException;
import javax.xml.stream.XMLStreamWriter;
import java.io.IOException;
import java.io.OutputStream;
import java.io.OutputStreamWriter;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeSet;

/**
 * Dumps a store: RDF formats written by RIOT (Turtle of the union graph; TriG, N-Quads and
 * JSON-LD with every named graph), the graph of resources as GraphML or GEXF for Gephi and
 * Cytoscape (written with javax.xml.stream), or every quad as CSV.
 */
public final class Exporter {
    /** Output formats. */
    public enum Format {
        TTL, TRIG, NQ, JSONLD, GRAPHML, GEXF, CSV;

        public static Format parse(String s) {
            return switch (s.toLowerCase(Locale.ROOT)) {
                case "ttl", "turtle" -> TTL;
                case "trig" -> TRIG;
                case "nq", "nquads", "n-quads" -> NQ;
                case "jsonld", "json-ld" -> JSONLD;
                case "graphml" -> GRAPHML;
                case "gexf" -> GEXF;
                case "csv" -> CSV;
                default -> throw new IllegalArgumentException("unknown format: " + s + " (ttl, trig, nq, jsonld, graphml, gexf, csv)");
            };
        }
    }

    /** What was written. */
    public record Summary(long statements, long nodes, long edges) {}

    private Exporter() {}

    public static PrefixMapping prefixes() {
        PrefixMapping pm = PrefixMapping.Factory.create();
        pm.setNsPrefix("nkg", NKG.NS);
        pm.setNsPrefix("org", ORG.NS);
        pm.setNsPrefix("prov", PROV.NS);
        pm.setNsPrefix("skos", SKOS.uri);
        pm.setNsPrefix("foaf", FOAF.NS);
        pm.setNsPrefix("dcterms", DCTerms.NS);
        pm.setNsPrefix("nif", NIF.NS);
        pm.setNsPrefix("rdfs", RDFS.uri);
        pm.setNsPrefix("rdf", RDF.uri);
        pm.setNsPrefix("xsd", XSD.NS);
        pm.setNsPrefix("sem", NKG.SEM);
        pm.setNsPrefix("owl", "http://www.w3.org/2002/07/owl#");
        return pm;
    }

    /** Writes the dataset in {@code format} to {@code out} (not closed), inside one read transaction. */
    public static Summary export(DatasetGraph dsg, Format format, OutputStream out) {
        return Txn.calculateRead(dsg, () -> {
            try {
                return export$(dsg, format, out);
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            } catch (XMLStreamException e) {
                throw new IllegalStateException(e);
            }
        });
    }

    private static Summary export$(DatasetGraph dsg, Format format, OutputStream out) throws IOException, XMLStreamException {
        switch (format) {
            case TTL -> {
                Graph g = union(dsg);
                RDFDataMgr.write(out, g, RDFFormat.TURTLE_BLOCKS);
                return new Summary(g.size(), 0, 0);
            }
            case TRIG, NQ, JSONLD -> {
                DatasetGraph copy = withPrefixes(dsg);
                RDFFormat f = format == Format.TRIG ? RDFFormat.TRIG_BLOCKS
                        : format == Format.NQ ? RDFFormat.NQUADS : RDFFormat.JSONLD11;
                RDFDataMgr.write(out, copy, f);
                return new Summary(copy.stream().count(), 0, 0);
            }
            case CSV -> {
                return csv(dsg, out);
            }
            case GRAPHML, GEXF -> {
                NodeGraph ng = NodeGraph.of(union(dsg));
                if (format == Format.GRAPHML) graphml(ng, out);
                else gexf(ng, out);
                return new Summary(0, ng.nodes.size(), ng.edges.size());
            }
        }
        throw new IllegalArgumentException(format.toString());
    }

    /** The union of all named graphs (distinct triples), with the usual prefixes. */
    static Graph union(DatasetGraph dsg) {
        Graph g = GraphFactory.createDefaultGraph();
        g.getPrefixMapping().setNsPrefixes(prefixes());
        for (Iterator<Quad> it = dsg.find(); it.hasNext(); ) g.add(it.next().asTriple());
        return g;
    }

    /** The dataset as it is, with the usual prefixes (TDB2 keeps none). */
    private static DatasetGraph withPrefixes(DatasetGraph dsg) {
        DatasetGraph copy = org.apache.jena.sparql.core.DatasetGraphFactory.createTxnMem();
        copy.executeWrite(() -> {
            for (Iterator<Quad> it = dsg.find(); it.hasNext(); ) copy.add(it.next());
            PrefixMap pm = PrefixMapFactory.create(prefixes());
            pm.forEach((p, u) -> copy.prefixes().add(p, u));
        });
        return copy;
    }

    // ---- CSV

    static final String[] CSV_HEADER = {"graph", "subject", "predicate", "object", "object_datatype", "object_lang"};

    private static Summary csv(DatasetGraph dsg, OutputStream out) throws IOException {
        Writer w = new OutputStreamWriter(out, StandardCharsets.UTF_8);
        long n = 0;
        CSVPrinter p = new CSVPrinter(w, CSVFormat.RFC4180.builder().setHeader(CSV_HEADER).get());
        for (Iterator<Quad> it = dsg.find(); it.hasNext(); ) {
            Quad q = it.next();
            Node o = q.getObject();
            p.printRecord(term(q.getGraph()), term(q.getSubject()), term(q.getPredicate()),
                    o.isLiteral() ? o.getLiteralLexicalForm() : term(o),
                    o.isLiteral() && o.getLiteralLanguage().isEmpty() ? o.getLiteralDatatypeURI() : "",
                    o.isLiteral() ? o.getLiteralLanguage() : "");
            n++;
        }
        p.flush();
        w.flush();
        return new Summary(n, 0, 0);
    }

    private static String term(Node n) {
        if (n.isURI()) return n.getURI();
        if (n.isBlank()) return "_:" + n.getBlankNodeLabel();
        return n.toString();
    }

    // ---- the graph of resources (GraphML, GEXF)

    /** Resources as nodes (with label, kind, types), links between resources as edges; rdf:type becomes an attribute. */
    static final class NodeGraph {
        final Map<Node, Integer> index = new LinkedHashMap<>();
        final List<Node> nodes = new ArrayList<>();
        final List<String[]> attrs = new ArrayList<>(); // iri, label, kind, types
        final List<int[]> edges = new ArrayList<>();
        final List<Node> edgePredicates = new ArrayList<>();
        private final PrefixMapping pm = prefixes();

        static NodeGraph of(Graph g) {
            NodeGraph ng = new NodeGraph();
            for (Iterator<Triple> it = g.find(); it.hasNext(); ) {
                Triple t = it.next();
                if (t.getPredicate().equals(RDF.type.asNode()) || t.getObject().isLiteral()) {
                    ng.id(t.getSubject());
                    continue;
                }
                int s = ng.id(t.getSubject()), o = ng.id(t.getObject());
                ng.edges.add(new int[] {s, o});
                ng.edgePredicates.add(t.getPredicate());
            }
            for (Node n : ng.nodes) ng.attrs.add(ng.describe(g, n));
            return ng;
        }

        private int id(Node n) {
            return index.computeIfAbsent(n, k -> {
                nodes.add(k);
                return nodes.size() - 1;
            });
        }

        private String[] describe(Graph g, Node n) {
            String label = null;
            for (Node p : List.of(RDFS.label.asNode(), SKOS.prefLabel.asNode(), FOAF.name.asNode(), DCTerms.title.asNode(), NIF.anchorOf.asNode())) {
                for (Iterator<Triple> it = g.find(n, p, Node.ANY); it.hasNext() && label == null; ) {
                    Node o = it.next().getObject();
                    if (o.isLiteral()) label = o.getLiteralLexicalForm();
                }
                if (label != null) break;
            }
            TreeSet<String> types = new TreeSet<>();
            for (Iterator<Triple> it = g.find(n, RDF.type.asNode(), Node.ANY); it.hasNext(); ) {
                Node o = it.next().getObject();
                if (o.isURI()) types.add(pm.shortForm(o.getURI()));
            }
            String iri = term(n);
            if (label == null) label = n.isURI() ? pm.shortForm(n.getURI()) : iri;
            return new String[] {iri, label, kind(types), String.join(" ", types)};
        }

        static String kind(TreeSet<String> types) {
            if (types.contains("nkg:Official") || types.contains("foaf:Person")) return "person";
            if (types.contains("org:Post")) return "post";
            if (types.contains("org:Organization")) return "organization";
            if (types.contains("nkg:Region")) return "region";
            if (types.contains("nkg:Event")) return "event";
            if (types.contains("nkg:Article")) return "article";
            if (types.contains("nkg:Page")) return "page";
            if (types.contains("org:Role")) return "role";
            if (types.contains("nif:Sentence")) return "sentence";
            return "other";
        }

        String predicateLabel(Node p) { return pm.shortForm(p.getURI()); }
    }

    private static XMLStreamWriter xml(OutputStream out) throws XMLStreamException {
        XMLStreamWriter x = XMLOutputFactory.newFactory().createXMLStreamWriter(out, "UTF-8");
        x.writeStartDocument("UTF-8", "1.0");
        x.writeCharacters("\n");
        return x;
    }

    /** Removes characters XML 1.0 cannot carry (the writer escapes the rest). */
    static String xmlSafe(String s) {
        StringBuilder b = null;
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            boolean ok = c == 0x9 || c == 0xA || c == 0xD || (c >= 0x20 && c <= 0xD7FF) || (c >= 0xE000 && c <= 0xFFFD)
                    || Character.isSurrogate(c);
            if (!ok) {
                if (b == null) b = new StringBuilder(s.substring(0, i));
            } else if (b != null) b.append(c);
        }
        return b == null ? s : b.toString();
    }

    private static final String[] NODE_KEYS = {"iri", "label", "kind", "type"};

    static void graphml(NodeGraph ng, OutputStream out) throws XMLStreamException {
        String ns = "http://graphml.graphdrawing.org/xmlns";
        XMLStreamWriter x = xml(out);
        x.setDefaultNamespace(ns);
        x.writeStartElement(ns, "graphml");
        x.writeDefaultNamespace(ns);
        x.writeNamespace("xsi", "http://www.w3.org/2001/XMLSchema-instance");
        x.writeAttribute("http://www.w3.org/2001/XMLSchema-instance", "schemaLocation",
                ns + " http://graphml.graphdrawing.org/xmlns/1.0/graphml.xsd");
        x.writeCharacters("\n");
        for (String k : NODE_KEYS) key(x, ns, "n_" + k, "node", k);
        key(x, ns, "e_label", "edge", "label");
        key(x, ns, "e_predicate", "edge", "predicate");
        x.writeStartElement(ns, "graph");
        x.writeAttribute("id", "newskg");
        x.writeAttribute("edgedefault", "directed");
        x.writeCharacters("\n");
        for (int i = 0; i < ng.nodes.size(); i++) {
            x.writeStartElement(ns, "node");
            x.writeAttribute("id", "n" + i);
            String[] a = ng.attrs.get(i);
            for (int k = 0; k < NODE_KEYS.length; k++) data(x, ns, "n_" + NODE_KEYS[k], a[k]);
            x.writeEndElement();
            x.writeCharacters("\n");
        }
        for (int i = 0; i < ng.edges.size(); i++) {
            int[] e = ng.edges.get(i);
            Node p = ng.edgePredicates.get(i);
            x.writeStartElement(ns, "edge");
            x.writeAttribute("id", "e" + i);
            x.writeAttribute("source", "n" + e[0]);
            x.writeAttribute("target", "n" + e[1]);
            data(x, ns, "e_label", ng.predicateLabel(p));
            data(x, ns, "e_predicate", p.getURI());
            x.writeEndElement();
            x.writeCharacters("\n");
        }
        x.writeEndElement();
        x.writeCharacters("\n");
        x.writeEndElement();
        x.writeCharacters("\n");
        x.writeEndDocument();
        x.flush();
    }

    private static void key(XMLStreamWriter x, String ns, String id, String forWhat, String name) throws XMLStreamException {
        x.writeEmptyElement(ns, "key");
        x.writeAttribute("id", id);
        x.writeAttribute("for", forWhat);
        x.writeAttribute("attr.name", name);
        x.writeAttribute("attr.type", "string");
        x.writeCharacters("\n");
    }

    private static void data(XMLStreamWriter x, String ns, String key, String value) throws XMLStreamException {
        x.writeStartElement(ns, "data");
        x.writeAttribute("key", key);
        x.writeCharacters(xmlSafe(value));
        x.writeEndElement();
    }

    static void gexf(NodeGraph ng, OutputStream out) throws XMLStreamException {
        String ns = "http://www.gexf.net/1.2draft";
        XMLStreamWriter x = xml(out);
        x.setDefaultNamespace(ns);
        x.writeStartElement(ns, "gexf");
        x.writeDefaultNamespace(ns);
        x.writeAttribute("version", "1.2");
        x.writeCharacters("\n");
        x.writeStartElement(ns, "meta");
        x.writeStartElement(ns, "creator");
        x.writeCharacters("NewsKG");
        x.writeEndElement();
        x.writeStartElement(ns, "description");
        x.writeCharacters("Officials, posts, organisations, regions and events from Chinese government news");
        x.writeEndElement();
        x.writeEndElement();
        x.writeCharacters("\n");
        x.writeStartElement(ns, "graph");
        x.writeAttribute("defaultedgetype", "directed");
        x.writeAttribute("mode", "static");
        x.writeCharacters("\n");
        x.writeStartElement(ns, "attributes");
        x.writeAttribute("class", "node");
        String[] nodeAttrs = {"iri", "kind", "type"};
        for (int k = 0; k < nodeAttrs.length; k++) {
            x.writeEmptyElement(ns, "attribute");
            x.writeAttribute("id", Integer.toString(k));
            x.writeAttribute("title", nodeAttrs[k]);
            x.writeAttribute("type", "string");
        }
        x.writeEndElement();
        x.writeStartElement(ns, "attributes");
        x.writeAttribute("class", "edge");
        x.writeEmptyElement(ns, "attribute");
        x.writeAttribute("id", "0");
        x.writeAttribute("title", "predicate");
        x.writeAttribute("type", "string");
        x.writeEndElement();
        x.writeCharacters("\n");
        x.writeStartElement(ns, "nodes");
        x.writeCharacters("\n");
        for (int i = 0; i < ng.nodes.size(); i++) {
            String[] a = ng.attrs.get(i);
            x.writeStartElement(ns, "node");
            x.writeAttribute("id", "n" + i);
            x.writeAttribute("label", xmlSafe(a[1]));
            x.writeStartElement(ns, "attvalues");
            attvalue(x, ns, "0", a[0]);
            attvalue(x, ns, "1", a[2]);
            attvalue(x, ns, "2", a[3]);
            x.writeEndElement();
            x.writeEndElement();
            x.writeCharacters("\n");
        }
        x.writeEndElement();
        x.writeCharacters("\n");
        x.writeStartElement(ns, "edges");
        x.writeCharacters("\n");
        for (int i = 0; i < ng.edges.size(); i++) {
            int[] e = ng.edges.get(i);
            Node p = ng.edgePredicates.get(i);
            x.writeStartElement(ns, "edge");
            x.writeAttribute("id", "e" + i);
            x.writeAttribute("source", "n" + e[0]);
            x.writeAttribute("target", "n" + e[1]);
            x.writeAttribute("label", ng.predicateLabel(p));
            x.writeStartElement(ns, "attvalues");
            attvalue(x, ns, "0", p.getURI());
            x.writeEndElement();
            x.writeEndElement();
            x.writeCharacters("\n");
        }
        x.writeEndElement();
        x.writeCharacters("\n");
        x.writeEndElement();
        x.writeCharacters("\n");
        x.writeEndElement();
        x.writeCharacters("\n");
        x.writeEndDocument();
        x.flush();
    }

    private static void attvalue(XMLStreamWriter x, String ns, String id, String value) throws XMLStreamException {
        x.writeEmptyElement(ns, "attvalue");
        x.writeAttribute("for", id);
        x.writeAttribute("value", xmlSafe(value));
    }
}
