package io.newskg.e2e;

import io.newskg.extract.Extractor;
import io.newskg.rdf.Iris;
import io.newskg.rdf.NKG;
import io.newskg.rdf.RdfMapper;
import io.newskg.rdf.Shapes;
import io.newskg.serve.Server;
import io.newskg.store.Builder;
import io.newskg.store.GraphStore;
import org.apache.jena.fuseki.main.FusekiServer;
import org.apache.jena.query.QueryExecution;
import org.apache.jena.query.QuerySolution;
import org.apache.jena.query.ResultSet;
import org.apache.jena.rdf.model.Model;
import org.apache.jena.riot.RDFDataMgr;
import org.apache.jena.shacl.ShaclValidator;
import org.apache.jena.shacl.ValidationReport;
import org.apache.jena.shacl.lib.ShLib;
import org.apache.jena.sparql.exec.http.QueryExecutionHTTP;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The real pipeline on seeds/, the real Fuseki on a free port, questions over HTTP. */
class EndToEndTest {
    @TempDir
    static Path tmp;
    static FusekiServer server;
    static String endpoint;
    static Builder.Summary summary;

    @BeforeAll
    static void buildAndServe() throws Exception {
        Path store = tmp.resolve("store");
        List<Path> pages;
        try (Stream<Path> s = Files.list(Path.of("seeds"))) {
            pages = new ArrayList<>(s.filter(p -> p.toString().endsWith(".txt")).sorted().toList());
        }
        // an invented web article with an appointment, a removal and a résumé, dated by its 发布时间 line
        Path web = tmp.resolve("web").resolve("appointment.txt");
        Files.createDirectories(web.getParent());
        Files.writeString(web, """
                溆浦县召开全县干部大会
                发布时间：2020-05-20 10:30
                5月20日，溆浦县召开全县干部大会。会上宣布：任命赵一鸣为中共溆浦县委书记，免去钱二的中共溆浦县委书记职务。
                赵一鸣简历
                赵一鸣，男，1970年3月出生，汉族，湖南怀化人
                2011年8月任怀化市委副秘书长；
                2016年5月任辰溪县委书记；
                """);
        pages.add(web);
        Extractor extractor = new Extractor();
        Builder builder = new Builder(extractor, new RdfMapper(new Iris(NKG.DEFAULT_BASE), extractor.gazetteer()));
        try (GraphStore gs = new GraphStore(store)) {
            summary = builder.build(pages, gs, new PrintStream(new ByteArrayOutputStream(), true, StandardCharsets.UTF_8));
        }
        server = Server.start(Path.of("fuseki-config/config.ttl"), store, 0);
        endpoint = "http://localhost:" + server.getHttpPort() + "/newskg/sparql";
    }

    @AfterAll
    static void stop() {
        if (server != null) server.stop();
    }

    @Test
    void everySeedPageIsLoaded() {
        assertEquals(6, summary.pages());
        assertEquals(0, summary.skipped());
        assertTrue(summary.articles() >= 20, "articles: " + summary.articles());
    }

    @Test
    void xieJingdongIsDeputyHeadOfTheUnitedFrontDepartment() {
        String q = """
                PREFIX org: <http://www.w3.org/ns/org#>
                PREFIX rdfs: <http://www.w3.org/2000/01/rdf-schema#>
                PREFIX skos: <http://www.w3.org/2004/02/skos/core#>
                SELECT ?person ?post WHERE {
                  ?person rdfs:label "谢敬东"@zh ; org:holds ?post .
                  ?post org:role/skos:prefLabel "副部长"@zh ;
                        org:postIn/rdfs:label "内蒙古自治区党委统战部"@zh .
                }""";
        try (QueryExecution qe = QueryExecutionHTTP.service(endpoint).query(q).build()) {
            ResultSet rs = qe.execSelect();
            assertTrue(rs.hasNext(), "no post found over HTTP");
            QuerySolution row = rs.next();
            assertTrue(row.getResource("post").getURI().startsWith(NKG.DEFAULT_BASE + "post/"));
        }
    }

    @Test
    void everyPostLeadsBackToItsSentence() {
        String q = """
                PREFIX org: <http://www.w3.org/ns/org#>
                PREFIX nkg: <https://w3id.org/newskg/ns#>
                PREFIX nif: <http://persistence.uni-leipzig.org/nlp2rdf/ontologies/nif-core#>
                SELECT (COUNT(?post) AS ?n) (COUNT(?text) AS ?withText) WHERE {
                  ?post a org:Post .
                  OPTIONAL { ?post nkg:sentence/nif:anchorOf ?text }
                }""";
        try (QueryExecution qe = QueryExecutionHTTP.service(endpoint).query(q).build()) {
            QuerySolution row = qe.execSelect().next();
            int n = row.getLiteral("n").getInt();
            assertTrue(n > 20, "posts: " + n);
            assertEquals(n, row.getLiteral("withText").getInt());
        }
    }

