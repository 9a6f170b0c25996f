package io.newskg.serve;

import com.sun.net.httpserver.HttpServer;
import io.newskg.serve.SeedStore.Running;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

import java.lang.management.ManagementFactory;
import java.net.InetSocketAddress;
import java.net.URLEncoder;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.concurrent.atomic.AtomicInteger;

import static io.newskg.serve.ServerTest.ask;
import static io.newskg.serve.ServerTest.get;
import static io.newskg.serve.ServerTest.send;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Attacks on the served endpoint (issue 18), each over real HTTP against a server on a free port. */
@Timeout(value = 180, threadMode = Timeout.ThreadMode.SEPARATE_THREAD)
class SecurityTest {
    static final String SECRET = "INTERNAL-SECRET-7f3a9";

    @BeforeAll
    static void store() {
        SeedStore.path();
    }

    static String q(String query) {
        return URLEncoder.encode(query, StandardCharsets.UTF_8);
    }

    /** A local service the SPARQL endpoint must not reach: it counts hits and answers a secret. */
    static HttpServer internalService(AtomicInteger hits) throws Exception {
        return internalService(hits, 500);
    }

    static HttpServer internalService(AtomicInteger hits, int status) throws Exception {
        HttpServer s = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        s.createContext("/", ex -> {
            hits.incrementAndGet();
            byte[] b = ("{\"head\":{},\"results\":" + SECRET).getBytes(StandardCharsets.UTF_8);
            ex.getResponseHeaders().add("Content-Type", "application/sparql-results+json");
            ex.sendResponseHeaders(status, b.length);
            ex.getResponseBody().write(b);
            ex.close();
        });
        s.start();
        return s;
    }

    // ---- 1. SSRF through SERVICE

    @Test
    void serviceIsRefusedOnThePublicEndpoint() throws Exception {
        AtomicInteger hits = new AtomicInteger();
        HttpServer internal = internalService(hits);
        String target = "http://127.0.0.1:" + internal.getAddress().getPort() + "/admin";
        try (Running r = Running.start(SeedStore.options())) {
            for (String query : new String[] {
                    "SELECT * WHERE { SERVICE <" + target + "> { ?s ?p ?o } }",
                    "SELECT * WHERE { BIND(<" + target + "> AS ?u) SERVICE ?u { ?s ?p ?o } }",
                    "SELECT * WHERE { SERVICE SILENT <" + target + "> { ?s ?p ?o } }"}) {
                HttpResponse<String> resp = get(r.url("/newskg/sparql?query=" + q(query)), "Accept", "application/sparql-results+json");
                assertFalse(resp.body().contains(SECRET), resp.body());
                assertFalse(resp.statusCode() == 200 && !query.contains("SILENT"), resp.statusCode() + " " + resp.body());
            }
            assertEquals(0, hits.get(), "the endpoint fetched an internal URL");
            assertTrue(ask(r, "ASK { ?s a nkg:Region }"));
        } finally {
            internal.stop(0);
        }
    }

    @Test
    void federationCanBeTurnedOnButErrorsDoNotEchoTheRemoteBody() throws Exception {
        for (int status : new int[] {500, 200, 400, 404}) {
        AtomicInteger hits = new AtomicInteger();
        HttpServer internal = internalService(hits, status);
        String target = "http://127.0.0.1:" + internal.getAddress().getPort() + "/sparql";
        try (Running r = Running.start(SeedStore.options().withFederation(true))) {
            HttpResponse<String> resp = get(r.url("/newskg/sparql?query=" + q("SELECT * WHERE { SERVICE <" + target + "> { ?s ?p ?o } }")),
                    "Accept", "application/sparql-results+json");
            assertTrue(hits.get() > 0, "federation on, yet SERVICE was not run");
            assertTrue(resp.statusCode() >= 400, resp.statusCode() + " " + resp.body());
            System.err.println("FEDERATED " + status + ": " + resp.statusCode() + " " + resp.body());
            assertFalse(resp.body().contains(SECRET), resp.body());
        } finally {
            internal.stop(0);
        }
        }
    }

