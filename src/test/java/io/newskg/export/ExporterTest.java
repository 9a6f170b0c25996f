package io.newskg.export;

import io.newskg.cli.Main;
import io.newskg.extract.Extractor;
import io.newskg.rdf.Iris;
import io.newskg.rdf.NKG;
import io.newskg.rdf.RdfMapper;
import io.newskg.store.Builder;
import io.newskg.store.GraphStore;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVRecord;
import org.apache.jena.graph.NodeFactory;
import org.apache.jena.query.Dataset;
import org.apache.jena.query.DatasetFactory;
import org.apache.jena.rdf.model.Model;
import org.apache.jena.rdf.model.ModelFactory;
import org.apache.jena.riot.Lang;
import org.apache.jena.riot.RDFDataMgr;
import org.apache.jena.sparql.core.DatasetGraph;
import org.apache.jena.sparql.core.DatasetGraphFactory;
import org.apache.jena.sparql.core.Quad;
import org.apache.jena.vocabulary.RDFS;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.w3c.dom.Document;
import org.w3c.dom.Element;
import org.w3c.dom.NodeList;

import javax.xml.parsers.DocumentBuilderFactory;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.io.StringReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.stream.Stream;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Every export format of the seed store, read back with a real parser. */
class ExporterTest {
    @TempDir
    static Path tmp;
    static Path store;
    static DatasetGraph dsg;
    static long quads;

    @BeforeAll
    static void build() throws Exception {
        store = tmp.resolve("store");
        List<Path> pages;
        try (Stream<Path> s = Files.list(Path.of("seeds"))) {
            pages = s.filter(p -> p.toString().endsWith(".txt")).sorted().toList();
        }
        Extractor extractor = new Extractor();
        Builder builder = new Builder(extractor, new RdfMapper(new Iris(NKG.DEFAULT_BASE), extractor.gazetteer()));
        GraphStore gs = new GraphStore(store);
        builder.build(pages, gs, new PrintStream(new ByteArrayOutputStream(), true, StandardCharsets.UTF_8));
        dsg = gs.dataset().asDatasetGraph();
        quads = dsg.calculateRead(() -> dsg.stream().count());
    }

