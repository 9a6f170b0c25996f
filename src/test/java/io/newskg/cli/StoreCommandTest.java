package io.newskg.cli;

import static io.newskg.cli.Run.run;

import io.newskg.rdf.NKG;
import io.newskg.store.GraphStore;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Issue 18 items 6 and 9 and the Low items of the command line: the store's base, what is not a store, one-line errors. */
class StoreCommandTest {
    @TempDir
    Path tmp;

    static final String FIRST = "seeds/000_824024f6a8c13c1c.txt", SECOND = "seeds/004_7953bd51db5ca819.txt";

    private static List<String> graphs(Path store) {
        List<String> out = new ArrayList<>();
        try (GraphStore gs = GraphStore.existing(store)) {
            gs.dataset().executeRead(() -> gs.dataset().listModelNames().forEachRemaining(r -> out.add(r.getURI())));
        }
        return out;
    }

    @Test
    void addWritesUnderTheBaseStoredInTheStore() {
        Path store = tmp.resolve("s");
        String base = "https://example.org/kg/";
        assertEquals(0, run("build", FIRST, "--store", store.toString(), "--base", base).status());
        Run add = run("add", SECOND, "--store", store.toString());
        assertEquals(0, add.status(), add.err());
        List<String> gs = graphs(store);
        assertTrue(gs.stream().noneMatch(g -> g.startsWith(NKG.DEFAULT_BASE)), "written under the default base: " + gs);
        assertTrue(gs.contains(base + "graph/ontology") && gs.contains(base + "graph/gazetteer"), gs.toString());
        assertTrue(gs.stream().anyMatch(g -> g.startsWith(base + "page/004_7953bd51db5ca819/")), gs.toString());
        // another base would be a second copy: refused, in one line
        Run other = run("add", SECOND, "--store", store.toString(), "--base", "https://other.example/");
        assertEquals(1, other.status());
        assertTrue(other.err().startsWith("store " + store + " holds IRIs under " + base), other.err());
        assertEquals(1, other.err().lines().count(), other.err());
        // remove names pages under the stored base too
        Run rm = run("remove", SECOND, "--store", store.toString());
        assertEquals(0, rm.status(), rm.err());
        assertTrue(graphs(store).stream().noneMatch(g -> g.startsWith(base + "page/004_")));
    }

    private static long sameAs(Path store) {
        try (GraphStore gs = GraphStore.existing(store)) {
            return gs.dataset().calculateRead(() -> gs.dataset().getNamedModel(NKG.DEFAULT_BASE + "graph/identity")
                    .listStatements(null, org.apache.jena.vocabulary.OWL.sameAs, (org.apache.jena.rdf.model.RDFNode) null).toList().size());
        }
    }

    private static java.util.Set<String> careerPersons(Path store, String name) throws Exception {
        String q = Files.readString(Path.of("queries/career.rq")).replace("VALUES ?wanted { \"谢敬东\" }", "VALUES ?wanted { \"" + name + "\" }");
        java.util.Set<String> out = new java.util.HashSet<>();
        try (GraphStore gs = GraphStore.existing(store)) {
            gs.dataset().executeRead(() -> {
                try (var qe = org.apache.jena.query.QueryExecutionFactory.create(q, gs.dataset())) {
                    qe.execSelect().forEachRemaining(row -> out.add(row.getResource("person").getURI()));
                }
            });
        }
        return out;
    }