    // ---- 2. CPU bounds

    @Test
    void requestsOverTheSizeLimitGet413() throws Exception {
        try (Running r = Running.start(SeedStore.options().withMaxRequestBytes(4096))) {
            String big = "SELECT * WHERE { ?s ?p ?o FILTER(?o IN (" + "1,".repeat(3000) + "1)) } LIMIT 1";
            assertEquals(413, send("POST", r.url("/newskg/sparql"), "application/sparql-query", big).statusCode());
            assertEquals(413, send("POST", r.url("/newskg/sparql"), "application/x-www-form-urlencoded", "query=" + q(big)).statusCode());
            assertEquals(413, get(r.url("/newskg/sparql?query=" + q(big))).statusCode());
            // A body sent without a length (chunked) is counted too.
            var chunked = java.net.http.HttpRequest.newBuilder(java.net.URI.create(r.url("/newskg/sparql")))
                    .header("Content-Type", "application/sparql-query")
                    .POST(java.net.http.HttpRequest.BodyPublishers.ofInputStream(
                            () -> new java.io.ByteArrayInputStream(big.getBytes(StandardCharsets.UTF_8)))).build();
            assertEquals(413, ServerTest.HTTP.send(chunked, HttpResponse.BodyHandlers.ofString()).statusCode());
            // Under the limit: answered.
            HttpResponse<String> ok = send("POST", r.url("/newskg/sparql"), "application/sparql-query", "ASK { ?s ?p ?o }",
                    "Accept", "application/sparql-results+json");
            assertEquals(200, ok.statusCode(), ok.body());
        }
    }

    @Test
    void theDefaultSizeLimitIs256KB() {
        assertEquals(256 * 1024, SeedStore.options().maxRequestBytes());
        assertEquals(1000, Server.Options.fromEnvironment(null, SeedStore.path(), 0,
                java.util.Map.of(Server.ENV_MAX_REQUEST, "1000")).maxRequestBytes());
        assertEquals(64L << 20, SeedStore.options().maxUpdateBytes());
        assertEquals(5_000_000, Server.Options.fromEnvironment(null, SeedStore.path(), 0,
                java.util.Map.of(Server.ENV_MAX_UPDATE, "5000000")).maxUpdateBytes());
        IllegalArgumentException e = org.junit.jupiter.api.Assertions.assertThrows(IllegalArgumentException.class,
                () -> Server.Options.fromEnvironment(null, SeedStore.path(), 0, java.util.Map.of(Server.ENV_MAX_UPDATE, "lots")));
        assertTrue(e.getMessage().contains(Server.ENV_MAX_UPDATE), e.getMessage());
    }

    /** CPU time of this process (server and test share the JVM), in milliseconds. */
    /**
     * CPU time of the JVM's Java threads (the server's request and query threads among them), not of
     * the JIT compiler and the garbage collector, which work on after a burst of load whatever the
     * server does. Threads are pooled, so one that ran on after the deadline is still counted.
     */
    static long cpuMillis() {
        java.lang.management.ThreadMXBean threads = ManagementFactory.getThreadMXBean();
        long sum = 0;
        for (long id : threads.getAllThreadIds()) {
            long t = threads.getThreadCpuTime(id);
            if (t > 0) sum += t;
        }
        return sum / 1_000_000;
    }

