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
import java.nio.file.Path;
import java.util.List;

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
}
