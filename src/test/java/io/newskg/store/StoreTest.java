package io.newskg.store;

import io.newskg.extract.Extractor;
import io.newskg.rdf.Iris;
import io.newskg.rdf.NKG;
import io.newskg.rdf.RdfMapper;
import org.apache.jena.query.Dataset;
import org.apache.jena.query.QueryExecution;
import org.apache.jena.query.QueryExecutionFactory;
import org.apache.jena.rdf.model.Model;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The store grows, shrinks and survives crashes without losing or duplicating anything. */
class StoreTest {
    @TempDir
    Path tmp;
    static Extractor extractor;
    static RdfMapper mapper;
    static List<Path> seeds;

    @BeforeAll
    static void setUp() throws Exception {
        extractor = new Extractor();
        mapper = new RdfMapper(new Iris(NKG.DEFAULT_BASE), extractor.gazetteer());
        try (Stream<Path> s = Files.list(Path.of("seeds"))) {
            seeds = s.filter(p -> p.toString().endsWith(".txt")).sorted().toList();
        }
    }

    private static final PrintStream QUIET = new PrintStream(new ByteArrayOutputStream(), true, StandardCharsets.UTF_8);

    private static void build(Path store, List<Path> pages) {
        try (GraphStore gs = new GraphStore(store)) {
            new Builder(extractor, mapper).build(pages, gs, QUIET);
        }
    }

    /** Every graph of the store, copied out. */
    private static Map<String, Model> snapshot(Path store) {
        Map<String, Model> out = new TreeMap<>();
        try (GraphStore gs = new GraphStore(store)) {
            Dataset ds = gs.dataset();
            ds.executeRead(() -> ds.listModelNames().forEachRemaining(r ->
                    out.put(r.getURI(), org.apache.jena.rdf.model.ModelFactory.createDefaultModel().add(ds.getNamedModel(r)))));
        }
        return out;
    }

    private static void assertSameGraphs(Map<String, Model> a, Map<String, Model> b) {
        assertEquals(a.keySet(), b.keySet());
        a.forEach((g, m) -> assertTrue(m.isIsomorphicWith(b.get(g)), "graph differs: " + g));
    }

    @Test
    void buildingTwiceGivesTheSameDataset() {
        Path one = tmp.resolve("one"), two = tmp.resolve("two");
        build(one, seeds);
        build(two, seeds);
        build(two, seeds);
        assertSameGraphs(snapshot(one), snapshot(two));
    }

    @Test
    void addingThenRemovingAPageLeavesTheStoreAsBefore() {
        Path store = tmp.resolve("s");
        build(store, seeds.subList(0, 3));
        Map<String, Model> before = snapshot(store);
        build(store, seeds.subList(3, 5));
        assertTrue(snapshot(store).size() > before.size());
        Iris iris = mapper.iris();
        try (GraphStore gs = new GraphStore(store)) {
            int n = gs.remove(List.of(iris.page(seeds.get(3).getFileName().toString()) + "/",
                    iris.page(seeds.get(4).getFileName().toString()) + "/"), ds -> {
                ds.removeNamedModel(iris.gazetteerGraph());
                ds.addNamedModel(iris.gazetteerGraph(), mapper.regionsReferenced(ds));
            });
            assertTrue(n > 0);
        }
        assertSameGraphs(before, snapshot(store));
    }

    @Test
    void badInputsInALaterRunLoseNothingStored() throws Exception {
        Path store = tmp.resolve("kept");
        build(store, seeds);
        Map<String, Model> before = snapshot(store);
        Path dir = Files.createDirectories(tmp.resolve("bad"));
        Files.write(dir.resolve("binary.txt"), new byte[] {0, 1, 2, (byte) 0xff});
        Files.write(dir.resolve("empty.txt"), new byte[0]);
        Builder.Summary s;
        try (GraphStore gs = new GraphStore(store)) {
            s = new Builder(extractor, mapper).build(List.of(dir.resolve("binary.txt"), dir.resolve("empty.txt")), gs, QUIET);
        }
        assertEquals(2, s.skipped());
        assertSameGraphs(before, snapshot(store));
    }