    @Test
    void theIdentityGraphFollowsTheStoreThroughAddAndRemove() throws Exception {
        Path in = Files.createDirectories(tmp.resolve("in"));
        Files.writeString(in.resolve("county.txt"), "抚州市乐安县召开安全生产工作会议\n发布时间：2015-03-02 09:30\n"
                + "3月2日，抚州市乐安县召开安全生产工作会议。乐安县委书记韩立新出席会议并讲话。\n会议要求，各级各部门要压实责任。\n");
        Path province = tmp.resolve("province.txt");
        Files.writeString(province, "江西省召开防汛工作会议\n发布时间：2018-09-10 09:30\n"
                + "9月10日，江西省召开防汛工作会议。江西省副省长韩立新出席会议并讲话。\n会议要求，各级各部门要压实责任。\n");
        Path store = tmp.resolve("s");
        assertEquals(0, run("build", in.toString(), "--store", store.toString()).status());
        assertEquals(0, sameAs(store), "one report: nothing to join");
        assertEquals(1, careerPersons(store, "韩立新").size());
        Run add = run("add", province.toString(), "--store", store.toString());
        assertEquals(0, add.status(), add.err());
        assertEquals(1, sameAs(store), "the county secretary of 2015 is the vice-governor of 2018");
        assertEquals(1, careerPersons(store, "韩立新").size(), "the career query lists both posts as one person");
        Run rm = run("remove", "province.txt", "--store", store.toString());
        assertEquals(0, rm.status(), rm.err());
        assertEquals(0, sameAs(store), "the join goes with the page that justified it");
    }

    @Test
    void addToAFolderThatIsNotAStoreSaysSoAndCreatesNothing() throws Exception {
        Path missing = tmp.resolve("nostore");
        Run r = run("add", FIRST, "--store", missing.toString());
        assertEquals(1, r.status());
        assertTrue(r.err().startsWith("no store at " + missing + "; create it with newskg build"), r.err());
        assertFalse(Files.exists(missing));
        Path docs = Files.createDirectories(tmp.resolve("docs"));
        Files.writeString(docs.resolve("notes.md"), "not a store");
        Run d = run("add", FIRST, "--store", docs.toString());
        assertEquals(1, d.status());
        assertTrue(d.err().startsWith(docs + " is not a NewsKG store"), d.err());
        try (Stream<Path> s = Files.list(docs)) {
            assertEquals(1, s.count(), "nothing written into the folder");
        }
        // build refuses to turn a folder of other files into a store
        Run b = run("build", FIRST, "--store", docs.toString());
        assertEquals(1, b.status());
        assertTrue(b.err().contains("is a folder that is not a NewsKG store and not empty"), b.err());
    }

    @Test
    void aDamagedStoreIsReportedAsDamagedNotAsInUse() throws Exception {
        // what a kill among TDB2's first writes leaves: an index whose tree file is empty while
        // its records file is not (seen after kill -9 in CreationKillTest's runs before the fix)
        Path store = tmp.resolve("s");
        Path data = Files.createDirectories(store.resolve("Data-0001"));
        Files.write(data.resolve("SPO.bpt"), new byte[0]);
        Files.write(data.resolve("SPO.dat"), new byte[8 * 1024 * 1024]);
        // in a child JVM: a failed open in this one keeps TDB2's lock on the store, and the serve
        // below would rightly find it held by a live process (this one)
        Run r = child(java.util.Map.of(), "add", SECOND, "--store", store.toString());
        assertEquals(1, r.status());
        assertTrue(r.err().startsWith("store " + store + " is damaged and cannot be opened ("), r.err());
        assertTrue(r.err().contains("remove it (rm -r " + store + ") and build it again"), r.err());
        assertFalse(r.err().contains("in use"), r.err());
        assertEquals(1, r.err().lines().count(), r.err());
        // serve says the same instead of a stack trace
        Run served = serve(java.util.Map.of(), "--store", store.toString(), "--port", "0");
        assertEquals(1, served.status(), served.err());
        assertTrue(served.err().startsWith("store " + store + " is damaged and cannot be opened ("), served.err());
        assertEquals(1, served.err().lines().count(), served.err());
    }

    /** The serve command in a child JVM, with the given environment; its exit status and output. */
    private static Run serve(java.util.Map<String, String> env, String... args) throws Exception {
        List<String> all = new ArrayList<>(List.of("serve"));
        all.addAll(List.of(args));
        return child(env, all.toArray(String[]::new));
    }

