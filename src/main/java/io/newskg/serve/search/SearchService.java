package io.newskg.serve.search;

import io.newskg.store.IndexStamp;
import io.newskg.store.Progress;
import org.apache.jena.sparql.core.DatasetGraph;

import java.io.PrintStream;
import java.nio.file.Path;
import java.util.concurrent.atomic.AtomicReference;

/**
 * The search index a server answers from. The server starts at once; if the index is missing
 * or older than the store (pages added or removed since it was built, or writes through the
 * server), it is rebuilt on a background thread while the old one, if any, keeps answering.
 * Every {@code recheckSeconds} the store is checked again, so writes through the server show
 * up in search within that time.
 */
public final class SearchService implements AutoCloseable {
    private final DatasetGraph dsg;
    private final Path dir;
    private final PrintStream log;
    private final AtomicReference<SearchIndex> current = new AtomicReference<>();
    private final java.util.concurrent.ScheduledExecutorService timer;
    private volatile Progress building;
    private volatile String fingerprint;
    private volatile boolean stopping;

    public SearchService(DatasetGraph dsg, Path dir, PrintStream log, long recheckSeconds) {
        this.dsg = dsg;
        this.dir = dir;
        this.log = log;
        current.set(SearchIndex.open(dir));
        timer = java.util.concurrent.Executors.newSingleThreadScheduledExecutor(r -> {
            Thread t = new Thread(r, "newskg-search-index");
            t.setDaemon(true);
            t.setPriority(Thread.MIN_PRIORITY);
            return t;
        });
        // HanLP loads its conversion and pinyin tables on first use (about a second): not on a user's query
        timer.execute(() -> SearchIndex.norm(SearchIndex.pinyin("烏蘭察布")));
        timer.execute(this::refresh);
        if (recheckSeconds > 0) timer.scheduleWithFixedDelay(this::refresh, recheckSeconds, recheckSeconds, java.util.concurrent.TimeUnit.SECONDS);
    }

    /** Rebuilds the index if the store changed since it was built. */
    void refresh() {
        if (stopping) return;
        try {
            // the store's stamp says it without reading every label, unless the store changed
            Path store = dir.getParent();
            String files = IndexStamp.files(store);
            String fp = IndexStamp.read(store).get(IndexStamp.SEARCH);
            if (fp == null) {
                fp = SearchIndex.fingerprint(dsg, () -> stopping);
                IndexStamp.put(store, IndexStamp.SEARCH, fp, files);
            }
            if (fp.equals(fingerprint)) return;
            if (current.get() != null && SearchIndex.upToDate(dir, fp)) {
                fingerprint = fp;
                return;
            }
            log.println("search index: " + (current.get() == null ? "building" : "store changed, rebuilding")
                    + " in the background (queries are answered meanwhile" + (current.get() == null ? "; /search answers 503 until it is ready)" : " from the old index)"));
            try (Progress p = new Progress(log, "search index", "resources", 0)) {
                building = p;
                SearchIndex.build(dsg, dir, p, () -> stopping);
            } finally {
                building = null;
            }
            SearchIndex old = current.getAndSet(SearchIndex.open(dir));
            if (old != null) old.close();
            fingerprint = fp;
        } catch (java.util.concurrent.CancellationException e) {
            log.println("search index: build stopped, the server is stopping (the next serve builds it again)");
        } catch (RuntimeException e) {
            log.println("search index: " + e.getMessage());
        }
    }

    /** How long closing waits for a build under way to notice it should stop. */
    static final long STOP_WAIT_SECONDS = 30;

    /** The index to answer from, or null while the first one is being built. */
    public SearchIndex index() { return current.get(); }

    /** Progress of a build under way, else null. */
    public Progress building() { return building; }

    @Override
    public void close() {
        // the build holds a read transaction and a Lucene writer: let it end before the store closes
        stopping = true;
        timer.shutdown();
        try {
            if (!timer.awaitTermination(STOP_WAIT_SECONDS, java.util.concurrent.TimeUnit.SECONDS))
                log.println("search index: the background build did not stop within " + STOP_WAIT_SECONDS + " s");
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        SearchIndex si = current.getAndSet(null);
        if (si != null) si.close();
    }
}
