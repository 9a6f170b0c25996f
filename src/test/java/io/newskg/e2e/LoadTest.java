package io.newskg.e2e;

import io.newskg.extract.Extractor;
import io.newskg.rdf.Iris;
import io.newskg.rdf.NKG;
import io.newskg.rdf.RdfMapper;
import io.newskg.serve.Server;
import io.newskg.store.Builder;
import io.newskg.store.GraphStore;
import org.apache.jena.fuseki.main.FusekiServer;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.Stream;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * 16 concurrent clients send the README queries to the served seeds graph over loopback:
 * no request may fail. CI runs it for 10 s; RELIABILITY.md runs it for 60 s
 * ({@code -Dnewskg.load.seconds=60}). {@code -Dnewskg.load.endpoint=URL} (a SPARQL endpoint such
 * as {@code http://localhost:3031/newskg/sparql}) sends them to a server started outside the test
 * instead, e.g. one serving a large store; {@code -Dnewskg.load.clients=N} changes the 16.
 */
class LoadTest {
    @TempDir
    Path tmp;

    @Test
    void sixteenClientsGetOnlyAnswers() throws Exception {
        List<String> names = new ArrayList<>();
        List<String> queries = new ArrayList<>();
        try (Stream<Path> s = Files.list(Path.of("queries"))) {
            for (Path q : s.filter(x -> x.toString().endsWith(".rq")).sorted().toList()) {
                names.add(q.getFileName().toString());
                queries.add(Files.readString(q));
            }
        }
        String external = System.getProperty("newskg.load.endpoint", "").strip();
        FusekiServer server = null;
        if (external.isEmpty()) {
            Path store = tmp.resolve("store");
            List<Path> pages;
            try (Stream<Path> s = Files.list(Path.of("seeds"))) {
                pages = s.filter(p -> p.toString().endsWith(".txt")).sorted().toList();
            }
            Extractor extractor = new Extractor();
            try (GraphStore gs = new GraphStore(store)) {
                new Builder(extractor, new RdfMapper(new Iris(NKG.DEFAULT_BASE), extractor.gazetteer()))
                        .build(pages, gs, new PrintStream(new ByteArrayOutputStream(), true, StandardCharsets.UTF_8));
            }
            server = Server.start(Path.of("fuseki-config/config.ttl"), store, 0);
        }
        try {
            String endpoint = server != null ? "http://localhost:" + server.getHttpPort() + "/newskg/sparql" : external;
            long seconds = Long.getLong("newskg.load.seconds", 10);
            int clients = Integer.getInteger("newskg.load.clients", 16);
            long deadline = System.nanoTime() + seconds * 1_000_000_000L;
            List<Long> latencies = Collections.synchronizedList(new ArrayList<>());
            AtomicInteger errors = new AtomicInteger();
            // per query: requests, failures, summed milliseconds; and what the failures were
            java.util.Map<String, long[]> perQuery = new java.util.concurrent.ConcurrentHashMap<>();
            java.util.Map<String, AtomicInteger> failures = new java.util.concurrent.ConcurrentHashMap<>();
            HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
            ExecutorService pool = Executors.newFixedThreadPool(clients);
            List<Future<?>> running = new ArrayList<>();
            for (int c = 0; c < clients; c++) {
                int client = c;
                running.add(pool.submit(() -> {
                    int i = client;
                    while (System.nanoTime() < deadline) {
                        int k = i++ % queries.size();
                        String q = queries.get(k);
                        HttpRequest req = HttpRequest.newBuilder(URI.create(endpoint)).timeout(Duration.ofSeconds(30))
                                .header("Content-Type", "application/x-www-form-urlencoded")
                                .header("Accept", "application/sparql-results+json")
                                .POST(HttpRequest.BodyPublishers.ofString("query=" + URLEncoder.encode(q, StandardCharsets.UTF_8)))
                                .build();
                        long t0 = System.nanoTime();
                        String failure = null;
                        try {
                            HttpResponse<String> r = http.send(req, HttpResponse.BodyHandlers.ofString());
                            if (r.statusCode() != 200) {
                                String b = r.body().strip();
                                failure = "HTTP " + r.statusCode() + " " + (b.length() > 40 ? b.substring(0, 40) : b);
                            } else if (!r.body().contains("\"bindings\"")) failure = "HTTP 200 without bindings";
                        } catch (Exception e) {
                            failure = e.getClass().getSimpleName();
                        }
                        long nanos = System.nanoTime() - t0;
                        latencies.add(nanos);
                        long[] pq = perQuery.computeIfAbsent(names.get(k), x -> new long[3]);
                        synchronized (pq) {
                            pq[0]++;
                            pq[2] += nanos / 1_000_000;
                            if (failure != null) pq[1]++;
                        }
                        if (failure != null) {
                            errors.incrementAndGet();
                            failures.computeIfAbsent(failure, x -> new AtomicInteger()).incrementAndGet();
                        }
                    }
                }));
            }
            for (Future<?> f : running) f.get();
            pool.shutdown();
            List<Long> sorted = new ArrayList<>(latencies);
            Collections.sort(sorted);
            double p50 = sorted.get(sorted.size() / 2) / 1e6;
            double p99 = sorted.get((int) Math.min(sorted.size() - 1, Math.ceil(sorted.size() * 0.99) - 1)) / 1e6;
            System.out.printf("load: %d clients, %d s, %d requests (%.0f/s), %d errors, p50 %.1f ms, p99 %.1f ms%n",
                    clients, seconds, sorted.size(), sorted.size() / (double) seconds, errors.get(), p50, p99);
            new java.util.TreeMap<>(perQuery).forEach((name, pq) -> System.out.printf("load:   %-32s %6d requests, %5d failed, mean %.0f ms%n",
                    name, pq[0], pq[1], pq[0] == 0 ? 0.0 : pq[2] / (double) pq[0]));
            failures.forEach((what, n) -> System.out.printf("load:   failure %s: %d%n", what, n.get()));
            assertEquals(0, errors.get(), "failed requests");
            if (server != null) assertTrue(sorted.size() > clients * seconds, "too few requests: " + sorted.size());
        } finally {
            if (server != null) server.stop();
        }
    }
}