    /** newskg in a child JVM (the environment cannot be changed in this one). */
    private static Run child(java.util.Map<String, String> env, String... args) throws Exception {
        List<String> cmd = new ArrayList<>(List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-cp", System.getProperty("java.class.path"), "io.newskg.cli.Main"));
        cmd.addAll(List.of(args));
        ProcessBuilder pb = new ProcessBuilder(cmd).redirectErrorStream(true);
        pb.environment().remove("NEWSKG_UPDATE_PASSWORD");
        pb.environment().putAll(env);
        Process p = pb.start();
        byte[] out = p.getInputStream().readAllBytes();
        if (!p.waitFor(60, TimeUnit.SECONDS)) p.destroyForcibly();
        String said = new String(out, StandardCharsets.UTF_8).lines()
                .filter(l -> !l.startsWith("SLF4J") && !l.contains(" INFO ") && !l.contains(" WARN ")).reduce("", (a, b) -> a + b + "\n");
        return new Run(p.exitValue(), "", said); // stdout and stderr merged, as err
    }

    @Test
    void badSettingsAndAPortInUseAreOneLine() throws Exception {
        Path store = tmp.resolve("s");
        Run timeout = serve(java.util.Map.of("NEWSKG_QUERY_TIMEOUT", "ten"), "--store", store.toString(), "--port", "0");
        assertEquals(1, timeout.status(), timeout.err());
        assertEquals("NEWSKG_QUERY_TIMEOUT must be a number of seconds: ten\n", timeout.err());
        // the query cap's settings, and timeouts that are no timeout (before: a stack trace after the
        // text-index check for the first two; -1, 0 and NaN silently meant the configured 10 s / 60 s)
        for (String[] bad : new String[][] {
                {"NEWSKG_MAX_QUERIES", "two", "NEWSKG_MAX_QUERIES must be a whole number: two"},
                {"NEWSKG_MAX_QUERIES", "0", "NEWSKG_MAX_QUERIES must be at least 1: 0"},
                {"NEWSKG_QUERY_QUEUE_SECONDS", "x", "NEWSKG_QUERY_QUEUE_SECONDS must be a number of seconds: x"},
                {"NEWSKG_QUERY_TIMEOUT", "-1", "NEWSKG_QUERY_TIMEOUT must be a positive number of seconds: -1"},
                {"NEWSKG_QUERY_TIMEOUT", "0", "NEWSKG_QUERY_TIMEOUT must be a positive number of seconds: 0"},
                {"NEWSKG_QUERY_TIMEOUT", "NaN", "NEWSKG_QUERY_TIMEOUT must be a positive number of seconds: NaN"}}) {
            Run r = serve(java.util.Map.of(bad[0], bad[1]), "--store", store.toString(), "--port", "0");
            assertEquals(1, r.status(), r.err());
            assertEquals(bad[2] + "\n", r.err());
        }
        Run blank = serve(java.util.Map.of("NEWSKG_UPDATE_PASSWORD", "   "), "--store", store.toString(), "--port", "0");
        assertEquals(1, blank.status(), blank.err());
        assertTrue(blank.err().startsWith("NEWSKG_UPDATE_PASSWORD is only whitespace"), blank.err());
        assertEquals(1, blank.err().lines().count(), blank.err());
        Run client = child(java.util.Map.of("NEWSKG_UPDATE_PASSWORD", " \t "), "add", FIRST, "--server", "http://127.0.0.1:9/newskg");
        assertEquals(1, client.status(), client.err());
        assertEquals("NEWSKG_UPDATE_PASSWORD is only whitespace; set it to the server's update password\n", client.err());
        try (java.net.ServerSocket taken = new java.net.ServerSocket(0, 1, java.net.InetAddress.getLoopbackAddress())) {
            Run port = serve(java.util.Map.of(), "--store", store.toString(), "--port", String.valueOf(taken.getLocalPort()));
            assertEquals(1, port.status(), port.err());
            assertTrue(port.err().contains("port " + taken.getLocalPort() + " is in use"), port.err());
            assertFalse(port.err().contains("\tat "), "no stack trace: " + port.err());
        }
    }

    @Test
    void aBuildIsCompactedAndASmallAddIsNot() throws Exception {
        Path store = tmp.resolve("compacted");
        Run b = run("build", "seeds", "--store", store.toString());
        assertEquals(0, b.status(), b.err());
        String built = generations(store);
        assertFalse(built.contains("Data-0001"), "a build left its first generation: " + built);
        Path page = Files.writeString(tmp.resolve("small.txt"), "\n\n测试标题\n\n□ 本报记者 赵一鸣\n\n会上,自治区党委宣传部副部长孙立华作了动员讲话。\n");
        Run add = run("add", page.toString(), "--store", store.toString());
        assertEquals(0, add.status(), add.err());
        assertTrue(add.err().contains("compaction: not needed (1 of the store's "), add.err());
        assertEquals(built, generations(store), "one article added rewrote the store");
    }

    private static String generations(Path store) throws java.io.IOException {
        try (Stream<Path> s = Files.list(store)) {
            return String.join(" ", s.map(p -> p.getFileName().toString()).filter(n -> n.startsWith("Data-")).sorted().toList());
        }
    }

    @Test
    void buildSaysItsProgressAndWhatTheStoreHolds() throws Exception {
        Path store = tmp.resolve("counted");
        Run b = run("build", FIRST, SECOND, "--store", store.toString());
        assertEquals(0, b.status(), b.err());
        // a start line, an end line for each long step; the indexes are built with the store
        for (String step : List.of("build: 2 pages", "build: 2/2 pages in ", "compaction: ", "search index: ")) {
            assertTrue(b.err().contains(step), "no '" + step + "' in:\n" + b.err());
        }
        assertTrue(java.nio.file.Files.isDirectory(store.resolve(io.newskg.serve.search.SearchIndex.DIR)));
        java.util.regex.Matcher m = java.util.regex.Pattern.compile("the store holds (\\d+) articles, (\\d+) officials, (\\d+) posts, (\\d+) regions")
                .matcher(b.err());
        assertTrue(m.find(), b.err());
        try (io.newskg.store.GraphStore gs = io.newskg.store.GraphStore.existing(store)) {
            var ds = gs.dataset();
            long[] counts = ds.calculateRead(() -> {
                long[] n = new long[4];
                String[] classes = {"nkg:Article", "nkg:Official", "org:Post", "nkg:Region"};
                for (int i = 0; i < 4; i++) {
                    try (var qe = org.apache.jena.query.QueryExecutionFactory.create("""
                            PREFIX nkg: <https://w3id.org/newskg/ns#> PREFIX org: <http://www.w3.org/ns/org#>
                            SELECT (COUNT(DISTINCT ?x) AS ?n) WHERE { GRAPH ?g { ?x a %s } }""".formatted(classes[i]), ds)) {
                        n[i] = qe.execSelect().next().getLiteral("n").getLong();
                    }
                }
                return n;
            });
            for (int i = 0; i < 4; i++) assertEquals(counts[i], Long.parseLong(m.group(i + 1)), "count " + i + " in: " + m.group());
        }
    }

    @Test
    void aStoreHeldByAServerIsInUseNotDamaged() throws Exception {
        Path store = tmp.resolve("held");
        assertEquals(0, run("build", FIRST, "--store", store.toString()).status());
        List<String> cmd = new ArrayList<>(List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-cp", System.getProperty("java.class.path"), "io.newskg.cli.Main", "serve", "--store", store.toString(), "--port", "0"));
        Process server = new ProcessBuilder(cmd).redirectErrorStream(true).start();
        try {
            var out = new java.io.BufferedReader(new java.io.InputStreamReader(server.getInputStream(), StandardCharsets.UTF_8));
            for (String line; (line = out.readLine()) != null; ) if (line.startsWith("SPARQL endpoint")) break;
            // in another process, as a user would run it (this JVM keeps its own connection to the store it built)
            Run export = child(java.util.Map.of(), "export", "--store", store.toString(), "--format", "ttl", "--out", tmp.resolve("held.ttl").toString());
            assertEquals(1, export.status(), export.err());
            assertTrue(export.err().contains("held by a running server") || export.err().contains("in use"), export.err());
            assertFalse(export.err().contains("damaged") || export.err().contains("rm -r"), export.err());
        } finally {
            server.destroy();
            server.waitFor(30, TimeUnit.SECONDS);
        }
    }
}