    @Test
    void aCatastrophicRegexStopsAtTheTimeout() throws Exception {
        // (a+)+ with a back-reference defeats Java's loop memo: 28 a's take 8 s, each 2 more about 3 times that.
        String text = "a".repeat(36) + "!";
        String re = "^(a+)+(\\\\1)$";
        for (String query : new String[] {
                "SELECT * WHERE { ?s a nkg:Region BIND(\"" + text + "\" AS ?t) FILTER(REGEX(?t, \"" + re + "\")) }",
                "SELECT (REPLACE(?t, \"" + re + "\", \"x\") AS ?r) WHERE { ?s a nkg:Region BIND(\"" + text + "\" AS ?t) }",
                "ASK { FILTER(REGEX(\"" + text + "\", \"" + re + "\")) }"}) {
            try (Running r = Running.start(SeedStore.options().withTimeoutMillis(1000))) {
                long t0 = System.nanoTime();
                HttpResponse<String> resp;
                try {
                    resp = ServerTest.HTTP.send(java.net.http.HttpRequest.newBuilder(java.net.URI.create(
                            r.url("/newskg/sparql?query=" + q(ServerTest.PREFIXES + query)))).timeout(java.time.Duration.ofSeconds(10))
                            .header("Accept", "application/sparql-results+json").build(), HttpResponse.BodyHandlers.ofString());
                } catch (java.net.http.HttpTimeoutException e) {
                    Thread.getAllStackTraces().forEach((t, st) -> {
                        if (t.getName().startsWith("qtp")) {
                            System.err.println("THREAD " + t.getName());
                            for (StackTraceElement x : st) System.err.println("   " + x);
                        }
                    });
                    throw new AssertionError(query + ": no answer in 10 s");
                }
                long ms = (System.nanoTime() - t0) / 1_000_000;
                assertEquals(503, resp.statusCode(), query + " → " + resp.body());
                assertTrue(ms < 5000, "answered after " + ms + " ms");
                // Once the answer is out, the server's threads are idle again.
                Thread.sleep(500);
                long c0 = cpuMillis(), w0 = System.nanoTime();
                Thread.sleep(2000);
                long cpu = cpuMillis() - c0, wall = (System.nanoTime() - w0) / 1_000_000;
                System.err.printf("regex attack: answer %d in %d ms, then %d ms CPU in %d ms%n", resp.statusCode(), ms, cpu, wall);
                assertTrue(cpu < wall / 2, query + ": " + cpu + " ms of CPU in " + wall + " ms after the timeout");
            }
        }
    }

    @Test
    void aTimeoutAfterTheFirstResultsFailsTheTransferInsteadOfEndingIt() throws Exception {
        try (Running r = Running.start(SeedStore.options().withTimeoutMillis(1000))) {
            // Rows from the first millisecond, millions of them: the overall timeout ends it while streaming.
            var req = java.net.http.HttpRequest.newBuilder(java.net.URI.create(r.url("/newskg/sparql?query="
                    + q("SELECT * WHERE { ?a ?b ?c . ?d ?e ?f }")))).header("Accept", "application/sparql-results+json").build();
            try {
                HttpResponse<String> resp = ServerTest.HTTP.send(req, HttpResponse.BodyHandlers.ofString());
                assertEquals(503, resp.statusCode(), "a complete-looking answer of " + resp.body().length() + " characters");
            } catch (java.io.IOException expected) {
                // the transfer failed: no client can take the cut-off body for the answer
            }
            assertTrue(ask(r, "ASK { ?s a nkg:Region }"));
        }
    }

    @Test
    void aTimeoutBeforeTheFirstResultIsAnOrdinary503AndKeepsTheConnection() throws Exception {
        // Only a response that had started a successful body is cut off: a 503 that Fuseki wrote
        // whole (the timeout fired before any result) ends normally, and the connection stays open
        // for the client's next request (before: the guard saw the query's cancel flag and aborted
        // the connection after the 503, logging "response cut off").
        try (Running r = Running.start(SeedStore.options().withTimeoutMillis(500));
             java.net.Socket s = new java.net.Socket("localhost", r.server().getHttpPort())) {
            s.setSoTimeout(30_000);
            java.io.OutputStream out = s.getOutputStream();
            java.io.InputStream in = new java.io.BufferedInputStream(s.getInputStream());
            out.write(ClientDisconnectTest.get(r, ClientDisconnectTest.CROSS_JOIN, "").getBytes(StandardCharsets.UTF_8));
            out.flush();
            String first = readResponse(in);
            assertTrue(first.startsWith("HTTP/1.1 503"), first);
            assertTrue(first.endsWith("Query timed out\n"), first);
            // the same connection answers the next request
            out.write(ClientDisconnectTest.get(r, "ASK {}", "Connection: close\r\n").getBytes(StandardCharsets.UTF_8));
            out.flush();
            String second = new String(in.readAllBytes(), StandardCharsets.UTF_8);   // Connection: close; chunked
            assertTrue(second.startsWith("HTTP/1.1 200"), "after the 503 the connection was closed: '" + second + "'");
            assertTrue(second.contains("\"boolean\" : true"), second);
        }
    }

