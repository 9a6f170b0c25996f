package io.newskg.cli;

import io.newskg.extract.Extractor;
import io.newskg.rdf.Iris;
import io.newskg.rdf.NKG;
import io.newskg.rdf.RdfMapper;
import io.newskg.store.Builder;
import io.newskg.store.GraphStore;
import io.newskg.store.Progress;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.Callable;

@Command(name = "build", description = "Extract pages and load them into a TDB2 store (pages already stored are replaced).")
final class BuildCommand implements Callable<Integer> {
    @Parameters(arity = "1..*", paramLabel = "FILE|DIR", description = "page files or directories of pages")
    List<Path> inputs;

    @Option(names = "--store", defaultValue = "store", paramLabel = "DIR", description = "TDB2 store directory (default: ${DEFAULT-VALUE})")
    Path store;

    @Option(names = "--base", paramLabel = "IRI",
            description = "base IRI of instances of a new store (default: the store's own, for a new store " + NKG.DEFAULT_BASE + ")")
    String base;

    @Option(names = "--root", paramLabel = "DIR",
            description = "name each page by its path relative to DIR (default: relative to the directory argument it is in; a file argument: its file name)")
    Path root;

    @Option(names = "--threads", paramLabel = "N", description = "extraction threads (default: all cores)")
    int threads = Runtime.getRuntime().availableProcessors();

    @Option(names = "--batch", defaultValue = "64", paramLabel = "PAGES", description = "pages per transaction; the store is compacted after the build (default: ${DEFAULT-VALUE})")
    int batch;

    @Option(names = "--verbose", description = "a line per page as it is stored, besides the progress line")
    boolean verbose;

    @Override
    public Integer call() {
        return run(inputs, root, store, base, threads, batch, true, verbose);
    }

    /** Adds to an existing store ({@code create} false: a folder that is not a store is an error). */
    static int run(List<Path> inputs, Path root, Path store, String base, boolean create) {
        return run(inputs, root, store, base, Runtime.getRuntime().availableProcessors(), io.newskg.store.Builder.DEFAULT_BATCH, create, false);
    }

    /**
     * The base to write under: the store's own (pages written under another base would be a second
     * copy of them, the ontology and the gazetteer); --base only names the base of a new store.
     */
    static String base(String given, String stored, Object where) {
        if (stored == null) return given != null ? given : NKG.DEFAULT_BASE;
        if (given == null || new Iris(given).base().equals(stored)) return stored;
        throw new UserError(where + " holds IRIs under " + stored + "; --base " + given
                + " would write a second copy of its pages under another base (leave out --base, or build a new store)");
    }

    /** Sends the pages to a running server through its password-protected Graph Store endpoint. */
    static int runRemote(List<Path> inputs, Path root, String server, String base) {
        String password = Inputs.updatePassword(System.err);
        if (password == null) return 1;
        int[] skipped = {0};
        List<Builder.Input> files = Inputs.expandNamed(inputs, root, System.err, skipped);
        Builder.Summary s;
        try (io.newskg.store.RemoteStore remote = new io.newskg.store.RemoteStore(server, password)) {
            String b = base(base, remote.storedBase(), server);
            Extractor extractor = new Extractor();
            Builder builder = new Builder(extractor, new RdfMapper(new Iris(b), extractor.gazetteer()));
            s = builder.buildInputs(files, remote, System.err);
        }
        System.err.printf("sent to %s: %d pages, %d articles, %d officials, %d posts%n",
                server, s.pages(), s.articles(), s.officials(), s.posts());
        return Inputs.status(skipped[0] + s.skipped(), System.err);
    }

