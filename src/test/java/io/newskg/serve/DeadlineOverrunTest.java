package io.newskg.serve;

import io.newskg.serve.SeedStore.Running;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

import org.apache.jena.sparql.algebra.optimize.Optimize;
import org.apache.jena.sparql.algebra.optimize.RewriteFactory;
import org.apache.jena.sparql.util.Context;

import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import java.net.Socket;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.stream.Collectors;
import java.util.stream.IntStream;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Issue 18: how long a query keeps a CPU after its deadline, or after its client left. Known
 * heavy query shapes are sent one at a time to a real server with a short timeout. For each: the
 * time from the deadline (Jena's timeout raising the query's cancel signal) until the query's
 * permit is released (the request thread is done with it), and the CPU the server's request
 * threads used in that time (ThreadMXBean). The same again with the client closing its socket
 * halfway to the deadline, timed from the close. CI runs it on the seeds store
 * with a bound of 2 s; on another store (e.g. the 10 M-triple one of BENCHMARKS.md):
 * <pre>
 * mvn -B -q test -Dtest=DeadlineOverrunTest -Dnewskg.overrun.store=DIR [-Dnewskg.overrun.timeout=1000]
 * </pre>
 */
@Timeout(value = 300, threadMode = Timeout.ThreadMode.SEPARATE_THREAD)
class DeadlineOverrunTest {
    static final long BOUND_MILLIS = 2000;
    static final ThreadMXBean THREADS = ManagementFactory.getThreadMXBean();

    /** The heavy shapes, each far beyond any timeout on the seeds store. */
    static Map<String, String> shapes() {
        Map<String, String> m = new LinkedHashMap<>();
        m.put("catastrophic REGEX", "ASK { ?s ?p ?o BIND(\"" + "a".repeat(40) + "!\" AS ?t) FILTER(REGEX(?t, \"^(a+)+(\\\\1)$\")) }");
        // 12,000 values: as many as the 256 KB request limit lets through
        m.put("FILTER IN, 12k values", "SELECT (COUNT(*) AS ?n) WHERE { ?a ?b ?c . ?d ?e ?f FILTER(STR(?f) IN ("
                + IntStream.range(0, 12_000).mapToObj(i -> "\"v" + i + "\"").collect(Collectors.joining(",")) + ")) }");
        m.put("four-way cross join", "SELECT (COUNT(*) AS ?n) WHERE { ?a ?b ?c . ?d ?e ?f . ?g ?h ?i . ?j ?k ?l }");
        m.put("property path, any predicate, both ends open",
                "SELECT (COUNT(*) AS ?n) WHERE { ?a (!<urn:x-none>)+/(!<urn:x-none>)+ ?b . ?c ?d ?e }");
        m.put("ORDER BY over a cross join", "SELECT ?c ?f WHERE { ?a ?b ?c . ?d ?e ?f } ORDER BY DESC(STR(?c)) STR(?f) LIMIT 10");
        m.put("DISTINCT over a cross join", "SELECT (COUNT(DISTINCT CONCAT(STR(?c), STR(?f))) AS ?n) WHERE { ?a ?b ?c . ?d ?e ?f }");
        return m;
    }

    record Overrun(String shape, String how, int status, long answerMillis, long releasedAfterMillis, long cpuAfterMillis) {
        @Override
        public String toString() {
            return String.format("%-48s %-13s HTTP %3d at %5d ms; permit released %5d ms after, %5d ms CPU after",
                    shape, how, status, answerMillis, releasedAfterMillis, cpuAfterMillis);
        }
    }

    /** CPU time of the server's request threads (Jetty's pool), in nanoseconds. */
    static long serverCpuNanos() {
        long sum = 0;
        for (Thread t : Thread.getAllStackTraces().keySet()) {
            if (!t.getName().startsWith("qtp")) continue;
            long c = THREADS.getThreadCpuTime(t.getId());
            if (c > 0) sum += c;
        }
        return sum;
    }

    /** Waits for the query to take its permit and give it back; the nanoTime it gave it back. */
    static long released(QueryLimit limit, long giveUpNanos) throws InterruptedException {
        boolean seen = false;
        while (System.nanoTime() < giveUpNanos) {
            int n = limit.running();
            if (n > 0) seen = true;
            else if (seen) return System.nanoTime();
            Thread.sleep(1);
        }
        throw new AssertionError("the query still holds its permit");
    }

    /** The cancel signal of the query a request thread planned last: Jena's timeout raises it at the deadline. */
    static volatile AtomicBoolean cancelSignal;

    /** Records {@link #cancelSignal} around the optimizer the server installed. */
    static RewriteFactory noteCancelSignal(RewriteFactory installed) {
        return cxt -> {
            if (Thread.currentThread().getName().startsWith("qtp") && cancelSignal == null) cancelSignal = Context.getCancelSignal(cxt);
            return installed.create(cxt);
        };
    }

