package io.newskg.store;

import io.newskg.rdf.NKG;
import org.apache.jena.graph.Node;
import org.apache.jena.graph.NodeFactory;
import org.apache.jena.query.Dataset;
import org.apache.jena.sparql.core.DatasetGraph;
import org.apache.jena.sparql.core.Quad;
import org.apache.jena.rdf.model.Model;
import org.apache.jena.rdf.model.Resource;
import org.apache.jena.tdb2.TDB2Factory;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Map;

/**
 * The TDB2 store. Each page is loaded in one write transaction that replaces the graphs of
 * its articles, so a run killed midway leaves every page either fully old or fully new.
 */
public final class GraphStore implements GraphSink, AutoCloseable {
    private final Dataset dataset;

    /** The store is locked by another process, typically a running server. */
    public static final class StoreBusyException extends RuntimeException {
        StoreBusyException(Path location, String detail) {
            super("store " + location + " is in use by another process (" + detail
                    + "); stop the server using it, or send the change to that server with --server URL");
        }
    }

    public GraphStore(Path location) {
        try {
            this.dataset = TDB2Factory.connectDataset(location.toAbsolutePath().normalize().toString());
        } catch (org.apache.jena.dboe.DBOpEnvException e) {
            throw new StoreBusyException(location, e.getMessage());
        }
    }

    public Dataset dataset() { return dataset; }

    /** A page's article graphs (names start with {@code prefix}) and triples for the shared graphs. */
    public record PageGraphs(String prefix, Map<String, Model> articleGraphs, Map<String, Model> shared) {}

    /** Replaces several pages in one write transaction: all of them land, or none. */
    @Override
    public void replacePages(List<PageGraphs> pages) {
        DatasetGraph dsg = dataset.asDatasetGraph();
        dataset.executeWrite(() -> {
            for (PageGraphs p : pages) {
                for (String g : graphsStartingWith(p.prefix())) dsg.removeGraph(NodeFactory.createURI(g));
                p.articleGraphs().forEach((g, m) -> addAll(dsg, g, m));
                p.shared().forEach((g, m) -> addAll(dsg, g, m));
            }
        });
    }

    /**
     * Removes the graphs whose names start with any of the prefixes (a page's articles, or one
     * article), then lets {@code rebuild} recompute the shared graphs from what remains, in the
     * same transaction.
     *
     * @return how many graphs were removed
     */
    public int remove(List<String> prefixes, java.util.function.Consumer<Dataset> rebuild) {
        return dataset.calculateWrite(() -> {
            int n = 0;
            for (String prefix : prefixes) {
                for (String g : graphsStartingWith(prefix)) {
                    dataset.removeNamedModel(g);
                    n++;
                }
            }
            if (n > 0) rebuild.accept(dataset);
            return n;
        });
    }

    /** Adds triples straight to the quad store, without going through a Model view per graph. */
    private static void addAll(DatasetGraph dsg, String graph, Model m) {
        Node g = NodeFactory.createURI(graph);
        m.getGraph().find().forEachRemaining(t -> dsg.add(g, t.getSubject(), t.getPredicate(), t.getObject()));
    }

    /** Replaces one graph as a whole (the ontology). */
    @Override
    public void replaceGraph(String name, Model contents) {
        dataset.executeWrite(() -> {
            dataset.removeNamedModel(name);
            dataset.addNamedModel(name, contents);
        });
    }

    /**
     * Graphs of a page (prefix ending in '/': found through the pages' nkg:page links, an index
     * lookup rather than a scan of all graphs), one graph by exact name, or all graphs ("").
     */
    private List<String> graphsStartingWith(String prefix) {
        List<String> out = new ArrayList<>();
        if (prefix.isEmpty()) {
            for (Iterator<Resource> it = dataset.listModelNames(); it.hasNext(); ) {
                Resource r = it.next();
                if (r.isURIResource()) out.add(r.getURI());
            }
        } else if (prefix.endsWith("/")) {
            Node page = NodeFactory.createURI(prefix.substring(0, prefix.length() - 1));
            Iterator<Quad> it = dataset.asDatasetGraph().find(Node.ANY, Node.ANY, NKG.page.asNode(), page);
            while (it.hasNext()) {
                String g = it.next().getGraph().getURI();
                if (g.startsWith(prefix) && !out.contains(g)) out.add(g);
            }
        } else if (dataset.containsNamedModel(prefix)) {
            out.add(prefix);
        }
        return out;
    }

    /**
     * Compacts the store: TDB2 never overwrites blocks in place, so a long build leaves old
     * generations behind; compaction writes the live data once and drops the rest.
     */
    public void compact() {
        org.apache.jena.tdb2.DatabaseMgr.compact(dataset.asDatasetGraph(), true);
    }

    public long size() {
        return dataset.calculateRead(() -> dataset.asDatasetGraph().stream().count());
    }

    @Override
    public void close() {
        dataset.close();
    }
}