    @Test
    void theServedGraphConformsToTheShapes() throws Exception {
        HttpResponse<String> r = HttpClient.newHttpClient().send(HttpRequest.newBuilder(
                URI.create("http://localhost:" + server.getHttpPort() + "/newskg/sparql?query="
                        + java.net.URLEncoder.encode("CONSTRUCT { ?s ?p ?o } WHERE { ?s ?p ?o }", StandardCharsets.UTF_8)))
                .header("Accept", "application/n-triples").build(), HttpResponse.BodyHandlers.ofString());
        assertEquals(200, r.statusCode());
        Model m = org.apache.jena.rdf.model.ModelFactory.createDefaultModel();
        RDFDataMgr.read(m, new java.io.StringReader(r.body()), null, org.apache.jena.riot.Lang.NTRIPLES);
        assertTrue(m.size() > 1000, "triples: " + m.size());
        ValidationReport report = Shapes.validate(m.getGraph());
        if (!report.conforms()) ShLib.printReport(report);
        assertTrue(report.conforms(), "SHACL violations: " + report.getEntries().size());
    }

    @Test
    void everyReadmeQueryRunsOverHttp() throws Exception {
        List<Path> queries;
        try (Stream<Path> s = Files.list(Path.of("queries"))) {
            queries = s.filter(p -> p.toString().endsWith(".rq")).sorted().toList();
        }
        assertTrue(queries.size() >= 3);
        for (Path q : queries) {
            try (QueryExecution qe = QueryExecutionHTTP.service(endpoint).query(Files.readString(q)).build()) {
                assertTrue(qe.execSelect().hasNext(), q + " has no answer");
            }
        }
    }

    private List<String> rows(String query) {
        List<String> out = new ArrayList<>();
        try (QueryExecution qe = QueryExecutionHTTP.service(endpoint).query(query).build()) {
            ResultSet rs = qe.execSelect();
            rs.forEachRemaining(r -> {
                StringBuilder row = new StringBuilder();
                for (String v : rs.getResultVars()) row.append(r.get(v)).append('|');
                out.add(row.toString());
            });
        }
        java.util.Collections.sort(out);
        return out;
    }

    @Test
    void readmeQueriesJoiningInsideArticlesAnswerAsTheMergedGraphDoes() throws Exception {
        // the same question asked of the merged default graph, without GRAPH ?g
        String merged = """
                PREFIX org:  <http://www.w3.org/ns/org#>
                PREFIX rdfs: <http://www.w3.org/2000/01/rdf-schema#>
                PREFIX skos: <http://www.w3.org/2004/02/skos/core#>
                SELECT DISTINCT ?org ?role ?name WHERE {
                  ?post org:postIn/rdfs:label ?org ; org:role/skos:prefLabel ?role ; org:heldBy/rdfs:label ?name .
                }""";
        List<String> expected = rows(merged);
        assertTrue(expected.size() > 40, "posts: " + expected.size());
        assertEquals(expected, rows(Files.readString(Path.of("queries/officials-by-organisation.rq"))));
    }

    @Test
    void officialsInsideUlanqabAreFoundThroughTheRegionHierarchy() throws Exception {
        try (QueryExecution qe = QueryExecutionHTTP.service(endpoint)
                .query(Files.readString(Path.of("queries/officials-in-region.rq"))).build()) {
            List<String> names = new ArrayList<>();
            qe.execSelect().forEachRemaining(r -> names.add(r.getLiteral("name").getString()));
            // 白九斤 is a village party secretary in 卓资县, three levels below the city
            assertTrue(names.contains("白九斤"), names.toString());
        }
    }

    private static List<QuerySolution> select(String query) {
        List<QuerySolution> out = new ArrayList<>();
        try (QueryExecution qe = QueryExecutionHTTP.service(endpoint).query(query).build()) {
            qe.execSelect().forEachRemaining(out::add);
        }
        return out;
    }

    @Test
    void careerQueryListsPostsInTimeOrderWithStatusAndSentence() throws Exception {
        String q = Files.readString(Path.of("queries/career.rq")).replace("VALUES ?wanted { \"谢敬东\" }", "VALUES ?wanted { \"赵一鸣\" }");
        List<QuerySolution> rows = select(q);
        List<String> got = rows.stream().map(r -> r.getLiteral("organisation").getString() + "|" + r.getLiteral("title").getString()
                + "|" + r.getLiteral("status").getString() + "|" + (r.contains("start") ? r.getLiteral("start").getLexicalForm() : "")
                + "|" + (r.contains("end") ? r.getLiteral("end").getLexicalForm() : "")).toList();
        assertEquals(List.of("怀化市委|副秘书长|原任|2011-08|2016-05", "辰溪县委|书记|原任|2016-05|",
                "中共溆浦县委|书记|任命|2020-05-20|"), got);
        assertTrue(rows.get(0).getLiteral("sentence").getString().startsWith("2011年8月任怀化市委副秘书长"), rows.get(0).toString());
        assertEquals("2020-05-20", rows.get(2).getLiteral("reportedOn").getLexicalForm());
        // the seeds' default person answers too
        assertTrue(select(Files.readString(Path.of("queries/career.rq"))).size() >= 2);
    }

