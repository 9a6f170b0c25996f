package io.newskg.e2e;

import io.newskg.extract.Extractor;
import io.newskg.rdf.Iris;
import io.newskg.rdf.NKG;
import io.newskg.rdf.RdfMapper;
import io.newskg.serve.Server;
import io.newskg.store.Builder;
import io.newskg.store.GraphStore;
import io.newskg.store.RemoteStore;
import org.apache.jena.atlas.web.HttpException;
import org.apache.jena.fuseki.main.FusekiServer;
import org.apache.jena.query.QueryExecution;
import org.apache.jena.sparql.exec.http.QueryExecutionHTTP;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** add and remove while the server holds the store: through its password-protected Graph Store endpoint. */
class RemoteChangeTest {
    @TempDir
    Path tmp;

    private static int graphs(String endpoint) {
        try (QueryExecution qe = QueryExecutionHTTP.service(endpoint)
                .query("SELECT (COUNT(DISTINCT ?g) AS ?n) WHERE { GRAPH ?g { ?s ?p ?o } }").build()) {
            return qe.execSelect().next().getLiteral("n").getInt();
        }
    }

    @Test
    void pagesAreAddedAndRemovedWhileServing() {
        Path store = tmp.resolve("store");
        Extractor extractor = new Extractor();
        RdfMapper mapper = new RdfMapper(new Iris(NKG.DEFAULT_BASE), extractor.gazetteer());
        PrintStream quiet = new PrintStream(new ByteArrayOutputStream(), true, StandardCharsets.UTF_8);
        Path first = Path.of("seeds/000_824024f6a8c13c1c.txt"), second = Path.of("seeds/004_7953bd51db5ca819.txt");
        try (GraphStore gs = new GraphStore(store)) {
            new Builder(extractor, mapper).build(List.of(first), gs, quiet);
        }
        FusekiServer server = Server.start(Server.Options.fromEnvironment(Path.of("fuseki-config/config.ttl"), store, 0)
                .withPassword("s3cret"));
        try {
            String dataset = "http://localhost:" + server.getHttpPort() + "/newskg";
            String endpoint = dataset + "/sparql";
            int before = graphs(endpoint);
            try (RemoteStore wrong = new RemoteStore(dataset, "wrong")) {
                assertThrows(HttpException.class, () -> new Builder(extractor, mapper).build(List.of(second), wrong, quiet));
            }
            assertEquals(before, graphs(endpoint), "a refused update changed the store");
            try (RemoteStore remote = new RemoteStore(dataset, "s3cret")) {
                Builder.Summary s = new Builder(extractor, mapper).build(List.of(second), remote, quiet);
                assertEquals(before + s.articles(), graphs(endpoint));
                // the same page again replaces its graphs, never duplicates them
                new Builder(extractor, mapper).build(List.of(second), remote, quiet);
                assertEquals(before + s.articles(), graphs(endpoint));
                int removed = remote.remove(List.of(mapper.iris().page(second.getFileName().toString()) + "/"), mapper);
                assertEquals(s.articles(), removed);
            }
            assertEquals(before, graphs(endpoint));
            assertTrue(before > 2);
        } finally {
            server.stop();
        }
    }

    private static int graphsOfPage(String endpoint, String pagePrefix) {
        try (QueryExecution qe = QueryExecutionHTTP.service(endpoint).query("SELECT (COUNT(DISTINCT ?g) AS ?n) WHERE { GRAPH ?g { ?s ?p ?o } "
                + "FILTER(STRSTARTS(STR(?g), \"" + pagePrefix + "\")) }").build()) {
            return qe.execSelect().next().getLiteral("n").getInt();
        }
    }

    /** Issue 18: the 256 KB limit is for queries and anonymous requests; the admin's update of a large page goes through whole. */
    @Test
    void aPageWhoseUpdateIsOverTheQueryLimitIsAddedWhole() throws Exception {
        Path store = tmp.resolve("store");
        Extractor extractor = new Extractor();
        RdfMapper mapper = new RdfMapper(new Iris(NKG.DEFAULT_BASE), extractor.gazetteer());
        PrintStream quiet = new PrintStream(new ByteArrayOutputStream(), true, StandardCharsets.UTF_8);
        try (GraphStore gs = new GraphStore(store)) {
            new Builder(extractor, mapper).build(List.of(Path.of("seeds/000_824024f6a8c13c1c.txt")), gs, quiet);
        }
        // one page holding all the seeds' articles: its update is several times 256 KB
        Path big = tmp.resolve("big.txt");
        StringBuilder text = new StringBuilder();
        try (Stream<Path> s = Files.list(Path.of("seeds"))) {
            for (Path p : s.filter(p -> p.toString().endsWith(".txt")).sorted().toList()) text.append(Files.readString(p)).append("\n\n");
        }
        Files.writeString(big, text);
        String prefix = mapper.iris().page("big.txt") + "/";
        Server.Options o = Server.Options.fromEnvironment(Path.of("fuseki-config/config.ttl"), store, 0).withPassword("s3cret");
        // with the update limit as low as the query limit, the page is refused whole: its update is over 256 KB
        FusekiServer server = Server.start(o.withMaxUpdateBytes(Server.DEFAULT_MAX_REQUEST_BYTES));
        try {
            String dataset = "http://localhost:" + server.getHttpPort() + "/newskg";
            int before = graphs(dataset + "/sparql");
            try (RemoteStore remote = new RemoteStore(dataset, "s3cret")) {
                GraphStore.StoreException e = assertThrows(GraphStore.StoreException.class,
                        () -> new Builder(extractor, mapper).build(List.of(big), remote, quiet));
                assertTrue(e.getMessage().contains(Server.ENV_MAX_UPDATE), e.getMessage());
                System.err.println("large page: " + e.getMessage());
            }
            assertEquals(before, graphs(dataset + "/sparql"));
        } finally {
            server.stop();
        }
        server = Server.start(o);
        try {
            String dataset = "http://localhost:" + server.getHttpPort() + "/newskg";
            int before = graphs(dataset + "/sparql");
            // the larger limit is the signed-in user's only
            try (RemoteStore wrong = new RemoteStore(dataset, "wrong")) {
                assertThrows(HttpException.class, () -> new Builder(extractor, mapper).build(List.of(big), wrong, quiet));
            }
            assertEquals(before, graphs(dataset + "/sparql"));
            try (RemoteStore remote = new RemoteStore(dataset, "s3cret")) {
                Builder.Summary s = new Builder(extractor, mapper).build(List.of(big), remote, quiet);
                assertEquals(1, s.pages());
                assertTrue(s.articles() > 5, s.toString());
                assertEquals(s.articles(), graphsOfPage(dataset + "/sparql", prefix), "every article graph of the page is there");
            }
            // queries of that size are still refused
            String query = "ASK { ?s ?p ?o FILTER(?o IN (" + "1,".repeat((int) Server.DEFAULT_MAX_REQUEST_BYTES) + "1)) }";
            var resp = java.net.http.HttpClient.newHttpClient().send(java.net.http.HttpRequest.newBuilder(
                    java.net.URI.create(dataset + "/sparql")).header("Content-Type", "application/sparql-query")
                    .POST(java.net.http.HttpRequest.BodyPublishers.ofString(query)).build(), java.net.http.HttpResponse.BodyHandlers.ofString());
            assertEquals(413, resp.statusCode());
        } finally {
            server.stop();
        }
    }
}
