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

import java.nio.file.Files;
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
    private final Path dir;
    private ChangeListener listener;

    /** A store that cannot be used as asked; the message says why and what to do, in one line. */
    public static class StoreException extends RuntimeException {
        StoreException(String message) { super(message); }

        StoreException(String message, Throwable cause) { super(message, cause); }
    }

    /** The store is locked by another process, typically a running server. */
    public static final class StoreBusyException extends StoreException {
        StoreBusyException(Path location, String detail) {
            super("store " + location + " is in use by another process (" + detail
                    + "); stop the server using it, or send the change to that server with --server URL");
        }
    }

    /** The store's files exist but do not open: typically a run killed while creating it. */
    public static final class StoreDamagedException extends StoreException {
        StoreDamagedException(Path location, Throwable cause) {
            super("store " + location + " is damaged and cannot be opened (" + firstLine(cause)
                    + "); remove it (rm -r " + location + ") and build it again from the pages", cause);
        }
    }

    /** The folder is not a store (add, remove: they never create one). */
    public static final class NotAStoreException extends StoreException {
        NotAStoreException(String message) { super(message); }
    }

    private static String firstLine(Throwable e) {
        String m = e.getMessage() == null ? e.getClass().getSimpleName() : e.getClass().getSimpleName() + ": " + e.getMessage();
        return m.lines().findFirst().orElse(m);
    }

    /** Opens the store, creating it (atomically) if the folder is missing or empty. */
    public GraphStore(Path location) {
        this(location, true);
    }

    /** Opens a store that must exist already (add, remove). */
    public static GraphStore existing(Path location) {
        return new GraphStore(location, false);
    }

    private GraphStore(Path location, boolean create) {
        Path dir = location.toAbsolutePath().normalize();
        this.dir = dir;
        if (!isStore(dir)) {
            boolean empty = isEmptyDirectory(dir);
            if (!create) {
                throw new NotAStoreException(Files.exists(dir) && !empty
                        ? location + " is not a NewsKG store (no TDB2 data in it); give the store's folder with --store"
                        : "no store at " + location + "; create it with newskg build, or give the store's folder with --store");
            }
            if (Files.exists(dir) && !empty) {
                throw new NotAStoreException(location + " is a folder that is not a NewsKG store and not empty; "
                        + "give an empty or new folder with --store");
            }
            createAtomically(dir);
        }
        try {
            this.dataset = TDB2Factory.connectDataset(dir.toString());
            dataset.calculateRead(() -> dataset.asDatasetGraph().listGraphNodes().hasNext());
        } catch (org.apache.jena.dboe.DBOpEnvException e) {
            // only a lock held by a live process is "busy"; a half-written index (BPTreeException,
            // also a DBOpEnvException) was reported as busy before and is damage
            // TDB2 reports a lock held by another live process as AlreadyLocked, or (opening
            // the lock file itself) as "Failed to get a lock ... held by process N"
            if (e instanceof org.apache.jena.dboe.base.file.AlreadyLocked
                    || String.valueOf(e.getMessage()).contains("Failed to get a lock")) {
                throw new StoreBusyException(location, e.getMessage());
            }
            throw new StoreDamagedException(location, e);
        } catch (RuntimeException e) {
            throw new StoreDamagedException(location, e);
        }
    }

    /** A TDB2 store: a folder holding a data generation (Data-0001, …). */
    static boolean isStore(Path dir) {
        if (!Files.isDirectory(dir)) return false;
        try (java.util.stream.Stream<Path> s = Files.list(dir)) {
            return s.anyMatch(p -> Files.isDirectory(p) && p.getFileName().toString().matches("Data-\\d+"));
        } catch (java.io.IOException e) {
            return false;
        }
    }

    /** Empty, or only the lock file a run killed before creating any data leaves. */
    private static boolean isEmptyDirectory(Path dir) {
        if (!Files.isDirectory(dir)) return false;
        try (java.util.stream.Stream<Path> s = Files.list(dir)) {
            return s.allMatch(p -> p.getFileName().toString().equals("tdb.lock"));
        } catch (java.io.IOException e) {
            return false;
        }
    }

    /**
     * TDB2 writes a new store's index files one by one; a run killed among them leaves a store
     * that never opens (issue 18: about one kill in seven). So the store is created and its
     * first transaction committed in a temporary folder beside it, which is then renamed into
     * place: the store folder is absent or whole. A temporary folder left by a killed run is
     * removed by the next one.
     */
    private static void createAtomically(Path dir) {
        Path parent = dir.getParent();
        String prefix = "." + dir.getFileName() + ".creating-";
        try {
            Files.createDirectories(parent);
            try (java.util.stream.Stream<Path> s = Files.list(parent)) {
                for (Path old : s.filter(p -> p.getFileName().toString().startsWith(prefix)).toList()) {
                    String pid = old.getFileName().toString().substring(prefix.length());
                    boolean alive = pid.matches("\\d+") && ProcessHandle.of(Long.parseLong(pid)).map(ProcessHandle::isAlive).orElse(false);
                    if (!alive || Long.parseLong(pid) == ProcessHandle.current().pid()) deleteTree(old);
                }
            }
            Path tmp = parent.resolve(prefix + ProcessHandle.current().pid());
            Dataset ds = TDB2Factory.connectDataset(tmp.toString());
            ds.executeWrite(() -> {});
            // release the folder (TDB2 caches the connection and holds its lock file) so it can move
            org.apache.jena.tdb2.sys.TDBInternal.expel(ds.asDatasetGraph());
            if (Files.isDirectory(dir)) Files.delete(dir);
            Files.move(tmp, dir, java.nio.file.StandardCopyOption.ATOMIC_MOVE);
        } catch (java.io.IOException e) {
            throw new StoreException("cannot create store " + dir + " (" + e + ")");
        }
    }

    private static void deleteTree(Path root) throws java.io.IOException {
        try (java.util.stream.Stream<Path> s = Files.walk(root)) {
            for (Path p : s.sorted(java.util.Comparator.reverseOrder()).toList()) Files.deleteIfExists(p);
        }
    }

    /**
     * The base IRI the store's graphs were written under (from its ontology or gazetteer graph
     * name), or null for an empty store.
     */
    public String storedBase() {
        return dataset.calculateRead(() -> {
            Iterator<Quad> it = dataset.asDatasetGraph().find(Node.ANY, Node.ANY,
                    org.apache.jena.vocabulary.RDF.type.asNode(), org.apache.jena.vocabulary.OWL.Ontology.asNode());
            while (it.hasNext()) {
                Node g = it.next().getGraph();
                String base = g.isURI() ? baseOf(g.getURI()) : null;
                if (base != null) return base;
            }
            for (Iterator<Node> gs = dataset.asDatasetGraph().listGraphNodes(); gs.hasNext(); ) {
                Node g = gs.next();
                String base = g.isURI() ? baseOf(g.getURI()) : null;
                if (base != null) return base;
            }
            return null;
        });
    }

    /** The base of a shared graph's name ({@code BASE graph/ontology}, {@code BASE graph/gazetteer}), else null. */
    static String baseOf(String graph) {
        for (String tail : List.of("graph/ontology", "graph/gazetteer")) {
            if (graph.endsWith("/" + tail)) return graph.substring(0, graph.length() - tail.length());
        }
        return null;
    }

    public Dataset dataset() { return dataset; }

    /** The store's folder. */
    public Path location() { return dir; }

    /** Reports every quad later writes remove or add to {@code l} (null: to no one). */
    public GraphStore listen(ChangeListener l) {
        this.listener = l;
        return this;
    }

    /**
     * Called before this program writes the store: its {@link IndexStamp} no longer describes
     * it. (Changed data files void a stamp anyway; removing it first leaves no doubt.) The
     * writes of this class call it themselves.
     */
    public void willWrite() {
        IndexStamp.invalidate(dir);
    }

    /** A page's article graphs (names start with {@code prefix}) and triples for the shared graphs. */
    public record PageGraphs(String prefix, Map<String, Model> articleGraphs, Map<String, Model> shared) {}

    /** Replaces several pages in one write transaction: all of them land, or none. */
    @Override
    public void replacePages(List<PageGraphs> pages) {
        DatasetGraph dsg = dataset.asDatasetGraph();
        willWrite();
        dataset.executeWrite(() -> {
            for (PageGraphs p : pages) {
                for (String g : graphsStartingWith(p.prefix())) removeGraph(dsg, NodeFactory.createURI(g));
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
        return remove(prefixes, null, ds -> {
            rebuild.accept(ds);
            return null;
        });
    }

    /**
     * As above; then the graph {@code shared} (if not null) becomes what {@code recompute} makes
     * of the store that remains, quad by quad, so only what changed is reported as changed.
     */
    public int remove(List<String> prefixes, String shared, java.util.function.Function<Dataset, Model> recompute) {
        willWrite();
        DatasetGraph dsg = dataset.asDatasetGraph();
        return dataset.calculateWrite(() -> {
            int n = 0;
            for (String prefix : prefixes) {
                for (String g : graphsStartingWith(prefix)) {
                    removeGraph(dsg, NodeFactory.createURI(g));
                    n++;
                }
            }
            if (n > 0) {
                Model now = recompute.apply(dataset);
                if (shared != null) setGraph(dsg, NodeFactory.createURI(shared), now);
            }
            return n;
        });
    }

    private void removeGraph(DatasetGraph dsg, Node g) {
        if (listener != null) dsg.find(g, Node.ANY, Node.ANY, Node.ANY).forEachRemaining(listener::removed);
        dsg.removeGraph(g);
    }

    /** The graph's quads become {@code m}'s triples: those not in it go, those missing come. */
    private void setGraph(DatasetGraph dsg, Node g, Model m) {
        org.apache.jena.graph.Graph want = m.getGraph();
        List<Quad> gone = new ArrayList<>();
        dsg.find(g, Node.ANY, Node.ANY, Node.ANY).forEachRemaining(q -> {
            if (!want.contains(q.asTriple())) gone.add(q);
        });
        for (Quad q : gone) {
            dsg.delete(q);
            if (listener != null) listener.removed(q);
        }
        addAll(dsg, g.getURI(), m);
    }

    /** Adds triples straight to the quad store, without going through a Model view per graph. */
    private void addAll(DatasetGraph dsg, String graph, Model m) {
        Node g = NodeFactory.createURI(graph);
        if (listener == null) {
            m.getGraph().find().forEachRemaining(t -> dsg.add(g, t.getSubject(), t.getPredicate(), t.getObject()));
            return;
        }
        m.getGraph().find().forEachRemaining(t -> {
            Quad q = Quad.create(g, t);
            if (!dsg.contains(q)) {
                dsg.add(q);
                listener.added(q);
            }
        });
    }

    /** Replaces one graph as a whole (the ontology). */
    @Override
    public void replaceGraph(String name, Model contents) {
        willWrite();
        dataset.executeWrite(() -> setGraph(dataset.asDatasetGraph(), NodeFactory.createURI(name), contents));
    }

    /** Recomputes and replaces the identity graph in one write transaction. */
    @Override
    public void refreshIdentity(io.newskg.rdf.RdfMapper mapper) {
        willWrite();
        dataset.executeWrite(() -> replaceIdentity(mapper));
    }

    /** Inside a write transaction: the identity graph recomputed from the article graphs, quad by quad. */
    public void replaceIdentity(io.newskg.rdf.RdfMapper mapper) {
        Model m = mapper.identity(q -> org.apache.jena.query.QueryExecutionFactory.create(q, dataset));
        setGraph(dataset.asDatasetGraph(), NodeFactory.createURI(mapper.iris().identityGraph()), m);
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