    /** One shape to its deadline: the server answers 503 and the permit comes back. */
    static Overrun atDeadline(Running r, String shape, String query) throws Exception {
        QueryLimit limit = QueryLimit.of(r.server());
        HttpRequest req = HttpRequest.newBuilder(URI.create(r.url("/newskg/sparql"))).timeout(Duration.ofSeconds(120))
                .header("Accept", "application/sparql-results+json").header("Content-Type", "application/sparql-query")
                .POST(HttpRequest.BodyPublishers.ofString(query)).build();
        cancelSignal = null;
        long t0 = System.nanoTime();
        CompletableFuture<HttpResponse<String>> answer = ServerTest.HTTP.sendAsync(req, HttpResponse.BodyHandlers.ofString());
        long deadline = -1, cpu0 = -1, releasedAt = -1;
        boolean seen = false;
        while (releasedAt < 0) {
            long now = System.nanoTime();
            AtomicBoolean c = cancelSignal;
            if (deadline < 0 && c != null && c.get()) {
                deadline = now;
                cpu0 = serverCpuNanos();
            }
            int n = limit.running();
            if (n > 0) seen = true;
            else if (seen) releasedAt = now;
            if (now - t0 > 120_000_000_000L) throw new AssertionError(shape + ": still holding its permit after 120 s");
            Thread.sleep(1);
        }
        HttpResponse<String> resp = answer.get();
        assertTrue(deadline > 0, shape + ": ended without reaching its deadline, HTTP " + resp.statusCode());
        return new Overrun(shape, "deadline", resp.statusCode(), (System.nanoTime() - t0) / 1_000_000,
                (releasedAt - deadline) / 1_000_000, (serverCpuNanos() - cpu0) / 1_000_000);
    }

    /** One shape whose client closes its socket {@code after} ms after sending it. */
    static Overrun clientLeaves(Running r, String shape, String query, long after) throws Exception {
        QueryLimit limit = QueryLimit.of(r.server());
        byte[] body = query.getBytes(StandardCharsets.UTF_8);
        long t0, closed, cpu0;
        try (Socket s = new Socket("localhost", r.server().getHttpPort())) {
            t0 = System.nanoTime();
            s.getOutputStream().write(("POST /newskg/sparql HTTP/1.1\r\nHost: localhost\r\nAccept: application/sparql-results+json\r\n"
                    + "Content-Type: application/sparql-query\r\nContent-Length: " + body.length + "\r\n\r\n").getBytes(StandardCharsets.UTF_8));
            s.getOutputStream().write(body);
            s.getOutputStream().flush();
            Thread.sleep(after);
            assertEquals(1, limit.running(), shape + ": ended before its client left");
            cpu0 = serverCpuNanos();
            closed = System.nanoTime();
        }
        long releasedAt = released(limit, closed + 60_000_000_000L);
        long cpu = serverCpuNanos() - cpu0;
        return new Overrun(shape, "client left", 0, (closed - t0) / 1_000_000, (releasedAt - closed) / 1_000_000, cpu / 1_000_000);
    }

    static void measure(Running r, long timeout, List<Overrun> all) throws Exception {
        // warm up: classes loaded and code compiled before anything is timed
        assertTrue(ServerTest.ask(r, "ASK { ?s ?p ?o }"));
        String size;
        try {
            size = ServerTest.select(r, "SELECT (COUNT(*) AS ?n) WHERE { GRAPH ?g { ?s ?p ?o } }").get(0).getLiteral("n").getLong() + " quads";
        } catch (RuntimeException e) {
            // on a 10 M-quad store counting takes longer than the timeout being measured
            size = "more quads than it can count within the timeout";
        }
        System.err.println("overrun: store of " + size + ", timeout " + timeout + " ms");
        for (Map.Entry<String, String> e : shapes().entrySet()) {
            Overrun d = atDeadline(r, e.getKey(), e.getValue());
            System.err.println("overrun: " + d);
            assertEquals(503, d.status(), e.getKey() + " should reach its deadline: " + d);
            all.add(d);
            Overrun c = clientLeaves(r, e.getKey(), e.getValue(), timeout / 2);
            System.err.println("overrun: " + c);
            all.add(c);
        }
        assertTrue(ServerTest.ask(r, "ASK { ?s ?p ?o }"), "the server still answers");
    }

    @Test
    void noQueryKeepsACpuLongAfterItsDeadlineOrItsClient() throws Exception {
        String dir = System.getProperty("newskg.overrun.store");
        long timeout = Long.getLong("newskg.overrun.timeout", 1000);
        Server.Options o = dir == null ? SeedStore.options()
                : new Server.Options(Path.of("fuseki-config/config.ttl"), Path.of(dir), 0, null, 0, null, true);
        List<Overrun> all = new ArrayList<>();
        try (Running r = Running.start(o.withTimeoutMillis(timeout))) {
            RewriteFactory installed = Optimize.getFactory();
            Optimize.setFactory(noteCancelSignal(installed));
            try {
                measure(r, timeout, all);
            } finally {
                Optimize.setFactory(installed);
            }
        }
        Overrun worst = all.stream().max((a, b) -> Long.compare(a.releasedAfterMillis(), b.releasedAfterMillis())).orElseThrow();
        Overrun worstCpu = all.stream().max((a, b) -> Long.compare(a.cpuAfterMillis(), b.cpuAfterMillis())).orElseThrow();
        System.err.println("overrun: longest hold after the deadline or the client's leaving: " + worst.releasedAfterMillis()
                + " ms (" + worst.shape() + ", " + worst.how() + "); most CPU after it: " + worstCpu.cpuAfterMillis()
                + " ms (" + worstCpu.shape() + ", " + worstCpu.how() + ")");
        for (Overrun x : all) {
            assertTrue(x.releasedAfterMillis() < BOUND_MILLIS, x.toString());
            assertTrue(x.cpuAfterMillis() < BOUND_MILLIS, x.toString());
        }
    }
}
