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
 * JSON-LD with every named graph), the network of officials (or, with {@link Options#full},
 * the RDF-shaped graph) as GraphML or GEXF with typed attributes for Gephi, Cytoscape and
 * networkx (written with javax.xml.stream), or every quad as CSV.
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

    /**
     * @param full  GraphML/GEXF: the RDF-shaped graph (every resource a node) instead of the network of officials
     * @param excel CSV: a byte-order mark first, so Excel reads the file as UTF-8
     */
    public record Options(boolean full, boolean excel) {
        public static final Options DEFAULT = new Options(false, false);
    }

    /** Writes the dataset in {@code format} to {@code out} (not closed), inside one read transaction. */
    public static Summary export(DatasetGraph dsg, Format format, OutputStream out) {
        return export(dsg, format, out, Options.DEFAULT);
    }

    public static Summary export(DatasetGraph dsg, Format format, OutputStream out, Options options) {
        return Txn.calculateRead(dsg, () -> {
            try {
                return export$(dsg, format, out, options);
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            } catch (XMLStreamException e) {
                throw new IllegalStateException(e);
            }
        });
    }

    private static Summary export$(DatasetGraph dsg, Format format, OutputStream out, Options options) throws IOException, XMLStreamException {
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
                return csv(dsg, out, options.excel());
            }
            case GRAPHML, GEXF -> {
                // the store's own union view: a copy of every triple in memory took 5.4 GB for 15 M triples
                Graph union = dsg.getUnionGraph();
                Network net = options.full() ? Network.rdf(union, prefixes()) : Network.entities(union);
                if (format == Format.GRAPHML) graphml(net, out);
                else gexf(net, out);
                return new Summary(0, net.nodes.size(), net.edges.size());
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

    private static Summary csv(DatasetGraph dsg, OutputStream out, boolean bom) throws IOException {
        Writer w = new OutputStreamWriter(out, StandardCharsets.UTF_8);
        // Excel takes a CSV without a byte-order mark for the local code page and garbles Chinese
        if (bom) w.write('\uFEFF');
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

    // ---- graphs for graph tools (GraphML, GEXF)

    /** An attribute's type, the narrowest that holds all its values. */
    enum AttrType {
        BOOLEAN("boolean", "boolean"), LONG("long", "long"), DOUBLE("double", "double"), STRING("string", "string");

        final String graphml, gexf;

        AttrType(String graphml, String gexf) {
            this.graphml = graphml;
            this.gexf = gexf;
        }

        static AttrType of(Object v) {
            return v instanceof Boolean ? BOOLEAN : v instanceof Long || v instanceof Integer ? LONG : v instanceof Double ? DOUBLE : STRING;
        }

        AttrType join(AttrType o) {
            if (this == o) return this;
            if ((this == LONG && o == DOUBLE) || (this == DOUBLE && o == LONG)) return DOUBLE;
            return STRING;
        }
    }

    /** The attribute names of nodes or edges and their types, in first-seen order. */
    static Map<String, AttrType> keys(List<Map<String, Object>> attrs) {
        Map<String, AttrType> out = new LinkedHashMap<>();
        for (Map<String, Object> a : attrs) a.forEach((k, v) -> out.merge(k, AttrType.of(v), AttrType::join));
        return out;
    }

    static String text(Object v, AttrType t) {
        return t == AttrType.DOUBLE && v instanceof Long l ? Double.toString(l.doubleValue()) : String.valueOf(v);
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

    static void graphml(Network net, OutputStream out) throws XMLStreamException {
        String ns = "http://graphml.graphdrawing.org/xmlns";
        Map<String, AttrType> nk = new LinkedHashMap<>();
        nk.put("label", AttrType.STRING);
        nk.putAll(keys(net.nodes.stream().map(Network.N::attrs).toList()));
        Map<String, AttrType> ek = new LinkedHashMap<>();
        ek.put("label", AttrType.STRING);
        ek.putAll(keys(net.edges.stream().map(Network.E::attrs).toList()));
        XMLStreamWriter x = xml(out);
        x.setDefaultNamespace(ns);
        x.writeStartElement(ns, "graphml");
        x.writeDefaultNamespace(ns);
        x.writeNamespace("xsi", "http://www.w3.org/2001/XMLSchema-instance");
        x.writeAttribute("http://www.w3.org/2001/XMLSchema-instance", "schemaLocation",
                ns + " http://graphml.graphdrawing.org/xmlns/1.0/graphml.xsd");
        x.writeCharacters("\n");
        for (var e : nk.entrySet()) key(x, ns, "n_" + e.getKey(), "node", e.getKey(), e.getValue());
        for (var e : ek.entrySet()) key(x, ns, "e_" + e.getKey(), "edge", e.getKey(), e.getValue());
        x.writeStartElement(ns, "graph");
        x.writeAttribute("id", "newskg");
        x.writeAttribute("edgedefault", "directed");
        x.writeCharacters("\n");
        for (Network.N n : net.nodes) {
            x.writeStartElement(ns, "node");
            x.writeAttribute("id", xmlSafe(n.id()));
            data(x, ns, "n_label", n.label());
            for (var a : n.attrs().entrySet()) data(x, ns, "n_" + a.getKey(), text(a.getValue(), nk.get(a.getKey())));
            x.writeEndElement();
            x.writeCharacters("\n");
        }
        int i = 0;
        for (Network.E e : net.edges) {
            x.writeStartElement(ns, "edge");
            x.writeAttribute("id", "e" + i++);
            x.writeAttribute("source", xmlSafe(e.source()));
            x.writeAttribute("target", xmlSafe(e.target()));
            data(x, ns, "e_label", e.label());
            for (var a : e.attrs().entrySet()) data(x, ns, "e_" + a.getKey(), text(a.getValue(), ek.get(a.getKey())));
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

    private static void key(XMLStreamWriter x, String ns, String id, String forWhat, String name, AttrType type) throws XMLStreamException {
        x.writeEmptyElement(ns, "key");
        x.writeAttribute("id", xmlSafe(id));
        x.writeAttribute("for", forWhat);
        x.writeAttribute("attr.name", xmlSafe(name));
        x.writeAttribute("attr.type", type.graphml);
        x.writeCharacters("\n");
    }

    private static void data(XMLStreamWriter x, String ns, String key, String value) throws XMLStreamException {
        x.writeStartElement(ns, "data");
        x.writeAttribute("key", xmlSafe(key));
        x.writeCharacters(xmlSafe(value));
        x.writeEndElement();
    }

    static void gexf(Network net, OutputStream out) throws XMLStreamException {
        String ns = "http://www.gexf.net/1.2draft";
        Map<String, AttrType> nk = keys(net.nodes.stream().map(Network.N::attrs).toList());
        Map<String, AttrType> ek = keys(net.edges.stream().map(Network.E::attrs).toList());
        List<String> nkl = new ArrayList<>(nk.keySet()), ekl = new ArrayList<>(ek.keySet());
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
        attributes(x, ns, "node", nk);
        attributes(x, ns, "edge", ek);
        x.writeStartElement(ns, "nodes");
        x.writeCharacters("\n");
        for (Network.N n : net.nodes) {
            x.writeStartElement(ns, "node");
            x.writeAttribute("id", xmlSafe(n.id()));
            x.writeAttribute("label", xmlSafe(n.label()));
            attvalues(x, ns, n.attrs(), nkl, nk);
            x.writeEndElement();
            x.writeCharacters("\n");
        }
        x.writeEndElement();
        x.writeCharacters("\n");
        x.writeStartElement(ns, "edges");
        x.writeCharacters("\n");
        int i = 0;
        for (Network.E e : net.edges) {
            x.writeStartElement(ns, "edge");
            x.writeAttribute("id", "e" + i++);
            x.writeAttribute("source", xmlSafe(e.source()));
            x.writeAttribute("target", xmlSafe(e.target()));
            x.writeAttribute("label", xmlSafe(e.label()));
            attvalues(x, ns, e.attrs(), ekl, ek);
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

    private static void attributes(XMLStreamWriter x, String ns, String forWhat, Map<String, AttrType> keys) throws XMLStreamException {
        x.writeStartElement(ns, "attributes");
        x.writeAttribute("class", forWhat);
        int k = 0;
        for (var e : keys.entrySet()) {
            x.writeEmptyElement(ns, "attribute");
            x.writeAttribute("id", Integer.toString(k++));
            x.writeAttribute("title", xmlSafe(e.getKey()));
            x.writeAttribute("type", e.getValue().gexf);
        }
        x.writeEndElement();
        x.writeCharacters("\n");
    }

    private static void attvalues(XMLStreamWriter x, String ns, Map<String, Object> attrs, List<String> order, Map<String, AttrType> types)
            throws XMLStreamException {
        x.writeStartElement(ns, "attvalues");
        for (var a : attrs.entrySet()) {
            x.writeEmptyElement(ns, "attvalue");
            x.writeAttribute("for", Integer.toString(order.indexOf(a.getKey())));
            x.writeAttribute("value", xmlSafe(text(a.getValue(), types.get(a.getKey()))));
        }
        x.writeEndElement();
    }
}
