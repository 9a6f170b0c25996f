package io.newskg.serve;

import io.newskg.rdf.NKG;
import io.newskg.serve.SeedStore.Running;
import io.newskg.store.GraphStore;
import org.apache.jena.query.QueryExecution;
import org.apache.jena.query.QuerySolution;
import org.apache.jena.rdf.model.Model;
import org.apache.jena.rdf.model.ModelFactory;
import org.apache.jena.riot.Lang;
import org.apache.jena.riot.RDFDataMgr;
import org.apache.jena.sparql.exec.http.QueryExecutionHTTP;
import org.apache.jena.vocabulary.RDFS;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

import java.io.StringReader;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The served graph over real HTTP: search, linked data, VoID, CORS, the update password and the timeout. */
@Timeout(value = 120, threadMode = Timeout.ThreadMode.SEPARATE_THREAD)
class ServerTest {
    static final HttpClient HTTP = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(10)).build();
    static final String PREFIXES = """
            PREFIX text: <http://jena.apache.org/text#>
            PREFIX rdfs: <http://www.w3.org/2000/01/rdf-schema#>
            PREFIX skos: <http://www.w3.org/2004/02/skos/core#>
            PREFIX org:  <http://www.w3.org/ns/org#>
            PREFIX nkg:  <https://w3id.org/newskg/ns#>
            """;

    @BeforeAll
    static void store() {
        SeedStore.path();
    }

    static List<QuerySolution> select(Running r, String query) {
        List<QuerySolution> rows = new ArrayList<>();
        try (QueryExecution qe = QueryExecutionHTTP.service(r.url("/newskg/sparql")).query(PREFIXES + query).build()) {
            qe.execSelect().forEachRemaining(rows::add);
        }
        return rows;
    }

    static boolean ask(Running r, String query) {
        try (QueryExecution qe = QueryExecutionHTTP.service(r.url("/newskg/sparql")).query(PREFIXES + query).build()) {
            return qe.execAsk();
        }
    }

    static HttpResponse<String> get(String url, String... headers) throws Exception {
        HttpRequest.Builder b = HttpRequest.newBuilder(URI.create(url)).timeout(Duration.ofSeconds(30)).GET();
        for (int i = 0; i < headers.length; i += 2) b.header(headers[i], headers[i + 1]);
        return HTTP.send(b.build(), HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
    }

    static HttpResponse<String> send(String method, String url, String contentType, String body, String... headers) throws Exception {
        HttpRequest.Builder b = HttpRequest.newBuilder(URI.create(url)).timeout(Duration.ofSeconds(30))
                .method(method, HttpRequest.BodyPublishers.ofString(body, StandardCharsets.UTF_8))
                .header("Content-Type", contentType);
        for (int i = 0; i < headers.length; i += 2) b.header(headers[i], headers[i + 1]);
        return HTTP.send(b.build(), HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
    }

    static String basic(String user, String password) {
        return "Basic " + Base64.getEncoder().encodeToString((user + ":" + password).getBytes(StandardCharsets.UTF_8));
    }

    static String personIri(Running r, String name) {
        List<QuerySolution> rows = select(r, "SELECT ?p WHERE { ?p a nkg:Official ; rdfs:label \"" + name + "\"@zh }");
        assertFalse(rows.isEmpty(), "no official " + name);
        return rows.get(0).getResource("p").getURI();
    }

    // ---- full-text search

    @Test
    void chineseSearchFindsPartialNamesOfPlacesAndTheirOfficials() {
        try (Running r = Running.start(SeedStore.options())) {
            List<String> labels = new ArrayList<>();
            for (QuerySolution row : select(r, """
                    SELECT ?s ?label WHERE { (?s ?score ?label) text:query (rdfs:label "乌兰察布") . ?s a nkg:Region }""")) {
                labels.add(row.getLiteral("label").getString());
            }
            assertTrue(labels.contains("乌兰察布市"), labels.toString());
            // The README query: officials with a post anywhere inside the places found.
            List<String> names = new ArrayList<>();
            for (QuerySolution row : select(r, """
                    SELECT DISTINCT ?name WHERE {
                      ?place text:query (rdfs:label "乌兰察布") ; a nkg:Region .
                      ?within nkg:partOf* ?place .
                      ?o org:basedAt ?within .
                      ?post org:postIn ?o ; org:heldBy/rdfs:label ?name .
                    }""")) {
                names.add(row.getLiteral("name").getString());
            }
            assertTrue(names.contains("白九斤"), names.toString());
            // Part of an organisation's name, and a person's name in the article texts.
            assertTrue(ask(r, "ASK { ?o text:query (skos:prefLabel \"统战部\") ; rdfs:label \"内蒙古自治区党委统战部\"@zh }"));
            assertTrue(ask(r, "ASK { ?s text:query (<http://purl.org/dc/terms/title> \"谢敬东\") }"));
            // Full-width and case folding; nothing for what is not there.
            assertFalse(ask(r, "ASK { ?s text:query (rdfs:label \"不存在的地方名字\") }"));
        }
    }

    @Test
    void theIndexFollowsChangesMadeBehindItsBack() throws Exception {
        String graph = NKG.DEFAULT_BASE + "graph/test-consistency";
        String q = "ASK { ?s text:query (rdfs:label \"一致性测试单位\") }";
        try (Running r = Running.start(SeedStore.options())) {
            assertFalse(ask(r, q));
        }
        Model m = ModelFactory.createDefaultModel();
        m.createResource("urn:x-test:unit").addProperty(RDFS.label, "某某一致性测试单位", "zh");
        try (GraphStore gs = new GraphStore(SeedStore.path())) {
            gs.replaceGraph(graph, m);
        }
        try (Running r = Running.start(SeedStore.options())) {
            assertTrue(ask(r, q), "index not rebuilt after a direct store write");
        }
        try (GraphStore gs = new GraphStore(SeedStore.path())) {
            gs.dataset().executeWrite(() -> gs.dataset().removeNamedModel(graph));
        }
        try (Running r = Running.start(SeedStore.options())) {
            assertFalse(ask(r, q), "index still finds a removed label");
        }
    }

    // ---- linked data

    @Test
    void instanceIrisAnswerInEveryFormatByContentNegotiation() throws Exception {
        try (Running r = Running.start(SeedStore.options())) {
            String iri = personIri(r, "谢敬东");
            assertTrue(iri.matches(java.util.regex.Pattern.quote(NKG.DEFAULT_BASE) + "person/谢敬东-[0-9a-f]{16}"), iri);
            // as a browser sends it: the name percent-encoded
            String url = r.url("/id/" + HtmlPage.safePath(iri.substring(NKG.DEFAULT_BASE.length())));
            assertTrue(url.contains("/id/person/%E8%B0%A2"), url);
            for (Map.Entry<String, Lang> f : Map.of("text/turtle", Lang.TURTLE, "application/ld+json", Lang.JSONLD,
                    "application/n-triples", Lang.NTRIPLES, "application/rdf+xml", Lang.RDFXML).entrySet()) {
                HttpResponse<String> resp = get(url, "Accept", f.getKey());
                assertEquals(200, resp.statusCode(), f.getKey());
                assertTrue(resp.headers().firstValue("Content-Type").orElse("").startsWith(f.getKey()), resp.headers().toString());
                Model m = ModelFactory.createDefaultModel();
                RDFDataMgr.read(m, new StringReader(resp.body()), null, f.getValue());
                assertTrue(m.contains(m.createResource(iri), RDFS.label, "谢敬东", "zh"), f.getKey());
                assertTrue(m.contains(m.createResource(iri), m.createProperty("http://www.w3.org/ns/org#holds")), f.getKey());
            }
            // A browser gets HTML with links to the neighbours' pages.
            HttpResponse<String> html = get(url, "Accept", "text/html,application/xhtml+xml,application/xml;q=0.9,*/*;q=0.8");
            assertEquals(200, html.statusCode());
            assertTrue(html.headers().firstValue("Content-Type").orElse("").startsWith("text/html"));
            assertTrue(html.body().contains("<h1>谢敬东</h1>"), html.body());
            assertTrue(html.body().contains("href=\"/id/post/"), "no link to a post page");
            assertTrue(html.body().contains("统战部"), "post not named");
            // an organisation's page, reached by the link on its post's page
            java.util.regex.Matcher post = java.util.regex.Pattern.compile("href=\"(/id/post/[^\"]+)\"").matcher(html.body());
            assertTrue(post.find());
            String postPage = get(r.url(post.group(1)), "Accept", "text/html").body();
            java.util.regex.Matcher org = java.util.regex.Pattern.compile("href=\"(/id/org/%[^\"]+)\"").matcher(postPage);
            assertTrue(org.find(), postPage);
            HttpResponse<String> orgPage = get(r.url(org.group(1)), "Accept", "text/html");
            assertEquals(200, orgPage.statusCode(), org.group(1));
            assertTrue(orgPage.body().matches("(?s).*<code>" + java.util.regex.Pattern.quote(NKG.DEFAULT_BASE) + "org/\\p{IsHan}+-[0-9a-f]{16}</code>.*"), orgPage.body());
            // ?format= wins over Accept; a missing resource is 404; an unknown type 406.
            assertTrue(get(url + "?format=nt", "Accept", "text/html").body().contains("<" + iri + ">"));
            assertEquals(404, get(r.url("/id/person/%E8%B0%A2%E6%95%AC%E4%B8%9C-0000000000000000"), "Accept", "text/turtle").statusCode());
            assertEquals(406, get(url, "Accept", "image/png").statusCode());
        }
    }

    @Test
    void regionPagesLinkUpAndDown() throws Exception {
        try (Running r = Running.start(SeedStore.options())) {
            HttpResponse<String> resp = get(r.url("/id/region/150900"), "Accept", "text/html");
            assertEquals(200, resp.statusCode());
            assertTrue(resp.body().contains("乌兰察布市"), resp.body());
            assertTrue(resp.body().contains("href=\"/id/region/150000\""), "no link to the province");
        }
    }

    @Test
    void theDatasetHasAVoidDescription() throws Exception {
        try (Running r = Running.start(SeedStore.options())) {
            for (String path : List.of("/void", "/.well-known/void", "/id/dataset")) {
                HttpResponse<String> resp = get(r.url(path), "Accept", "text/turtle");
                assertEquals(200, resp.statusCode(), path);
                Model m = ModelFactory.createDefaultModel();
                RDFDataMgr.read(m, new StringReader(resp.body()), null, Lang.TURTLE);
                var ds = m.createResource(NKG.DEFAULT_BASE + "dataset");
                String v = VoidServlet.VOID;
                assertTrue(ds.getProperty(m.createProperty(v, "triples")).getLong() > 1000, path);
                assertEquals(r.url("/newskg/sparql"), ds.getPropertyResourceValue(m.createProperty(v, "sparqlEndpoint")).getURI());
                assertEquals(NKG.DEFAULT_BASE, ds.getProperty(m.createProperty(v, "uriSpace")).getString());
                assertTrue(ds.hasProperty(m.createProperty(v, "classPartition")));
            }
        }
    }

    @Test
    void onlyTheServerStatusTheUiNeedsIsOpen() throws Exception {
        try (Running r = Running.start(SeedStore.options())) {
            HttpResponse<String> status = get(r.url("/$/server"), "Accept", "application/json");
            assertEquals(200, status.statusCode(), "the Fuseki UI lists the datasets from it");
            assertEquals(200, get(r.url("/$/ping")).statusCode(), "and checks the server is up");
            assertFalse(status.body().contains(SeedStore.options().store().toAbsolutePath().toString()),
                    "no server paths: " + status.body());
            for (String admin : List.of("/$/stats", "/$/stats/newskg", "/$/datasets", "/$/metrics", "/$/tasks", "/$/backups-list")) {
                int code = get(r.url(admin)).statusCode();
                assertTrue(code == 404 || code == 401 || code == 403, admin + " answered " + code);
            }
            for (String admin : List.of("/$/backup/newskg", "/$/compact/newskg", "/$/sleep", "/$/datasets")) {
                int code = send("POST", r.url(admin), "application/x-www-form-urlencoded", "").statusCode();
                assertTrue(code == 404 || code == 401 || code == 403 || code == 405 || code == 415, "POST " + admin + " answered " + code);
            }
        }
    }

    @Test
    void theFusekiUiAndTheGraphViewAreServed() throws Exception {
        try (Running r = Running.start(SeedStore.options())) {
            HttpResponse<String> ui = get(r.url("/"), "Accept", "text/html");
            assertEquals(200, ui.statusCode());
            assertTrue(ui.body().contains("Fuseki"), ui.body());
            HttpResponse<String> status = get(r.url("/$/server"), "Accept", "application/json");
            assertEquals(200, status.statusCode());
            assertTrue(status.body().contains("/newskg"), status.body());
            HttpResponse<String> view = get(r.url("/graph/"));
            assertEquals(200, view.statusCode());
            assertTrue(view.body().contains("app.js"), view.body());
            HttpResponse<String> cfg = get(r.url("/graph/config.json"));
            assertTrue(cfg.body().contains("\"sparql\":\"/newskg/sparql\""), cfg.body());
            assertEquals(404, get(r.url("/graph/../config.ttl")).statusCode());
            // Curl's default Accept gets Turtle.
            HttpResponse<String> any = get(r.url("/id/region/150000"), "Accept", "*/*");
            assertTrue(any.headers().firstValue("Content-Type").orElse("").startsWith("text/turtle"), any.headers().toString());
        }
    }

    // ---- CORS

    @Test
    void otherOriginsMayQuery() throws Exception {
        try (Running r = Running.start(SeedStore.options())) {
            String q = URLEncoder.encode("SELECT * WHERE { ?s ?p ?o } LIMIT 1", StandardCharsets.UTF_8);
            HttpResponse<String> resp = get(r.url("/newskg/sparql?query=" + q), "Origin", "https://yasgui.example",
                    "Accept", "application/sparql-results+json");
            assertEquals(200, resp.statusCode());
            assertTrue(List.of("*", "https://yasgui.example").contains(resp.headers().firstValue("Access-Control-Allow-Origin").orElse("")), resp.headers().toString());
            HttpResponse<String> pre = send("OPTIONS", r.url("/newskg/sparql"), "text/plain", "",
                    "Origin", "https://yasgui.example", "Access-Control-Request-Method", "POST",
                    "Access-Control-Request-Headers", "content-type");
            assertTrue(pre.statusCode() < 300, "preflight " + pre.statusCode());
            assertNotNull(pre.headers().firstValue("Access-Control-Allow-Methods").orElse(null), pre.headers().toString());
            assertTrue(pre.headers().firstValue("Access-Control-Allow-Methods").get().contains("POST"));
            HttpResponse<String> ld = get(r.url("/id/region/150000"), "Origin", "https://example.org", "Accept", "text/turtle");
            assertTrue(ld.headers().firstValue("Access-Control-Allow-Origin").isPresent(), ld.headers().toString());
        }
    }

    // ---- updates

    @Test
    void withoutAPasswordTheServerIsReadOnly() throws Exception {
        try (Running r = Running.start(SeedStore.options())) {
            HttpResponse<String> u = send("POST", r.url("/newskg/update"), "application/sparql-update",
                    "INSERT DATA { <urn:x-test:a> <urn:x-test:b> \"c\" }");
            assertTrue(u.statusCode() >= 400, "update answered " + u.statusCode());
            HttpResponse<String> u2 = send("POST", r.url("/newskg/update"), "application/sparql-update",
                    "INSERT DATA { <urn:x-test:a> <urn:x-test:b> \"c\" }", "Authorization", basic("admin", "anything"));
            assertTrue(u2.statusCode() >= 400, "update answered " + u2.statusCode());
            HttpResponse<String> put = send("PUT", r.url("/newskg/get?graph=urn:x-test:g"), "text/turtle", "<urn:x-test:a> <urn:x-test:b> 1 .");
            assertTrue(put.statusCode() >= 400, "GSP write answered " + put.statusCode());
            assertFalse(ask(r, "ASK { <urn:x-test:a> ?p ?o }"));
            // Reading through the Graph Store Protocol works.
            HttpResponse<String> g = get(r.url("/newskg/get?graph=" + URLEncoder.encode(NKG.DEFAULT_BASE + "graph/gazetteer", StandardCharsets.UTF_8)),
                    "Accept", "text/turtle");
            assertEquals(200, g.statusCode());
            assertTrue(g.body().contains("乌兰察布市"));
        }
    }

    @Test
    void updatesNeedThePassword() throws Exception {
        String insert = "PREFIX rdfs: <http://www.w3.org/2000/01/rdf-schema#> INSERT DATA { GRAPH <urn:x-test:g> { <urn:x-test:unit> rdfs:label \"密码测试专用单位<b>\"@zh } }";
        String present = "ASK { GRAPH <urn:x-test:g> { <urn:x-test:unit> ?p ?o } }";
        try (Running r = Running.start(SeedStore.options().withPassword("s3cret-pass"))) {
            // No credentials: 401 with a Basic challenge; wrong ones: 401; nothing changes.
            HttpResponse<String> none = send("POST", r.url("/newskg/update"), "application/sparql-update", insert);
            assertEquals(401, none.statusCode());
            assertTrue(none.headers().firstValue("WWW-Authenticate").orElse("").startsWith("Basic"), none.headers().toString());
            assertEquals(401, send("POST", r.url("/newskg/update"), "application/sparql-update", insert,
                    "Authorization", basic("admin", "wrong")).statusCode());
            int other = send("POST", r.url("/newskg/update"), "application/sparql-update", insert,
                    "Authorization", basic("someone", "s3cret-pass")).statusCode();
            assertTrue(other == 401 || other == 403, "other user: " + other);
            assertEquals(401, send("PUT", r.url("/newskg/data?graph=urn:x-test:g"), "text/turtle",
                    "<urn:x-test:unit> <urn:x-test:p> 1 .").statusCode());
            // Updates through the query endpoint are refused too.
            assertTrue(send("POST", r.url("/newskg/sparql"), "application/sparql-update", insert).statusCode() >= 400);
            assertFalse(ask(r, present), "an unauthorised update changed the store");

            // With the password: accepted, visible to queries and to the text index at once.
            HttpResponse<String> ok = send("POST", r.url("/newskg/update"), "application/sparql-update", insert,
                    "Authorization", basic("admin", "s3cret-pass"));
            assertTrue(ok.statusCode() == 200 || ok.statusCode() == 204, "update answered " + ok.statusCode() + " " + ok.body());
            assertTrue(ask(r, present));
            assertTrue(ask(r, "ASK { <urn:x-test:unit> text:query (rdfs:label \"密码测试专用\") }"), "index not updated");
            // GSP writes with the password.
            HttpResponse<String> put = send("PUT", r.url("/newskg/data?graph=urn:x-test:g2"), "text/turtle",
                    "<urn:x-test:unit2> <http://www.w3.org/2000/01/rdf-schema#label> \"第二\" .",
                    "Authorization", basic("admin", "s3cret-pass"));
            assertTrue(put.statusCode() < 300, "GSP PUT answered " + put.statusCode());
            assertTrue(ask(r, "ASK { GRAPH <urn:x-test:g2> { ?s ?p \"第二\" } }"));
            // Clean up.
            HttpResponse<String> drop = send("POST", r.url("/newskg/update"), "application/sparql-update",
                    "DROP SILENT GRAPH <urn:x-test:g> ; DROP SILENT GRAPH <urn:x-test:g2>", "Authorization", basic("admin", "s3cret-pass"));
            assertTrue(drop.statusCode() < 300);
            assertFalse(ask(r, present));
            assertFalse(ask(r, "ASK { ?s text:query (rdfs:label \"密码测试专用\") }"), "index keeps a dropped label");
        }
    }

    @Test
    void htmlPagesEscapeWhatTheDataSays() throws Exception {
        String base = "http://example.org/kg/";
        String insert = "PREFIX rdfs: <http://www.w3.org/2000/01/rdf-schema#> INSERT DATA { GRAPH <urn:x-test:esc> { <"
                + base + "thing/1> rdfs:label \"<script>alert('x')</script> & 名\"@zh ; <urn:x-test:link> <" + base + "thing/2> . } }";
        try (Running r = Running.start(SeedStore.options().withPassword("pw").withBase(base))) {
            assertEquals(204 / 100, send("POST", r.url("/newskg/update"), "application/sparql-update", insert,
                    "Authorization", basic("admin", "pw")).statusCode() / 100);
            try {
                HttpResponse<String> page = get(r.url("/id/thing/1"), "Accept", "text/html");
                assertEquals(200, page.statusCode());
                assertFalse(page.body().contains("<script>alert"), page.body());
                assertTrue(page.body().contains("&lt;script&gt;alert(&#39;x&#39;)&lt;/script&gt; &amp; 名"), page.body());
                assertTrue(page.body().contains("href=\"/id/thing/2\""), "configured base not mapped to /id/");
            } finally {
                send("POST", r.url("/newskg/update"), "application/sparql-update", "DROP SILENT GRAPH <urn:x-test:esc>",
                        "Authorization", basic("admin", "pw"));
            }
        }
    }

    @Test
    void passwordsComeFromTheEnvironmentOrAFile() throws Exception {
        java.nio.file.Path f = java.nio.file.Files.createTempFile("pw", ".txt");
        java.nio.file.Files.writeString(f, "  from-file \n");
        Server.Options o = Server.Options.fromEnvironment(null, SeedStore.path(), 0, Map.of(Server.ENV_PASSWORD_FILE, f.toString(), Server.ENV_TIMEOUT, "2.5"));
        assertEquals("from-file", o.updatePassword());
        assertEquals(2500, o.timeoutMillis());
        assertEquals("env", Server.Options.fromEnvironment(null, SeedStore.path(), 0, Map.of(Server.ENV_PASSWORD, "env")).updatePassword());
        assertEquals(null, Server.Options.fromEnvironment(null, SeedStore.path(), 0, Map.of()).updatePassword());
    }

    // ---- timeout

    @Test
    void runawayQueriesAreStopped() throws Exception {
        try (Running r = Running.start(SeedStore.options().withTimeoutMillis(500))) {
            String q = "SELECT (COUNT(*) AS ?n) WHERE { ?a ?b ?c . ?d ?e ?f . ?g ?h ?i }";
            long t0 = System.nanoTime();
            HttpResponse<String> resp = get(r.url("/newskg/sparql?query=" + URLEncoder.encode(q, StandardCharsets.UTF_8)),
                    "Accept", "application/sparql-results+json");
            long ms = (System.nanoTime() - t0) / 1_000_000;
            assertEquals(503, resp.statusCode(), resp.body());
            assertTrue(ms < 10_000, "took " + ms + " ms");
            // Quick queries still answer.
            assertTrue(ask(r, "ASK { ?s a nkg:Region }"));
        }
    }
}