    @Test
    void namesakesInDifferentCountiesAreTwoNodesAndOneCountyIsOne() throws Exception {
        Path dir = Files.createDirectories(tmp.resolve("pages"));
        String a = "\n\n村里的新变化\n\n□ 本报记者 赵一鸣\n\n近日,在卓资县十八台镇,十八台村党支部书记张国庆说,今年村里建起了新厂房。\n";
        String b = "\n\n牧区的新变化\n\n□ 本报记者 赵一鸣\n\n近日,在宁城县黑里河镇,长青村党支部书记张国庆说,今年村里修好了路。\n";
        String c = "\n\n厂房投产\n\n□ 本报记者 赵一鸣\n\n卓资县委常委、组织部部长张国庆出席了投产仪式。\n";
        Files.writeString(dir.resolve("a.txt"), a);
        Files.writeString(dir.resolve("b.txt"), b);
        Files.writeString(dir.resolve("c.txt"), c);
        Path store = tmp.resolve("names");
        build(store, List.of(dir.resolve("a.txt"), dir.resolve("b.txt"), dir.resolve("c.txt")));
        try (GraphStore gs = new GraphStore(store)) {
            Dataset ds = gs.dataset();
            List<String> nodes = new ArrayList<>();
            ds.executeRead(() -> {
                try (QueryExecution qe = QueryExecutionFactory.create("""
                        PREFIX rdfs: <http://www.w3.org/2000/01/rdf-schema#>
                        PREFIX nkg: <https://w3id.org/newskg/ns#>
                        SELECT DISTINCT ?p (COUNT(DISTINCT ?g) AS ?articles) WHERE {
                          GRAPH ?g { ?p a nkg:Official ; rdfs:label "张国庆"@zh }
                        } GROUP BY ?p""", ds)) {
                    qe.execSelect().forEachRemaining(r -> nodes.add(r.getResource("p").getURI() + " " + r.getLiteral("articles").getInt()));
                }
            });
            assertEquals(2, nodes.size(), nodes.toString());
            // the 卓资县 official is one node across two articles
            assertTrue(nodes.stream().anyMatch(n -> n.endsWith(" 2")), nodes.toString());
        }
    }

    @Test
    void aBuildKilledMidwayLeavesAConsistentStoreThatARerunCompletes() throws Exception {
        Path dir = Files.createDirectories(tmp.resolve("many"));
        for (int i = 0; i < 4; i++) {
            for (Path s : seeds) Files.copy(s, dir.resolve(i + "_" + s.getFileName()));
        }
        Path store = tmp.resolve("killed");
        Process p = new ProcessBuilder(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-cp", System.getProperty("java.class.path"), "io.newskg.cli.Main",
                "build", dir.toString(), "--store", store.toString(), "--batch", "2", "--verbose")
                .redirectErrorStream(true).start();
        // wait until a few pages are in, then kill -9 in the middle of the run
        var out = new java.io.BufferedReader(new java.io.InputStreamReader(p.getInputStream(), StandardCharsets.UTF_8));
        String line;
        int loaded = 0;
        while ((line = out.readLine()) != null) {
            if (line.startsWith("[")) loaded++;
            if (loaded == 6) break;
        }
        p.destroyForcibly();
        assertTrue(p.waitFor(30, TimeUnit.SECONDS));
        assertTrue(loaded == 6, "the child died before loading 6 pages");

        // every page present is present whole: as many article graphs as extraction yields
        Map<String, Model> partial = snapshot(store);
        io.newskg.ingest.PageReader reader = new io.newskg.ingest.PageReader();
        List<Path> pages;
        try (Stream<Path> s = Files.list(dir)) {
            pages = s.sorted().toList();
        }
        int complete = 0;
        for (Path page : pages) {
            String prefix = mapper.iris().page(page.getFileName().toString()) + "/";
            long stored = partial.keySet().stream().filter(g -> g.startsWith(prefix)).count();
            if (stored == 0) continue;
            assertEquals(extractor.extract(reader.read(page)).articles().size(), stored, "page half-loaded: " + page);
            complete++;
        }
        assertTrue(complete >= 6 && complete < pages.size(), "pages loaded before the kill: " + complete);

        build(store, pages);
        Path clean = tmp.resolve("clean");
        build(clean, pages);
        assertSameGraphs(snapshot(clean), snapshot(store));
    }
}
