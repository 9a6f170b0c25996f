package io.newskg.cli;

import io.newskg.export.Exporter;
import io.newskg.store.GraphStore;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

import java.io.BufferedOutputStream;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.stream.Stream;

@Command(name = "export", description = "Dump the store: ttl (union graph), trig, nq, jsonld (all named graphs), "
        + "graphml or gexf (the network of people, organisations, regions and events with typed attributes, for Gephi, "
        + "Cytoscape and networkx; --full: every resource), csv (one row per quad; --excel for Excel).")
final class ExportCommand implements Callable<Integer> {
    @Option(names = "--store", defaultValue = "store", paramLabel = "DIR", description = "TDB2 store directory (default: ${DEFAULT-VALUE})")
    Path store;

    @Option(names = "--format", required = true, paramLabel = "FORMAT", description = "ttl, trig, nq, jsonld, graphml, gexf or csv")
    String format;

    @Option(names = "--out", paramLabel = "FILE", description = "output file (default: standard output)")
    Path out;

    @Option(names = "--full", description = "graphml, gexf: the RDF-shaped graph (every resource a node, literals as attributes) "
            + "instead of the network of people, organisations, regions and events")
    boolean full;

    @Option(names = {"--excel", "--bom"}, description = "csv: start with a byte-order mark, so Excel shows Chinese")
    boolean excel;

    @Option(names = "--server", paramLabel = "URL", description = "export what a running server serves (its dataset URL, "
            + "e.g. http://localhost:3030/newskg), for when the server holds the store")
    String server;

    @Override
    public Integer call() throws Exception {
        Exporter.Format f;
        try {
            f = Exporter.Format.parse(format);
        } catch (IllegalArgumentException e) {
            System.err.println(e.getMessage());
            return 1;
        }
        if (server == null && !isStore(store)) {
            System.err.println(store + ": no TDB2 store there (build one with: newskg build PAGES --store " + store + ")");
            return 1;
        }
        Path tmp = out == null ? null : out.resolveSibling(out.getFileName() + ".part");
        GraphStore gs = null;
        try (OutputStream os = new BufferedOutputStream(out == null ? System.out : Files.newOutputStream(tmp), 1 << 16)) {
            org.apache.jena.sparql.core.DatasetGraph dsg;
            if (server != null) {
                dsg = fetch(server);
            } else {
                try {
                    gs = new GraphStore(store);
                } catch (GraphStore.StoreBusyException e) {
                    throw new UserError("store " + store + " is held by a running server; export from it with --server http://localhost:3030/newskg");
                }
                dsg = gs.dataset().asDatasetGraph();
            }
            Exporter.Summary s = Exporter.export(dsg, f, os, new Exporter.Options(full, excel));
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
            if (gs != null) gs.close();
            if (tmp != null) Files.deleteIfExists(tmp);
        }
    }

    /** Every quad the server serves, read through its read-only Graph Store endpoint. */
    static org.apache.jena.sparql.core.DatasetGraph fetch(String server) {
        String url = server.replaceAll("/+$", "");
        for (String tail : List.of("/sparql", "/query", "/get")) {
            if (url.endsWith(tail)) url = url.substring(0, url.length() - tail.length());
        }
        try {
            return org.apache.jena.sparql.exec.http.DSP.service(url + "/get").GET();
        } catch (RuntimeException e) {
            throw new UserError("cannot read the dataset from " + url + "/get (" + e.getMessage() + "); give the dataset URL, e.g. http://localhost:3030/newskg");
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
