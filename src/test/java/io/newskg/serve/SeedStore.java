package io.newskg.serve;

import io.newskg.extract.Extractor;
import io.newskg.rdf.Iris;
import io.newskg.rdf.NKG;
import io.newskg.rdf.RdfMapper;
import io.newskg.store.Builder;
import io.newskg.store.GraphStore;
import org.apache.jena.fuseki.main.FusekiServer;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.List;
import java.util.stream.Stream;

/** The store built from seeds/, once per test run, shared by the serve tests (which run one server at a time). */
final class SeedStore {
    private static Path store;

    private SeedStore() {}

    static synchronized Path path() {
        if (store != null) return store;
        try {
            Path dir = Path.of("target", "serve-test", "store");
            if (Files.exists(dir)) {
                try (Stream<Path> s = Files.walk(dir)) {
                    s.sorted(Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
                }
            }
            List<Path> pages;
            try (Stream<Path> s = Files.list(Path.of("seeds"))) {
                pages = s.filter(p -> p.toString().endsWith(".txt")).sorted().toList();
            }
            Extractor extractor = new Extractor();
            Builder builder = new Builder(extractor, new RdfMapper(new Iris(NKG.DEFAULT_BASE), extractor.gazetteer()));
            try (GraphStore gs = new GraphStore(dir)) {
                builder.build(pages, gs, new PrintStream(new ByteArrayOutputStream(), true, StandardCharsets.UTF_8));
            }
            store = dir;
            return store;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Default options: bundled-equivalent config file, no password, configured timeout, base from the store. */
    static Server.Options options() {
        return new Server.Options(Path.of("fuseki-config/config.ttl"), path(), 0, null, 0, null, true);
    }

    /** A running server that stops (and releases the store's index) when closed. */
    record Running(FusekiServer server) implements AutoCloseable {
        static Running start(Server.Options o) {
            return new Running(Server.start(o));
        }

        String url(String path) {
            return "http://localhost:" + server.getHttpPort() + path;
        }

        @Override
        public void close() {
            Server.stop(server);
        }
    }
}
