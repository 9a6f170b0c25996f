package io.newskg.store;

import io.newskg.extract.Extractor;
import io.newskg.ingest.InputException;
import io.newskg.ingest.PageReader;
import io.newskg.model.Page;
import io.newskg.model.Results.ArticleResult;
import io.newskg.model.Results.PageResult;
import io.newskg.rdf.RdfMapper;
import org.apache.jena.rdf.model.Model;

import java.io.PrintStream;
import java.nio.file.Path;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

/**
 * Pages → extraction → RDF → store. Extraction runs on all cores, a bounded window of pages
 * ahead of the loader, so memory does not grow with the corpus; pages are loaded in input
 * order, a batch of pages per transaction, so a killed run leaves whole pages only.
 */
public final class Builder {
    /** What a build did. */
    public record Summary(int pages, int skipped, int articles, int officials, int posts, int regions, long millis) {}

    /** One page ready to load, or the reason it cannot be. */
    private record Prepared(Path file, String pageFile, Map<String, Model> graphs, Model regions,
                            int articles, int officials, int posts, int regionCount, String error) {}

    /**
     * Pages per transaction. TDB2 copies every index block a transaction touches, so small
     * transactions over a large store grow it fast; 64 pages (~60,000 quads) keep that in check.
     */
    public static final int DEFAULT_BATCH = 64;

    private final Extractor extractor;
    private final RdfMapper mapper;
    private final PageReader reader = new PageReader();
    private final int threads;
    private final int batchPages;

    public Builder(Extractor extractor, RdfMapper mapper) {
        this(extractor, mapper, Runtime.getRuntime().availableProcessors(), DEFAULT_BATCH);
    }

    public Builder(Extractor extractor, RdfMapper mapper, int threads, int batchPages) {
        this.extractor = extractor;
        this.mapper = mapper;
        this.threads = Math.max(1, threads);
        this.batchPages = Math.max(1, batchPages);
    }

    public Summary build(List<Path> files, GraphSink store, PrintStream progress) {
        long t0 = System.currentTimeMillis();
        int pages = 0, skipped = 0, articles = 0, officials = 0, posts = 0, regions = 0;
        store.replaceGraph(mapper.iris().ontologyGraph(), RdfMapper.ontology());
        ExecutorService pool = Executors.newFixedThreadPool(threads, r -> {
            Thread t = new Thread(r, "newskg-extract");
            t.setDaemon(true);
            return t;
        });
        try {
            Deque<Future<Prepared>> window = new ArrayDeque<>();
            List<Prepared> batch = new ArrayList<>();
            int next = 0, done = 0;
            while (done < files.size()) {
                while (next < files.size() && window.size() < threads * 2) {
                    Path f = files.get(next++);
                    window.add(pool.submit(() -> prepare(f)));
                }
                Prepared p = take(window.poll());
                done++;
                if (p.error() != null) {
                    progress.println(p.error());
                    skipped++;
                } else {
                    batch.add(p);
                }
                if (batch.size() >= batchPages || done == files.size()) {
                    load(store, batch);
                    for (Prepared b : batch) {
                        pages++;
                        articles += b.articles();
                        officials += b.officials();
                        posts += b.posts();
                        regions += b.regionCount();
                        progress.printf("[%d/%d] %s: %d articles, %d officials, %d posts, %d regions%n",
                                pages + skipped, files.size(), b.pageFile(), b.articles(), b.officials(), b.posts(), b.regionCount());
                    }
                    batch.clear();
                }
            }
        } finally {
            pool.shutdownNow();
        }
        return new Summary(pages, skipped, articles, officials, posts, regions, System.currentTimeMillis() - t0);
    }

    private void load(GraphSink store, List<Prepared> batch) {
        if (batch.isEmpty()) return;
        List<GraphStore.PageGraphs> pages = new ArrayList<>();
        for (Prepared p : batch) {
            pages.add(new GraphStore.PageGraphs(mapper.iris().page(p.pageFile()) + "/", p.graphs(),
                    Map.of(mapper.iris().gazetteerGraph(), p.regions())));
        }
        store.replacePages(pages);
    }

    private Prepared prepare(Path f) {
        Page page;
        try {
            page = reader.read(f);
        } catch (InputException e) {
            return new Prepared(f, null, null, null, 0, 0, 0, 0, e.getMessage());
        }
        PageResult r;
        try {
            r = extractor.extract(page);
        } catch (RuntimeException e) {
            // one page the extractor cannot handle must not stop the others
            return new Prepared(f, null, null, null, 0, 0, 0, 0, f + ": extraction failed (" + e + ")");
        }
        int o = 0, p = 0, g = 0;
        for (ArticleResult a : r.articles()) {
            o += a.officials().size();
            p += a.officials().stream().mapToInt(x -> x.posts().size()).sum();
            g += (int) a.regions().stream().filter(x -> x.code() != null).count();
        }
        return new Prepared(f, page.file(), mapper.articleGraphs(r, page.text()), mapper.regions(r),
                r.articles().size(), o, p, g, null);
    }

    private static Prepared take(Future<Prepared> f) {
        try {
            return f.get();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted", e);
        } catch (ExecutionException e) {
            throw new IllegalStateException(e.getCause());
        }
    }
}
