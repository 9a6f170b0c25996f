package io.newskg.serve;

import io.newskg.serve.SeedStore.Running;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

import java.io.ByteArrayOutputStream;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.Socket;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Issue 18: a query whose client has gone away stops then, not at its timeout. Each test sends
 * a query that would run for minutes from a raw socket to a real server with a 30 s timeout,
 * closes the socket, and watches the server's count of running queries.
 */
@Timeout(value = 180, threadMode = Timeout.ThreadMode.SEPARATE_THREAD)
class ClientDisconnectTest {
    static final long TIMEOUT_MILLIS = 30_000;
    static final String CROSS_JOIN = "SELECT (COUNT(*) AS ?n) WHERE { ?a ?b ?c . ?d ?e ?f . ?g ?h ?i }";
    static final String REGEX = "ASK { ?s ?p ?o BIND(\"" + "a".repeat(40) + "!\" AS ?t) FILTER(REGEX(?t, \"^(a+)+(\\\\1)$\")) }";

    @BeforeAll
    static void store() {
        SeedStore.path();
    }

    static String get(Running r, String query, String connection) {
        return "GET /newskg/sparql?query=" + URLEncoder.encode(query, StandardCharsets.UTF_8) + " HTTP/1.1\r\nHost: localhost:"
                + r.server().getHttpPort() + "\r\nAccept: application/sparql-results+json\r\n" + connection + "\r\n";
    }

    static String post(Running r, String query) {
        byte[] body = query.getBytes(StandardCharsets.UTF_8);
        return "POST /newskg/sparql HTTP/1.1\r\nHost: localhost:" + r.server().getHttpPort()
                + "\r\nAccept: application/sparql-results+json\r\nContent-Type: application/sparql-query\r\nContent-Length: " + body.length + "\r\n\r\n" + query;
    }

    /** Waits until {@code n} queries run; false after {@code millis}. */
    static boolean awaitRunning(QueryLimit limit, int n, long millis) throws InterruptedException {
        long end = System.nanoTime() + millis * 1_000_000;
        while (limit.running() != n) {
            if (System.nanoTime() > end) return false;
            Thread.sleep(10);
        }
        return true;
    }

    /** Sends the request, closes the socket once the query runs; the milliseconds until it stopped. */
    static long stopAfterClose(Running r, String request) throws Exception {
        QueryLimit limit = QueryLimit.of(r.server());
        assertEquals(0, limit.running());
        long t0;
        try (Socket s = new Socket("localhost", r.server().getHttpPort())) {
            s.getOutputStream().write(request.getBytes(StandardCharsets.UTF_8));
            s.getOutputStream().flush();
            assertTrue(awaitRunning(limit, 1, 10_000), "the query never started");
            Thread.sleep(500);
            assertEquals(1, limit.running(), "the query should still be running before the client leaves");
            t0 = System.nanoTime();
        }
        boolean stopped = awaitRunning(limit, 0, 10_000);
        long ms = (System.nanoTime() - t0) / 1_000_000;
        assertTrue(stopped, "still running " + ms + " ms after its client closed the connection (timeout " + TIMEOUT_MILLIS + " ms)");
        return ms;
    }

    @Test
    void aQueryStopsWhenItsClientCloses() throws Exception {
        try (Running r = Running.start(SeedStore.options().withTimeoutMillis(TIMEOUT_MILLIS))) {
            for (String request : new String[] {get(r, CROSS_JOIN, ""), get(r, REGEX, ""), post(r, CROSS_JOIN), post(r, REGEX)}) {
                long ms = stopAfterClose(r, request);
                System.err.printf("client gone: query stopped %d ms after the close (%s)%n", ms, request.substring(0, 40));
                assertTrue(ms < 2000, ms + " ms after the close");
            }
            // the server goes on answering
            assertTrue(ServerTest.ask(r, "ASK { ?s a nkg:Region }"));
        }
        // the watching thread ends with its server
        long end = System.nanoTime() + 5_000_000_000L;
        while (watchers() > 0 && System.nanoTime() < end) Thread.sleep(20);
        assertEquals(0, watchers(), "a stopped server still watches its clients");
    }

    static long watchers() {
        return Thread.getAllStackTraces().keySet().stream().filter(t -> t.getName().equals("newskg-client-gone") && t.isAlive()).count();
    }

    /** Everything the server sends on one connection until it closes it. */
    static String exchange(Running r, String requests) throws Exception {
        try (Socket s = new Socket("localhost", r.server().getHttpPort())) {
            s.setSoTimeout(60_000);
            OutputStream out = s.getOutputStream();
            out.write(requests.getBytes(StandardCharsets.UTF_8));
            out.flush();
            InputStream in = s.getInputStream();
            ByteArrayOutputStream all = new ByteArrayOutputStream();
            in.transferTo(all);
            return all.toString(StandardCharsets.UTF_8);
        }
    }

    static int count(String s, String part) {
        int n = 0;
        for (int i = s.indexOf(part); i >= 0; i = s.indexOf(part, i + 1)) n++;
        return n;
    }

    @Test
    void clientsThatStayGetTheirAnswersOnKeptAndPipelinedConnections() throws Exception {
        // A regex that takes a few hundred milliseconds: long enough for the server to be watching the connection.
        String ask = "ASK { ?s a nkg:Region BIND(\"" + "a".repeat(22) + "!\" AS ?t) FILTER(!REGEX(?t, \"^(a+)+(\\\\1)$\")) }";
        String slowish = ServerTest.PREFIXES + ask;
        try (Running r = Running.start(SeedStore.options().withTimeoutMillis(TIMEOUT_MILLIS))) {
            // one after the other on a kept connection
            for (int i = 0; i < 3; i++) assertTrue(ServerTest.ask(r, ask));
            // sent at once (pipelined): the next requests wait in the socket while the first runs, and all are answered
            String answers = exchange(r, get(r, slowish, "") + post(r, slowish) + post(r, ServerTest.PREFIXES + "ASK { ?s a nkg:Region }")
                    + get(r, "ASK {}", "Connection: close\r\n"));
            assertEquals(4, count(answers, "HTTP/1.1 200"), answers);
            assertEquals(4, count(answers, "\"boolean\" : true"), answers);
            assertTrue(awaitRunning(QueryLimit.of(r.server()), 0, 5000));
        }
    }
}