    /** One HTTP/1.1 response with a Content-Length body from the stream, or what came before it ended. */
    static String readResponse(java.io.InputStream in) throws java.io.IOException {
        java.io.ByteArrayOutputStream head = new java.io.ByteArrayOutputStream();
        int c;
        while ((c = in.read()) >= 0) {
            head.write(c);
            String h = head.toString(StandardCharsets.ISO_8859_1);
            if (h.endsWith("\r\n\r\n")) {
                java.util.regex.Matcher m = java.util.regex.Pattern.compile("(?im)^content-length:\\s*(\\d+)").matcher(h);
                if (!m.find()) return h + "(no Content-Length)";
                byte[] body = in.readNBytes(Integer.parseInt(m.group(1)));
                return h + new String(body, StandardCharsets.UTF_8);
            }
        }
        return head.toString(StandardCharsets.ISO_8859_1) + "(connection closed)";
    }

    // ---- 4. CSRF

    @Test
    void corsNeverAllowsCredentialsAndCanBeLimitedToSomeOrigins() throws Exception {
        try (Running r = Running.start(SeedStore.options())) {
            HttpResponse<String> resp = get(r.url("/newskg/sparql?query=" + q("ASK {}")), "Origin", "https://evil.example",
                    "Accept", "application/sparql-results+json");
            assertEquals(200, resp.statusCode());
            assertTrue(resp.headers().firstValue("Access-Control-Allow-Origin").isPresent(), resp.headers().toString());
            assertFalse(resp.headers().firstValue("Access-Control-Allow-Credentials").orElse("").equalsIgnoreCase("true"), resp.headers().toString());
            HttpResponse<String> pre = send("OPTIONS", r.url("/newskg/update"), "text/plain", "", "Origin", "https://evil.example",
                    "Access-Control-Request-Method", "POST", "Access-Control-Request-Headers", "content-type,authorization");
            assertFalse(pre.headers().firstValue("Access-Control-Allow-Credentials").orElse("").equalsIgnoreCase("true"), pre.headers().toString());
        }
        try (Running r = Running.start(SeedStore.options().withCorsOrigins("https://ok.example"))) {
            String url = r.url("/newskg/sparql?query=" + q("ASK {}"));
            assertEquals("https://ok.example", get(url, "Origin", "https://ok.example").headers().firstValue("Access-Control-Allow-Origin").orElse(""));
            assertTrue(get(url, "Origin", "https://evil.example").headers().firstValue("Access-Control-Allow-Origin").isEmpty());
        }
    }

    @Test
    void crossSiteFormsCannotWriteEvenWithTheBrowsersPassword() throws Exception {
        String insert = "INSERT DATA { GRAPH <urn:x-test:csrf> { <urn:x-test:a> <urn:x-test:b> \"c\" } }";
        String present = "ASK { GRAPH <urn:x-test:csrf> { ?s ?p ?o } }";
        String auth = ServerTest.basic("admin", "pw");
        try (Running r = Running.start(SeedStore.options().withPassword("pw"))) {
            // What a form on another site can send, with the credentials the browser has cached.
            assertEquals(415, send("POST", r.url("/newskg/update"), "application/x-www-form-urlencoded", "update=" + q(insert),
                    "Authorization", auth, "Origin", "https://evil.example").statusCode());
            assertEquals(415, send("POST", r.url("/newskg/update"), "text/plain", insert, "Authorization", auth).statusCode());
            assertEquals(415, send("POST", r.url("/newskg/update"), "multipart/form-data; boundary=x",
                    "--x\r\nContent-Disposition: form-data; name=\"update\"\r\n\r\n" + insert + "\r\n--x--\r\n", "Authorization", auth).statusCode());
            assertEquals(415, send("POST", r.url("/newskg/data?graph=urn:x-test:csrf"), "text/plain",
                    "<urn:x-test:a> <urn:x-test:b> \"c\" .", "Authorization", auth).statusCode());
            // Other spellings of the path are refused too (Jetty answers 400 to an ambiguous one).
            assertTrue(send("POST", r.url("/newskg//update/"), "text/plain", insert, "Authorization", auth).statusCode() >= 400);
            assertTrue(send("POST", r.url("/newskg/update;x=1"), "text/plain", insert, "Authorization", auth).statusCode() >= 400);
            assertFalse(ask(r, present), "a cross-site form changed the store");
            // The real clients' content types still work.
            HttpResponse<String> ok = send("POST", r.url("/newskg/update"), "application/sparql-update", insert, "Authorization", auth);
            assertEquals(2, ok.statusCode() / 100, ok.body());
            assertTrue(ask(r, present));
            assertEquals(2, send("POST", r.url("/newskg/update"), "application/sparql-update", "DROP GRAPH <urn:x-test:csrf>",
                    "Authorization", auth).statusCode() / 100);
        }
    }

