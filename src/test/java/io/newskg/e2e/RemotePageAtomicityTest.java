package io.newskg.e2e;

import com.sun.net.httpserver.HttpServer;
import io.newskg.extract.Extractor;
import io.newskg.rdf.Iris;
import io.newskg.rdf.NKG;
import io.newskg.rdf.RdfMapper;
import io.newskg.serve.Server;
import io.newskg.store.Builder;
import io.newskg.store.GraphStore;
import io.newskg.store.RemoteStore;
import org.apache.jena.fuseki.main.FusekiServer;
import org.apache.jena.query.QueryExecution;
import org.apache.jena.sparql.exec.http.QueryExecutionHTTP;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.net.InetSocketAddress;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.List;
import java.util.Set;
import java.util.concurrent.atomic.AtomicInteger;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Issue 18 item 7: {@code add --server} killed midway used to leave a page with some of its
 * article graphs. Between the client and the real server a proxy lets the first two writes
 * through and then fails every write, as a killed client or a dropped link would: the page is
 * then present whole or not at all.
 */
class RemotePageAtomicityTest {
    @TempDir
    Path tmp;

    private static int graphsOf(String endpoint, String pagePrefix) {
        try (QueryExecution qe = QueryExecutionHTTP.service(endpoint).query(
                "SELECT (COUNT(DISTINCT ?g) AS ?n) WHERE { GRAPH ?g { ?s ?p ?o } FILTER(STRSTARTS(STR(?g), \"" + pagePrefix + "\")) }").build()) {
            return qe.execSelect().next().getLiteral("n").getInt();
        }
    }

    /** Forwards to {@code target}; authenticated write requests after the first {@code writes} get 503. */
    private static HttpServer proxy(String target, int writes, AtomicInteger seen, AtomicInteger unauthenticated) throws Exception {
        HttpServer p = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        p.createContext("/", ex -> {
            String path = ex.getRequestURI().getPath();
            boolean write = path.endsWith("/update") || path.endsWith("/data") && !ex.getRequestMethod().equals("GET");
            // credentials go with the first send: a 401 round trip would send each page twice
            if (write && !ex.getRequestHeaders().containsKey("Authorization")) unauthenticated.incrementAndGet();
            byte[] body = ex.getRequestBody().readAllBytes();
            // every answer closes its connection: a client must not reuse one the proxy dropped
            ex.getResponseHeaders().set("Connection", "close");
            if (write && seen.incrementAndGet() > writes) {
                ex.sendResponseHeaders(503, -1);
                ex.close();
                return;
            }
            HttpRequest.Builder b = HttpRequest.newBuilder(URI.create(target + ex.getRequestURI()))
                    .method(ex.getRequestMethod(), body.length == 0 ? HttpRequest.BodyPublishers.noBody() : HttpRequest.BodyPublishers.ofByteArray(body));
            ex.getRequestHeaders().forEach((k, vs) -> {
                if (!Set.of("host", "content-length", "connection", "upgrade", "expect", "transfer-encoding").contains(k.toLowerCase())) {
                    vs.forEach(v -> b.header(k, v));
                }
            });
            // a fresh connection per request: a pooled one the server has since closed fails as EOF
            HttpClient http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build();
            try {
                HttpResponse<byte[]> r = http.send(b.build(), HttpResponse.BodyHandlers.ofByteArray());
                r.headers().map().forEach((k, vs) -> {
                    if (!Set.of("content-length", "transfer-encoding", "connection", ":status", "keep-alive").contains(k.toLowerCase())) {
                        vs.forEach(v -> ex.getResponseHeaders().add(k, v));
                    }
                });
                ex.sendResponseHeaders(r.statusCode(), r.body().length == 0 ? -1 : r.body().length);
                if (r.body().length > 0) ex.getResponseBody().write(r.body());
            } catch (InterruptedException | java.io.IOException e) {
                // the client then sees why, not an EOF
                ex.sendResponseHeaders(502, -1);
            }
            ex.close();
        });
        p.start();
        return p;
    }

    @Test
    void aPageSentToAServerLandsWholeOrNotAtAll() throws Exception {
        Path store = tmp.resolve("store");
        Extractor extractor = new Extractor();
        RdfMapper mapper = new RdfMapper(new Iris(NKG.DEFAULT_BASE), extractor.gazetteer());
        PrintStream quiet = new PrintStream(new ByteArrayOutputStream(), true, StandardCharsets.UTF_8);
        Path first = Path.of("seeds/000_824024f6a8c13c1c.txt"), second = Path.of("seeds/004_7953bd51db5ca819.txt");
        try (GraphStore gs = new GraphStore(store)) {
            new Builder(extractor, mapper).build(List.of(first), gs, quiet);
        }
        int articles = extractor.extract(new io.newskg.ingest.PageReader().read(second)).articles().size();
        assertTrue(articles > 1, "the test needs a page of several articles");
        String prefix = mapper.iris().page(second.getFileName().toString()) + "/";
        FusekiServer server = Server.start(Server.Options.fromEnvironment(Path.of("fuseki-config/config.ttl"), store, 0)
                .withPassword("s3cret"));
        AtomicInteger writes = new AtomicInteger(), unauthenticated = new AtomicInteger();
        HttpServer proxy = proxy("http://localhost:" + server.getHttpPort(), 2, writes, unauthenticated);
        try {
            String endpoint = "http://localhost:" + server.getHttpPort() + "/newskg/sparql";
            try (RemoteStore remote = new RemoteStore("http://127.0.0.1:" + proxy.getAddress().getPort() + "/newskg", "s3cret")) {
                // the ontology, then the page; the run fails at its next write, or ends
                try {
                    new Builder(extractor, mapper).build(List.of(second), remote, quiet);
                } catch (RuntimeException e) {
                    // the connection failing midway, as when a client is killed
                    System.err.println("add failed as the proxy made it: " + e);
                }
            }
            int stored = graphsOf(endpoint, prefix);
            assertTrue(stored == 0 || stored == articles, "page half-loaded: " + stored + " of " + articles + " article graphs");
            assertEquals(articles, stored, "the page's one request went through");
            // a page sent again (all its graphs present) is replaced in one request too
            writes.set(0);
            try (RemoteStore remote = new RemoteStore("http://127.0.0.1:" + proxy.getAddress().getPort() + "/newskg", "s3cret")) {
                new Builder(extractor, mapper).build(List.of(second), remote, quiet);
            }
            assertEquals(2, writes.get(), "one write for the ontology, one for the page");
            assertEquals(articles, graphsOf(endpoint, prefix));
            assertEquals(0, unauthenticated.get(), "writes sent without credentials first");
        } finally {
            proxy.stop(0);
            server.stop();
        }
    }
}
