package io.newskg.cli;

import io.newskg.extract.Extractor;
import io.newskg.ingest.PageReader;
import io.newskg.model.Page;
import io.newskg.model.Results.PageResult;

import java.io.PrintStream;
import java.nio.file.Path;
import java.util.ArrayDeque;
import java.util.List;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

/**
 * Pages read in order on the calling thread, extracted on {@code threads} threads, and handed on
 * in input order, so output and error lines read the same as with one thread. At most two pages
 * per thread are in flight: a huge folder never sits in memory.
 */
final class ParallelExtraction {
    /** What is done with each page's result, in input order. */
    interface Sink {
        void accept(Path file, Page page, PageResult result) throws Exception;
    }

    private record Job(Path file, Page page, Future<PageResult> result) {}

    private ParallelExtraction() {}

    static void run(List<Path> files, int threads, Extractor extractor, PrintStream err, int[] skipped, Sink sink)
            throws Exception {
        PageReader reader = new PageReader();
        int n = Math.max(1, threads);
        ExecutorService pool = Executors.newFixedThreadPool(n, r -> {
            Thread t = new Thread(r, "extract");
            t.setDaemon(true);
            return t;
        });
        try {
            ArrayDeque<Job> window = new ArrayDeque<>();
            int next = 0;
            while (next < files.size() || !window.isEmpty()) {
                while (next < files.size() && window.size() < 2 * n) {
                    Path f = files.get(next++);
                    Page page = Inputs.read(reader, f, err, skipped);
                    if (page != null) window.add(new Job(f, page, pool.submit(() -> extractor.extract(page))));
                }
                if (window.isEmpty()) continue;
                Job j = window.poll();
                PageResult r;
                try {
                    r = j.result().get();
                } catch (ExecutionException e) {
                    // one page must not stop the others
                    err.println(j.file() + ": extraction failed (" + e.getCause() + ")");
                    skipped[0]++;
                    continue;
                }
                sink.accept(j.file(), j.page(), r);
            }
        } finally {
            pool.shutdownNow();
        }
    }
}