    static byte[] export(DatasetGraph d, Exporter.Format f) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        Exporter.export(d, f, out);
        return out.toByteArray();
    }

    @Test
    void turtleIsTheUnionGraph() {
        Model m = ModelFactory.createDefaultModel();
        RDFDataMgr.read(m, new ByteArrayInputStream(export(dsg, Exporter.Format.TTL)), Lang.TURTLE);
        assertTrue(m.size() > 1000);
        assertTrue(m.contains(null, RDFS.label, "谢敬东", "zh"));
        assertEquals(NKG.NS, m.getNsPrefixURI("nkg"));
    }

    @Test
    void trigNQuadsAndJsonLdKeepTheNamedGraphs() {
        for (var f : List.of(Exporter.Format.TRIG, Exporter.Format.NQ, Exporter.Format.JSONLD)) {
            Dataset ds = DatasetFactory.create();
            Lang lang = f == Exporter.Format.TRIG ? Lang.TRIG : f == Exporter.Format.NQ ? Lang.NQUADS : Lang.JSONLD;
            RDFDataMgr.read(ds, new ByteArrayInputStream(export(dsg, f)), lang);
            assertEquals(quads, ds.asDatasetGraph().stream().count(), f.toString());
            assertTrue(ds.containsNamedModel(NKG.DEFAULT_BASE + "graph/gazetteer"), f.toString());
        }
    }

    @Test
    void csvHasOneRowPerQuad() throws Exception {
        String csv = new String(export(dsg, Exporter.Format.CSV), StandardCharsets.UTF_8);
        List<CSVRecord> rows = CSVFormat.RFC4180.builder().setHeader().setSkipHeaderRecord(true).get()
                .parse(new StringReader(csv)).getRecords();
        assertEquals(quads, rows.size());
        assertTrue(rows.stream().anyMatch(r -> r.get("object").equals("谢敬东") && r.get("object_lang").equals("zh")
                && r.get("predicate").equals(RDFS.label.getURI())));
    }

    static byte[] export(DatasetGraph d, Exporter.Format f, boolean full) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        Exporter.export(d, f, out, new Exporter.Options(full, false));
        return out.toByteArray();
    }

    /** GraphML keys: attribute name → type, for nodes or edges. */
    static java.util.Map<String, String> graphmlKeys(Document doc, String forWhat) {
        java.util.Map<String, String> out = new java.util.HashMap<>();
        NodeList keys = doc.getElementsByTagNameNS("*", "key");
        for (int i = 0; i < keys.getLength(); i++) {
            Element k = (Element) keys.item(i);
            if (k.getAttribute("for").equals(forWhat)) out.put(k.getAttribute("attr.name"), k.getAttribute("attr.type"));
        }
        return out;
    }

    static java.util.Map<String, String> data(Element e) {
        java.util.Map<String, String> out = new java.util.HashMap<>();
        NodeList data = e.getElementsByTagNameNS("*", "data");
        for (int k = 0; k < data.getLength(); k++) {
            Element d = (Element) data.item(k);
            out.put(d.getAttribute("key").substring(2), d.getTextContent());
        }
        return out;
    }

    @Test
    void graphMlIsTheNetworkOfOfficialsWithTypedAttributes() throws Exception {
        Document doc = parse(export(dsg, Exporter.Format.GRAPHML));
        Element root = doc.getDocumentElement();
        assertEquals("graphml", root.getLocalName());
        assertEquals("http://graphml.graphdrawing.org/xmlns", root.getNamespaceURI());
        var nk = graphmlKeys(doc, "node");
        var ek = graphmlKeys(doc, "edge");
        assertEquals("long", nk.get("articles"));
        assertEquals("boolean", nk.get("official"));
        assertEquals("string", nk.get("division_code"));
        assertEquals("double", ek.get("confidence"));
        assertEquals("long", ek.get("reports"));
        NodeList nodes = doc.getElementsByTagNameNS("*", "node"), edges = doc.getElementsByTagNameNS("*", "edge");
        Set<String> ids = new HashSet<>();
        String xie = null;
        for (int i = 0; i < nodes.getLength(); i++) {
            Element n = (Element) nodes.item(i);
            ids.add(n.getAttribute("id"));
            var d = data(n);
            assertTrue(Set.of("person", "organization", "region", "event").contains(d.get("kind")), "a " + d.get("kind") + " node: " + d);
            assertTrue(d.get("label").length() < 200, "long label: " + d.get("label"));
            if ("谢敬东".equals(d.get("label")) && "person".equals(d.get("kind"))) xie = n.getAttribute("id");
        }
        assertTrue(nodes.getLength() > 100, nodes.getLength() + " nodes");
        assertTrue(xie != null, "no person node 谢敬东");
        Set<String> seen = new HashSet<>();
        boolean holds = false;
        for (int i = 0; i < edges.getLength(); i++) {
            Element e = (Element) edges.item(i);
            assertTrue(ids.contains(e.getAttribute("source")) && ids.contains(e.getAttribute("target")));
            var d = data(e);
            assertFalse(d.get("label").equals("heldBy") || d.get("label").equals("hasPost"), "inverse link exported: " + d);
            assertTrue(seen.add(e.getAttribute("source") + " " + d.get("label") + " " + e.getAttribute("target") + " " + d.get("post")),
                    "edge twice: " + d);
            if (e.getAttribute("source").equals(xie) && d.get("label").equals("holds") && "副部长".equals(d.get("title"))) {
                holds = true;
                assertTrue(d.get("sentence").contains("谢敬东"), d.toString());
                assertTrue(d.get("article").startsWith(NKG.DEFAULT_BASE + "page/"), d.toString());
                Double.parseDouble(d.get("confidence"));
            }
        }
        assertTrue(holds, "no holds edge 谢敬东 → organisation with title 副部长");
    }

    @Test
    void gexfIsTheSameNetwork() throws Exception {
        Document doc = parse(export(dsg, Exporter.Format.GEXF));
        assertEquals("gexf", doc.getDocumentElement().getLocalName());
        assertEquals("http://www.gexf.net/1.2draft", doc.getDocumentElement().getNamespaceURI());
        NodeList nodes = doc.getElementsByTagNameNS("*", "node"), edges = doc.getElementsByTagNameNS("*", "edge");
        Document graphml = parse(export(dsg, Exporter.Format.GRAPHML));
        assertEquals(graphml.getElementsByTagNameNS("*", "node").getLength(), nodes.getLength());
        assertEquals(graphml.getElementsByTagNameNS("*", "edge").getLength(), edges.getLength());
        NodeList attrs = doc.getElementsByTagNameNS("*", "attribute");
        java.util.Map<String, String> types = new java.util.HashMap<>();
        for (int i = 0; i < attrs.getLength(); i++) {
            Element a = (Element) attrs.item(i);
            types.put(((Element) a.getParentNode()).getAttribute("class") + ":" + a.getAttribute("title"), a.getAttribute("type"));
        }
        assertEquals("long", types.get("node:articles"));
        assertEquals("double", types.get("edge:confidence"));
        boolean xie = false;
        Set<String> ids = new HashSet<>();
        for (int i = 0; i < nodes.getLength(); i++) {
            Element n = (Element) nodes.item(i);
            ids.add(n.getAttribute("id"));
            if (n.getAttribute("label").equals("谢敬东")) xie = true;
        }
        assertTrue(xie);
        for (int i = 0; i < edges.getLength(); i++) {
            Element e = (Element) edges.item(i);
            assertTrue(ids.contains(e.getAttribute("source")) && ids.contains(e.getAttribute("target")));
        }
    }

    @Test
    void fullIsTheRdfShapedGraphWithLiteralsAsAttributes() throws Exception {
        Document doc = parse(export(dsg, Exporter.Format.GRAPHML, true));
        var nk = graphmlKeys(doc, "node");
        assertEquals("string", nk.get("rdfs:label"));
        assertEquals("long", nk.get("nif:beginIndex"));
        NodeList nodes = doc.getElementsByTagNameNS("*", "node");
        boolean sentence = false;
        for (int i = 0; i < nodes.getLength() && !sentence; i++) sentence = "sentence".equals(data((Element) nodes.item(i)).get("kind"));
        assertTrue(sentence, "the full graph keeps sentence nodes");
    }

    @Test
    void networkxReadsBothWithTypedAttributes() throws Exception {
        org.junit.jupiter.api.Assumptions.assumeTrue(new ProcessBuilder("python3", "-c", "import networkx").start().waitFor() == 0,
                "SKIPPED: python3 with networkx not installed");
        Path gml = tmp.resolve("nx.graphml"), gexf = tmp.resolve("nx.gexf");
        Files.write(gml, export(dsg, Exporter.Format.GRAPHML));
        Files.write(gexf, export(dsg, Exporter.Format.GEXF));
        String script = """
                import sys, networkx as nx
                for g in (nx.read_graphml(sys.argv[1]), nx.read_gexf(sys.argv[2])):
                    kinds = {d.get('kind') for _, d in g.nodes(data=True)}
                    assert kinds <= {'person', 'organization', 'region', 'event'}, kinds
                    assert any(isinstance(d.get('articles'), int) for _, d in g.nodes(data=True))
                    assert any(isinstance(d.get('confidence'), float) for *_, d in g.edges(data=True))
                    assert any(d.get('relation') == 'holds' and d.get('title') for *_, d in g.edges(data=True))
                    print(g.number_of_nodes(), g.number_of_edges())
                """;
        Process p = new ProcessBuilder("python3", "-c", script, gml.toString(), gexf.toString()).redirectErrorStream(true).start();
        String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertEquals(0, p.waitFor(), out);
    }

    @Test
    void xmlFormatsCarryAnyText() throws Exception {
        DatasetGraph d = DatasetGraphFactory.createTxnMem();
        d.executeWrite(() -> {
            var g = NodeFactory.createURI("urn:x:g");
            d.add(new Quad(g, NodeFactory.createURI("urn:x:a"), RDFS.label.asNode(), NodeFactory.createLiteralString("<b>&\"'\u0001\u0007 名")));
            d.add(new Quad(g, NodeFactory.createURI("urn:x:a"), NodeFactory.createURI("urn:x:p"), NodeFactory.createURI("urn:x:b")));
        });
        for (var f : List.of(Exporter.Format.GRAPHML, Exporter.Format.GEXF)) {
            Document doc = parse(export(d, f, true));
            assertEquals(2, doc.getElementsByTagNameNS("*", "node").getLength(), f.toString());
            assertTrue(new String(export(d, f, true), StandardCharsets.UTF_8).contains("&lt;b&gt;&amp;"), f.toString());
        }
    }

    @Test
    void csvForExcelStartsWithAByteOrderMark() {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        Exporter.export(dsg, Exporter.Format.CSV, out, new Exporter.Options(false, true));
        byte[] b = out.toByteArray();
        assertEquals(List.of((byte) 0xEF, (byte) 0xBB, (byte) 0xBF), List.of(b[0], b[1], b[2]));
        assertTrue(new String(b, 3, 40, StandardCharsets.UTF_8).startsWith("graph,subject"));
        assertFalse(new String(export(dsg, Exporter.Format.CSV), StandardCharsets.UTF_8).startsWith("\uFEFF"));
    }

    @Test
    void theCommandWritesAFileAndRefusesWhatIsNotAStore() throws Exception {
        Path out = tmp.resolve("graph.graphml");
        assertEquals(0, Main.run("export", "--store", store.toString(), "--format", "graphml", "--out", out.toString()));
        assertTrue(parse(Files.readAllBytes(out)).getElementsByTagNameNS("*", "node").getLength() > 200);
        Path missing = tmp.resolve("no-store");
        assertEquals(1, Main.run("export", "--store", missing.toString(), "--format", "ttl"));
        assertFalse(Files.exists(missing), "export created a store");
        assertEquals(1, Main.run("export", "--store", store.toString(), "--format", "xls"));
    }

    static Document parse(byte[] xml) throws Exception {
        DocumentBuilderFactory f = DocumentBuilderFactory.newInstance();
        f.setNamespaceAware(true);
        return f.newDocumentBuilder().parse(new ByteArrayInputStream(xml));
    }
}