    /**
     * career.rq and officials-on-date.rq join inside article graphs and look names up by
     * nkg:name, which makes them milliseconds on a 10 M-quad store; they answer as their former
     * merged-graph forms did, for every official of the store and every organisation and title.
     */
    @Test
    void selectiveQueriesAnswerAsTheirMergedGraphForms() throws Exception {
        String career = Files.readString(Path.of("queries/career.rq"));
        String careerMerged = Files.readString(Path.of("src/test/resources/queries-merged/career.rq"));
        String onDate = Files.readString(Path.of("queries/officials-on-date.rq"));
        String onDateMerged = Files.readString(Path.of("src/test/resources/queries-merged/officials-on-date.rq"));
        List<QuerySolution> posts = select("""
                PREFIX org: <http://www.w3.org/ns/org#>
                PREFIX nkg: <https://w3id.org/newskg/ns#>
                SELECT DISTINCT ?name ?org ?title WHERE {
                  GRAPH ?g { ?ms a org:Membership ; org:member/nkg:name ?name ; org:organization/nkg:name ?org ; org:role/nkg:name ?title }
                }""");
        assertTrue(posts.size() > 40, "posts: " + posts.size());
        int answered = 0;
        for (QuerySolution p : posts) {
            String name = p.getLiteral("name").getString();
            String wanted = "VALUES ?wanted { \"" + name + "\" }";
            List<String> got = rows(career.replace("VALUES ?wanted { \"谢敬东\" }", wanted));
            assertEquals(rows(careerMerged.replace("VALUES ?wanted { \"谢敬东\" }", wanted)), got, name);
            assertFalse(got.isEmpty(), name);
            String which = "(\"" + p.getLiteral("org").getString() + "\" \"" + p.getLiteral("title").getString() + "\" \"2020-06-01\")";
            String seeds = "(\"内蒙古自治区党委统战部\" \"副部长\" \"2021-12-01\")";
            List<String> held = rows(onDate.replace(seeds, which));
            assertEquals(rows(onDateMerged.replace(seeds, which)), held, which);
            if (!held.isEmpty()) answered++;
        }
        assertTrue(answered > 0, "some organisation answers on the day");
    }

    @Test
    void officialsOfAnOrganisationOnADay() throws Exception {
        String q = Files.readString(Path.of("queries/officials-on-date.rq"))
                .replace("(\"内蒙古自治区党委统战部\" \"副部长\" \"2021-12-01\")", "(\"中共溆浦县委\" \"书记\" \"2020-06-01\")");
        List<String> names = select(q).stream().map(r -> r.getLiteral("name").getString()).toList();
        // appointed on 2020-05-20; the one removed that day is no longer
        assertEquals(List.of("赵一鸣"), names);
        q = q.replace("2020-06-01", "2020-05-01");
        assertEquals(List.of(), select(q).stream().map(r -> r.getLiteral("name").getString()).toList());
    }

    @Test
    void anAppointmentIsAnEventThatStartsAndEndsMemberships() {
        String q = """
                PREFIX nkg: <https://w3id.org/newskg/ns#>
                PREFIX org: <http://www.w3.org/ns/org#>
                PREFIX rdfs: <http://www.w3.org/2000/01/rdf-schema#>
                SELECT ?how ?name WHERE {
                  ?e nkg:eventType nkg:Appointment .
                  { ?e nkg:starts ?ms BIND("starts" AS ?how) } UNION { ?e nkg:ends ?ms BIND("ends" AS ?how) }
                  ?ms org:member/rdfs:label ?name .
                } ORDER BY ?how ?name""";
        List<String> got = select(q).stream().map(r -> r.getLiteral("how").getString() + " " + r.getLiteral("name").getString()).toList();
        assertEquals(List.of("ends 钱二", "starts 赵一鸣"), got);
    }

    @Test
    void updatesAreNotOffered() throws Exception {
        HttpResponse<String> r = HttpClient.newHttpClient().send(HttpRequest.newBuilder(
                URI.create("http://localhost:" + server.getHttpPort() + "/newskg/update"))
                .POST(HttpRequest.BodyPublishers.ofString("INSERT DATA { <urn:a> <urn:b> <urn:c> }"))
                .header("Content-Type", "application/sparql-update").build(), HttpResponse.BodyHandlers.ofString());
        assertTrue(r.statusCode() >= 400, "update answered " + r.statusCode());
    }
}