    // ---- 6. LOAD <file:…>

    @Test
    void updatesCannotLoadServerFiles() throws Exception {
        java.nio.file.Path secret = java.nio.file.Files.createTempFile("secret", ".ttl");
        java.nio.file.Files.writeString(secret, "<urn:x-test:secret> <urn:x-test:is> \"" + SECRET + "\" .\n");
        String auth = ServerTest.basic("admin", "pw");
        try (Running r = Running.start(SeedStore.options().withPassword("pw"))) {
            for (String src : new String[] {secret.toUri().toString(), "FILE:" + secret, secret.getFileName().toString(), "ftp://127.0.0.1/x"}) {
                HttpResponse<String> resp = send("POST", r.url("/newskg/update"), "application/sparql-update",
                        "LOAD <" + src + "> INTO GRAPH <urn:x-test:loaded>", "Authorization", auth);
                assertEquals(403, resp.statusCode(), src + ": " + resp.body());
            }
            HttpResponse<String> two = send("POST", r.url("/newskg/update"), "application/sparql-update",
                    "DROP SILENT GRAPH <urn:x-test:nothing> ; LOAD SILENT <" + secret.toUri() + ">", "Authorization", auth);
            assertEquals(403, two.statusCode(), two.body());
            assertFalse(ask(r, "ASK { ?s ?p \"" + SECRET + "\" }"), "a server file was loaded");
        } finally {
            java.nio.file.Files.deleteIfExists(secret);
        }
    }

    // ---- 5. XSS through IRIs

    @Test
    void onlyHttpIrisBecomeLinksOnIdPages() throws Exception {
        String base = "http://example.org/kg/";
        String insert = "INSERT DATA { GRAPH <urn:x-test:xss> { <" + base + "thing/1> <http://www.w3.org/2000/01/rdf-schema#label> \"x\" ; "
                + "<urn:x-test:link> <javascript:alert(1)> , <JAVASCRIPT:alert(2)> , <data:text/html,x> , <https://example.com/ok> . } }";
        String auth = ServerTest.basic("admin", "pw");
        try (Running r = Running.start(SeedStore.options().withPassword("pw").withBase(base))) {
            assertEquals(2, send("POST", r.url("/newskg/update"), "application/sparql-update", insert, "Authorization", auth).statusCode() / 100);
            try {
                HttpResponse<String> page = get(r.url("/id/thing/1"), "Accept", "text/html");
                assertEquals(200, page.statusCode());
                String body = page.body().toLowerCase(java.util.Locale.ROOT);
                assertFalse(body.contains("href=\"javascript:") || body.contains("href=\"data:"), page.body());
                assertTrue(page.body().contains("javascript:alert(1)"), "the IRI is still shown, as text");
                assertTrue(page.body().contains("href=\"https://example.com/ok\""), page.body());
            } finally {
                send("POST", r.url("/newskg/update"), "application/sparql-update", "DROP SILENT GRAPH <urn:x-test:xss>", "Authorization", auth);
            }
        }
    }
}
