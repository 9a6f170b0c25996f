package io.newskg.store;

import org.apache.jena.query.Dataset;
import org.apache.jena.query.ReadWrite;
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
public final class GraphStore implements AutoCloseable {
    private final Dataset dataset;

    public GraphStore(Path location) {
        this.dataset = TDB2Factory.connectDataset(location.toAbsolutePath().normalize().toString());
    }

    public Dataset dataset() { return dataset; }

    /**
     * Replaces everything stored for the page whose article graphs start with {@code pagePrefix}.
     *
     * @param articleGraphs graph name → contents
     * @param shared        graph name → triples to add to a graph shared by all pages (regions)
     */
    public void replacePage(String pagePrefix, Map<String, Model> articleGraphs, Map<String, Model> shared) {
        dataset.begin(ReadWrite.WRITE);
        try {
            for (String g : graphsStartingWith(pagePrefix)) dataset.removeNamedModel(g);
            articleGraphs.forEach(dataset::addNamedModel);
            shared.forEach((g, m) -> dataset.getNamedModel(g).add(m));
            dataset.commit();
        } finally {
            dataset.end();
        }
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

    /** Names of the stored article graphs. */
    public List<String> graphNames() {
        return dataset.calculateRead(() -> graphsStartingWith(""));
    }

    /** Replaces one graph as a whole (the ontology). */
    public void replaceGraph(String name, Model contents) {
        dataset.executeWrite(() -> {
            dataset.removeNamedModel(name);
            dataset.addNamedModel(name, contents);
        });
    }

    private List<String> graphsStartingWith(String prefix) {
        List<String> out = new ArrayList<>();
        for (Iterator<Resource> it = dataset.listModelNames(); it.hasNext(); ) {
            Resource r = it.next();
            // a prefix ending in '/' names a page's articles; anything else one graph exactly
            String g = r.isURIResource() ? r.getURI() : null;
            if (g != null && (prefix.isEmpty() || prefix.endsWith("/") ? g.startsWith(prefix) : g.equals(prefix))) out.add(g);
        }
        return out;
    }

    public long size() {
        return dataset.calculateRead(() -> dataset.asDatasetGraph().stream().count());
    }

    @Override
    public void close() {
        dataset.close();
    }
}
