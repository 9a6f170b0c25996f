package io.newskg.cli;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.newskg.rdf.Iris;
import io.newskg.serve.Server;
import io.newskg.serve.text.TextIndexSync;
import io.newskg.store.GraphStore;
import org.apache.jena.tdb2.loader.DataLoader;
import org.apache.jena.tdb2.loader.LoaderFactory;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.zip.GZIPInputStream;

/**
 * Loads the output of the Spark job (sharded N-Quads and manifest.json) with TDB2's parallel
 * bulk loader. Pages already in the store are replaced, as {@code add} replaces them: their
 * article graphs are dropped first, then the new ones loaded; other pages are left alone.
 */
@Command(name = "load", description = "Load the Spark job's output (N-Quads shards and manifest) into a TDB2 store with Jena's bulk loader, "
        + "replacing the pages it holds, then build the text index.")
final class LoadCommand implements Callable<Integer> {
    /** The output format this command reads; the job writes it into manifest.json. */
    static final String FORMAT = "newskg-nquads/1";

    @Option(names = "--bulk", required = true, paramLabel = "DIR", description = "folder written by the Spark job (manifest.json, part-*.nq.gz, pages-*.txt.gz)")
    Path bulk;

    @Option(names = "--store", defaultValue = "store", paramLabel = "DIR", description = "TDB2 store directory, created if missing (default: ${DEFAULT-VALUE})")
    Path store;

    @Option(names = "--config", defaultValue = "fuseki-config/config.ttl", paramLabel = "FILE",
            description = "Fuseki configuration naming the text index (default: ${DEFAULT-VALUE}, else the bundled copy)")
    Path config;

    @Option(names = "--no-text-index", description = "leave the text index to be rebuilt when the server starts")
    boolean noTextIndex;

    /** Pages whose old graphs are dropped per transaction. */
    private static final int REMOVE_BATCH = 2000;

    @Override
    public Integer call() throws IOException {
        Path manifestFile = bulk.resolve("manifest.json");
        if (!Files.isRegularFile(manifestFile)) {
            throw new UserError(bulk + " has no manifest.json: not the output of a finished Spark job (a job still running or failed writes none)");
        }
        JsonNode manifest;
        try {
            manifest = new ObjectMapper().readTree(manifestFile.toFile());
        } catch (IOException e) {
            throw new UserError(manifestFile + ": malformed JSON (" + e.getMessage().lines().findFirst().orElse("") + ")");
        }
        if (!FORMAT.equals(manifest.path("format").asText())) {
            throw new UserError(manifestFile + ": format " + manifest.path("format") + ", this newskg reads " + FORMAT);
        }
        List<Path> shards = files(manifest, "shards");
        List<Path> pageLists = files(manifest, "pageLists");
        long t0 = System.currentTimeMillis();
        long removed;
        long before, after;
        try (GraphStore gs = new GraphStore(store)) {
            String base = BuildCommand.base(manifest.path("base").asText(null), gs.storedBase(), "store " + store);
            Iris iris = new Iris(base);
            before = gs.size();
            removed = before == 0 ? 0 : dropPages(gs, iris, pageLists);
            // the bulk loader takes the store outside any transaction of ours
            gs.willWrite();
            DataLoader loader = LoaderFactory.parallelLoader(gs.dataset().asDatasetGraph(),
                    (fmt, args) -> System.err.println("load: " + String.format(fmt, args)));
            loader.startBulk();
            try {
                loader.load(shards.stream().map(Path::toString).toList());
                loader.finishBulk();
            } catch (RuntimeException e) {
                loader.finishException(e);
                throw e;
            }
            gs.refreshIdentity(new io.newskg.rdf.RdfMapper(iris, io.newskg.gazetteer.Gazetteer.get()));
            after = gs.size();
        }
        if (!noTextIndex) {
            for (TextIndexSync.Result r : Server.syncTextIndexes(Server.config(config, store))) {
                if (r.rebuilt()) System.err.printf("text index rebuilt: %d entries in %.1f s%n", r.documents(), r.millis() / 1000.0);
            }
        }
        System.err.printf("loaded %s into %s: %d pages, %d articles (%d old article graphs replaced), %d quads in the store (was %d) in %.1f s%n",
                bulk, store, manifest.path("pages").asLong(), manifest.path("articles").asLong(), removed, after, before,
                (System.currentTimeMillis() - t0) / 1000.0);
        int skipped = manifest.path("skipped").size();
        if (skipped > 0) System.err.println(skipped + " input(s) were skipped by the job; manifest.json says which and why");
        return skipped > 0 ? 2 : 0;
    }

    /** The manifest's list {@code field} as files of the bulk folder, each of which must exist. */
    private List<Path> files(JsonNode manifest, String field) {
        List<Path> out = new ArrayList<>();
        for (JsonNode n : manifest.path(field)) {
            Path f = bulk.resolve(n.asText()).normalize();
            if (!f.startsWith(bulk.normalize()) || !Files.isRegularFile(f)) {
                throw new UserError(bulk + ": manifest.json lists " + n.asText() + ", which is not a file of that folder");
            }
            out.add(f);
        }
        return out;
    }

    /** Drops the article graphs and the ontology of the pages in the page lists: the rule of {@code add}. */
    private static long dropPages(GraphStore gs, Iris iris, List<Path> pageLists) throws IOException {
        gs.remove(List.of(iris.ontologyGraph()), ds -> {});
        long n = 0;
        List<String> batch = new ArrayList<>();
        for (Path list : pageLists) {
            try (BufferedReader r = new BufferedReader(new InputStreamReader(new GZIPInputStream(Files.newInputStream(list)), StandardCharsets.UTF_8))) {
                for (String line; (line = r.readLine()) != null; ) {
                    if (line.isEmpty()) continue;
                    batch.add(line + "/");
                    if (batch.size() >= REMOVE_BATCH) {
                        n += gs.remove(batch, ds -> {});
                        batch.clear();
                    }
                }
            }
        }
        if (!batch.isEmpty()) n += gs.remove(batch, ds -> {});
        return n;
    }
}
