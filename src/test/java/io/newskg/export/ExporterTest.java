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

    @Test
    void graphMlIsAGraphOfResources() throws Exception {
        Document doc = parse(export(dsg, Exporter.Format.GRAPHML));
        Element root = doc.getDocumentElement();
        assertEquals("graphml", root.getLocalName());
        assertEquals("http://graphml.graphdrawing.org/xmlns", root.getNamespaceURI());
        NodeList nodes = doc.getElementsByTagNameNS("*", "node"), edges = doc.getElementsByTagNameNS("*", "edge");
        assertTrue(nodes.getLength() > 200 && edges.getLength() > 200, nodes.getLength() + " nodes, " + edges.getLength() + " edges");
        Set<String> ids = new HashSet<>();
        boolean xie = false;
        for (int i = 0; i < nodes.getLength(); i++) {
            Element n = (Element) nodes.item(i);
            ids.add(n.getAttribute("id"));
            String label = null, kind = null;
            NodeList data = n.getElementsByTagNameNS("*", "data");
            for (int k = 0; k < data.getLength(); k++) {
                Element d = (Element) data.item(k);
                if (d.getAttribute("key").equals("n_label")) label = d.getTextContent();
                if (d.getAttribute("key").equals("n_kind")) kind = d.getTextContent();
            }
            if ("谢敬东".equals(label) && "person".equals(kind)) xie = true;
        }
        assertTrue(xie, "no person node 谢敬东");
        for (int i = 0; i < edges.getLength(); i++) {
            Element e = (Element) edges.item(i);
            assertTrue(ids.contains(e.getAttribute("source")) && ids.contains(e.getAttribute("target")));
        }
    }

    @Test
    void gexfIsAGraphOfResources() throws Exception {
        Document doc = parse(export(dsg, Exporter.Format.GEXF));
        assertEquals("gexf", doc.getDocumentElement().getLocalName());
        assertEquals("http://www.gexf.net/1.2draft", doc.getDocumentElement().getNamespaceURI());
        NodeList nodes = doc.getElementsByTagNameNS("*", "node"), edges = doc.getElementsByTagNameNS("*", "edge");
        assertTrue(nodes.getLength() > 200 && edges.getLength() > 200);
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
    void xmlFormatsCarryAnyText() throws Exception {
        DatasetGraph d = DatasetGraphFactory.createTxnMem();
        d.executeWrite(() -> {
            var g = NodeFactory.createURI("urn:x:g");
            d.add(new Quad(g, NodeFactory.createURI("urn:x:a"), RDFS.label.asNode(), NodeFactory.createLiteralString("<b>&\"'\u0001\u0007 名")));
            d.add(new Quad(g, NodeFactory.createURI("urn:x:a"), NodeFactory.createURI("urn:x:p"), NodeFactory.createURI("urn:x:b")));
        });
        for (var f : List.of(Exporter.Format.GRAPHML, Exporter.Format.GEXF)) {
            Document doc = parse(export(d, f));
            assertEquals(2, doc.getElementsByTagNameNS("*", "node").getLength(), f.toString());
            assertTrue(new String(export(d, f), StandardCharsets.UTF_8).contains("&lt;b&gt;&amp;"), f.toString());
        }
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