    static int run(List<Path> inputs, Path root, Path store, String base, int threads, int batch, boolean create, boolean verbose) {
        int[] skipped = {0};
        List<Builder.Input> files = Inputs.expandNamed(inputs, root, System.err, skipped);
        Builder.Summary s;
        StoreIndexes indexes;
        // the store first: a store problem is said before the models take seconds to load
        try (GraphStore gs = create ? new GraphStore(store) : GraphStore.existing(store)) {
            indexes = new StoreIndexes(gs, store, System.err);
            String b = base(base, gs.storedBase(), "store " + store);
            Extractor extractor = new Extractor();
            Builder builder = new Builder(extractor, new RdfMapper(new Iris(b), extractor.gazetteer()), threads, batch).verbose(verbose);
            s = builder.buildInputs(files, gs, System.err);
            // mentions counted while extracting are not what the store holds: one official named in
            // 40 articles is one node; so the totals are the store's own
            long[] held = held(gs);
            if (s.pages() > 0) compactIfMuchChanged(gs, store, s.articles(), held[0]);
            System.err.printf("built %s: %d pages, %d articles read in %.1f s (%d official, %d post and %d region mentions); "
                            + "the store holds %d articles, %d officials, %d posts, %d regions, %d triples%n",
                    store, s.pages(), s.articles(), s.millis() / 1000.0, s.officials(), s.posts(), s.regions(),
                    held[0], held[1], held[2], held[3], gs.size());
            if (s.pages() > 0) indexes.updateSearch(gs);
        }
        if (s.pages() > 0) indexes.updateText();
        return Inputs.status(skipped[0] + s.skipped(), System.err);
    }

    /**
     * Compaction rewrites the whole store, which for a page or two added to a big store took far
     * longer than adding them; what it reclaims is about what the run wrote. So it runs when the
     * articles written are a quarter or more of those the store holds (a build, a big add).
     */
    static void compactIfMuchChanged(GraphStore gs, Path store, long written, long held) {
        if (written * 4 >= held) compact(gs, store);
        else System.err.printf("compaction: not needed (%d of the store's %d articles written)%n", written, held);
    }

    /**
     * Compaction writes the live data into a new generation (Data-NNNN) of the store; its
     * progress is the size of the new generation so far. The old generation holds every block
     * copy the build's transactions made (often 5–7× the live data), so it is no total to count
     * down to: no percentage or time left is claimed.
     */
    static void compact(GraphStore gs, Path store) {
        Path old = latestGeneration(store);
        if (old != null) System.err.printf("compaction: the store's %d MB are rewritten as its live data%n", sizeOf(old) / 1_000_000);
        long[] seen = {0};
        try (Progress p = new Progress(System.err, "compaction", "MB", 0).watch(() -> {
            // while the new generation is renamed into place it is briefly not there: never go back
            Path now = latestGeneration(store);
            if (now != null && !now.equals(old)) seen[0] = Math.max(seen[0], sizeOf(now) / 1_000_000);
            return seen[0];
        })) {
            gs.compact();
            Path now = latestGeneration(store);
            p.set(now == null ? 0 : sizeOf(now) / 1_000_000);
        }
    }

    /** Distinct articles, officials, posts and regions in the store. */
    static long[] held(GraphStore gs) {
        var dsg = gs.dataset().asDatasetGraph();
        return org.apache.jena.system.Txn.calculateRead(dsg, () -> {
            var union = dsg.getUnionGraph();
            org.apache.jena.graph.Node type = org.apache.jena.vocabulary.RDF.type.asNode();
            long[] n = new long[4];
            org.apache.jena.graph.Node[] classes = {NKG.Article.asNode(), NKG.Official.asNode(),
                    org.apache.jena.vocabulary.ORG.Post.asNode(), NKG.Region.asNode()};
            for (int i = 0; i < classes.length; i++) {
                for (var it = union.find(org.apache.jena.graph.Node.ANY, type, classes[i]); it.hasNext(); it.next()) n[i]++;
            }
            return n;
        });
    }

    private static Path latestGeneration(Path store) {
        try (java.util.stream.Stream<Path> s = java.nio.file.Files.list(store)) {
            // compaction writes Data-NNNN-tmp and renames it when done
            return s.filter(x -> x.getFileName().toString().matches("Data-\\d+(-tmp)?"))
                    .max(java.util.Comparator.comparing((Path x) -> x.getFileName().toString().substring(5, 9))).orElse(null);
        } catch (java.io.IOException e) {
            return null;
        }
    }

    private static long sizeOf(Path dir) {
        try (java.util.stream.Stream<Path> s = java.nio.file.Files.walk(dir)) {
            return s.filter(java.nio.file.Files::isRegularFile).mapToLong(f -> f.toFile().length()).sum();
        } catch (java.io.IOException | java.io.UncheckedIOException e) {
            return 0;
        }
    }
}
