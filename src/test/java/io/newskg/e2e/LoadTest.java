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
 * ({@code -Dnewskg.load.seconds=60}).
 */
class LoadTest {
    @TempDir
    Path tmp;

    @Test
    void sixteenClientsGetOnlyAnswers() throws Exception {
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
        List<String> queries = new ArrayList<>();
        try (Stream<Path> s = Files.list(Path.of("queries"))) {
            for (Path q : s.filter(x -> x.toString().endsWith(".rq")).sorted().toList()) queries.add(Files.readString(q));
        }
        FusekiServer server = Server.start(Path.of("fuseki-config/config.ttl"), store, 0);
        try {
            String endpoint = "http://localhost:" + server.getHttpPort() + "/newskg/sparql";
            long seconds = Long.getLong("newskg.load.seconds", 10);
            int clients = 16;
            long deadline = System.nanoTime() + seconds * 1_000_000_000L;
            List<Long> latencies = Collections.synchronizedList(new ArrayList<>());
            AtomicInteger errors = new AtomicInteger();
            HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
            ExecutorService pool = Executors.newFixedThreadPool(clients);
            List<Future<?>> running = new ArrayList<>();
            for (int c = 0; c < clients; c++) {
                int client = c;
                running.add(pool.submit(() -> {
                    int i = client;
                    while (System.nanoTime() < deadline) {
                        String q = queries.get(i++ % queries.size());
                        HttpRequest req = HttpRequest.newBuilder(URI.create(endpoint)).timeout(Duration.ofSeconds(30))
                                .header("Content-Type", "application/x-www-form-urlencoded")
                                .header("Accept", "application/sparql-results+json")
                                .POST(HttpRequest.BodyPublishers.ofString("query=" + URLEncoder.encode(q, StandardCharsets.UTF_8)))
                                .build();
                        long t0 = System.nanoTime();
                        try {
                            HttpResponse<String> r = http.send(req, HttpResponse.BodyHandlers.ofString());
                            if (r.statusCode() != 200 || !r.body().contains("\"bindings\"")) errors.incrementAndGet();
                        } catch (Exception e) {
                            errors.incrementAndGet();
                        }
                        latencies.add(System.nanoTime() - t0);
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
            assertEquals(0, errors.get(), "failed requests");
            assertTrue(sorted.size() > clients * seconds, "too few requests: " + sorted.size());
        } finally {
            server.stop();
        }
    }
}
