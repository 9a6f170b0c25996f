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

    /**
     * An input file and the name that identifies its page: its path relative to the input root,
     * '/'-separated ("a/x.txt"; a file given alone: its file name).
     */
    public record Input(Path file, String name) {
        /** A file named by its file name alone. */
        public static Input of(Path file) { return new Input(file, file.getFileName().toString()); }

        /** A file under {@code root}, named by its path relative to it. */
        public static Input under(Path root, Path file) {
            Path rel = root.toAbsolutePath().normalize().relativize(file.toAbsolutePath().normalize());
            List<String> parts = new ArrayList<>();
            for (Path p : rel) parts.add(p.toString());
            return new Input(file, String.join("/", parts));
        }
    }

    /** One page ready to load, or the reason it cannot be (the Spark job writes these as N-Quads). */
    public record Prepared(Path file, String pageFile, Map<String, Model> graphs, Model regions,
                            int articles, int officials, int posts, int regionCount, String error) {}

    /**
     * Pages per transaction. TDB2 copies every index block a transaction touches, so small
     * transactions over a large store grow it fast; 64 pages (~60,000 quads) keep that in check.
     */
    public static final int DEFAULT_BATCH = 64;

    private final java.util.function.Function<Page, PageResult> extractor;
    private final RdfMapper mapper;
    private final PageReader reader = new PageReader();
    private final int threads;
    private final int batchPages;
    private boolean verbose;

    public Builder(Extractor extractor, RdfMapper mapper) {
        this(extractor, mapper, Runtime.getRuntime().availableProcessors(), DEFAULT_BATCH);
    }

    public Builder(Extractor extractor, RdfMapper mapper, int threads, int batchPages) {
        this(extractor::extract, mapper, threads, batchPages);
    }

    /** With any extraction function (tests make one page fail). */
    Builder(java.util.function.Function<Page, PageResult> extractor, RdfMapper mapper, int threads, int batchPages) {
        this.extractor = extractor;
        this.mapper = mapper;
        this.threads = Math.max(1, threads);
        this.batchPages = Math.max(1, batchPages);
    }

    /** Also a line per page once it is stored ("[12/1473] x.txt: 7 articles, …"), besides the progress line. */
    public Builder verbose(boolean v) {
        verbose = v;
        return this;
    }

    /** Builds pages named by their file names (see {@link Input#of}). */
    public Summary build(List<Path> files, GraphSink store, PrintStream progress) {
        return buildInputs(files.stream().map(Input::of).toList(), store, progress);
    }

    public Summary buildInputs(List<Input> inputs, GraphSink store, PrintStream progress) {
        long t0 = System.currentTimeMillis();
        int pages = 0, skipped = 0, articles = 0, officials = 0, posts = 0, regions = 0;
        Map<String, Input> distinct = new java.util.LinkedHashMap<>();
        for (Input in : inputs) distinct.putIfAbsent(in.file().toAbsolutePath().normalize() + "\n" + in.name(), in);
        inputs = List.copyOf(distinct.values());
        List<Input> files = new ArrayList<>();
        for (Map.Entry<Input, String> e : collisions(inputs).entrySet()) {
            if (e.getValue() == null) files.add(e.getKey());
            else {
                progress.println(e.getValue());
                skipped++;
            }
        }
        Progress bar = new Progress(progress, "build", "pages", files.size());
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
                    Input f = files.get(next++);
                    window.add(pool.submit(() -> prepare(f)));
                }
                Prepared p = take(window.poll(), files.get(done));
                done++;
                if (p.error() != null) {
                    bar.note(p.error());
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
                        if (verbose) bar.note(String.format("[%d/%d] %s: %d articles, %d officials, %d posts, %d regions",
                                pages + skipped, inputs.size(), b.pageFile(), b.articles(), b.officials(), b.posts(), b.regionCount()));
                    }
                    batch.clear();
                }
                bar.set(done);
            }
        } finally {
            pool.shutdownNow();
            bar.close();
        }
        // who is who depends on every page the store holds, so it is recomputed once the pages are in
        if (pages > 0) store.refreshIdentity(mapper);
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

    /**
     * Each input with null, or the error that keeps it out: two inputs whose pages would have one
     * IRI (or one page's IRI inside another's articles) would overwrite each other, so neither is built.
     */
    Map<Input, String> collisions(List<Input> inputs) {
        return collisions(inputs, mapper.iris());
    }

    /** As {@link #collisions(List)}, for pages named under {@code iris} (the Spark job's driver, which does not extract). */
    public static Map<Input, String> collisions(List<Input> inputs, io.newskg.rdf.Iris iris) {
        Map<String, List<Input>> byIri = new java.util.TreeMap<>();
        for (Input in : inputs) byIri.computeIfAbsent(iris.page(in.name()), k -> new ArrayList<>()).add(in);
        Map<Input, String> out = new java.util.LinkedHashMap<>();
        for (Input in : inputs) out.put(in, null);
        for (Map.Entry<String, List<Input>> e : byIri.entrySet()) {
            List<Input> same = e.getValue();
            if (same.size() > 1) {
                for (Input in : same) {
                    out.put(in, in.file() + ": same page " + e.getKey() + " as " + String.join(", ", same.stream()
                            .filter(x -> x != in).map(x -> x.file().toString()).toList()) + "; rename one of them");
                }
            }
            // A page named P/article/N… would be inside the article IRIs of page P.
            for (int i = e.getKey().indexOf("/article/"); i >= 0; i = e.getKey().indexOf("/article/", i + 1)) {
                List<Input> owner = byIri.get(e.getKey().substring(0, i));
                if (owner == null) continue;
                for (Input in : same) {
                    out.put(in, in.file() + ": its page " + e.getKey() + " would lie inside the articles of "
                            + owner.get(0).file() + "; rename its folder");
                }
            }
        }
        return out;
    }

    /** Reads, extracts and maps one page: what build loads for it, or why it is skipped. */
    public Prepared prepare(Input in) {
        Path f = in.file();
        try {
            Page page;
            try {
                page = reader.read(f);
            } catch (InputException e) {
                return failed(in, e.getMessage());
            }
            page = new Page(in.name(), page.text(), page.date(), page.newspaper(), page.province());
            PageResult r = extractor.apply(page);
            int o = 0, p = 0, g = 0;
            for (ArticleResult a : r.articles()) {
                o += a.officials().size();
                p += a.officials().stream().mapToInt(x -> x.posts().size()).sum();
                g += (int) a.regions().stream().filter(x -> x.code() != null).count();
            }
            return new Prepared(f, page.file(), mapper.articleGraphs(r, page.text()), mapper.regions(r),
                    r.articles().size(), o, p, g, null);
        } catch (RuntimeException | OutOfMemoryError | StackOverflowError e) {
            // one page the extractor cannot handle must not stop the others; what it allocated is garbage now
            return failed(in, f + ": extraction failed (" + e + ")");
        }
    }

    private static Prepared failed(Input in, String why) {
        return new Prepared(in.file(), null, null, null, 0, 0, 0, 0, why);
    }

    private static Prepared take(Future<Prepared> f, Input in) {
        try {
            return f.get();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted", e);
        } catch (ExecutionException e) {
            return failed(in, in.file() + ": extraction failed (" + e.getCause() + ")");
        }
    }
}
