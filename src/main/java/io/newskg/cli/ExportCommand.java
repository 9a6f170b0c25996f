package io.newskg.cli;

import io.newskg.export.Exporter;
import io.newskg.store.GraphStore;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

import java.io.BufferedOutputStream;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.Callable;
import java.util.stream.Stream;

@Command(name = "export", description = "Dump the store: ttl (union graph), trig, nq, jsonld (all named graphs), "
        + "graphml or gexf (resources and their links, for Gephi and Cytoscape), csv (one row per quad).")
final class ExportCommand implements Callable<Integer> {
    @Option(names = "--store", defaultValue = "store", paramLabel = "DIR", description = "TDB2 store directory (default: ${DEFAULT-VALUE})")
    Path store;

    @Option(names = "--format", required = true, paramLabel = "FORMAT", description = "ttl, trig, nq, jsonld, graphml, gexf or csv")
    String format;

    @Option(names = "--out", paramLabel = "FILE", description = "output file (default: standard output)")
    Path out;

    @Override
    public Integer call() throws Exception {
        Exporter.Format f;
        try {
            f = Exporter.Format.parse(format);
        } catch (IllegalArgumentException e) {
            System.err.println(e.getMessage());
            return 1;
        }
        if (!isStore(store)) {
            System.err.println(store + ": no TDB2 store there (build one with: newskg build PAGES --store " + store + ")");
            return 1;
        }
        Path tmp = out == null ? null : out.resolveSibling(out.getFileName() + ".part");
        try (GraphStore gs = new GraphStore(store);
             OutputStream os = new BufferedOutputStream(out == null ? System.out : Files.newOutputStream(tmp), 1 << 16)) {
            Exporter.Summary s = Exporter.export(gs.dataset().asDatasetGraph(), f, os);
            os.flush();
            if (out != null) {
                os.close();
                Files.move(tmp, out, java.nio.file.StandardCopyOption.REPLACE_EXISTING);
            }
            System.err.println(s.nodes() + s.edges() > 0
                    ? String.format("exported %d nodes and %d edges as %s", s.nodes(), s.edges(), f.name().toLowerCase())
                    : String.format("exported %d statements as %s", s.statements(), f.name().toLowerCase()));
            return 0;
        } finally {
            if (tmp != null) Files.deleteIfExists(tmp);
        }
    }

    /** A TDB2 store directory has Data-NNNN subdirectories; exporting must not create an empty store. */
    static boolean isStore(Path dir) {
        if (!Files.isDirectory(dir)) return false;
        try (Stream<Path> s = Files.list(dir)) {
            return s.anyMatch(p -> p.getFileName().toString().startsWith("Data-"));
        } catch (java.io.IOException e) {
            return false;
        }
    }
}
