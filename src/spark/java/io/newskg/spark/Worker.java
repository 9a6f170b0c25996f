package io.newskg.spark;

import io.newskg.extract.Extractor;
import io.newskg.ingest.PageReader;
import io.newskg.rdf.Iris;
import io.newskg.rdf.RdfMapper;
import io.newskg.store.Builder;
import org.apache.hadoop.conf.Configuration;
import org.apache.hadoop.fs.FSDataInputStream;
import org.apache.hadoop.fs.FileSystem;

import java.io.IOException;
import java.io.InputStream;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * What an executor JVM keeps between tasks: one {@link Extractor} (its lexicons, models and
 * gazetteer take seconds and hundreds of MB to load, so never per task; it is thread-safe, as
 * build's extraction pool relies on) and build's own {@link Builder} over it, which reads,
 * checks, extracts and maps each page.
 */
final class Worker {
    private static Extractor extractor;
    private static final AtomicInteger EXTRACTORS = new AtomicInteger();
    private static final Map<String, Builder> BUILDERS = new ConcurrentHashMap<>();

    private Worker() {}

    /** The builder writing under {@code base}, made on first use in this JVM. */
    static Builder builder(String base) {
        return BUILDERS.computeIfAbsent(base, b -> {
            Extractor e = extractor();
            return new Builder(e, new RdfMapper(new Iris(b), e.gazetteer()), 1, 1);
        });
    }

    private static synchronized Extractor extractor() {
        if (extractor == null) {
            extractor = new Extractor();
            EXTRACTORS.incrementAndGet();
        }
        return extractor;
    }

    /** How many extractors this JVM has made (one, however many tasks ran). */
    static int extractorsMade() { return EXTRACTORS.get(); }

    /**
     * Build's {@link Builder#prepare} of one page. A local file (file:) is read where it lies;
     * a page elsewhere (hdfs:, s3a:) is first copied, at most one byte over the page limit, with
     * its sidecar, into a local temporary folder, so {@link PageReader} checks the same bytes the
     * same way; its messages then name the page's URI, not the copy.
     */
    static Builder.Prepared prepare(Builder builder, PageRef ref, Configuration conf) {
        Path dir = null;
        try {
            URI uri = URI.create(ref.uri());
            if ("file".equals(uri.getScheme())) return builder.prepare(new Builder.Input(Path.of(uri), ref.name()));
            org.apache.hadoop.fs.Path src = new org.apache.hadoop.fs.Path(uri);
            FileSystem fs = src.getFileSystem(conf);
            dir = Files.createTempDirectory("newskg-page");
            Path local = dir.resolve(src.getName());
            copy(fs, src, local, PageReader.MAX_BYTES + 1);
            if (ref.sidecar()) copy(fs, src.suffix(".meta.json"), dir.resolve(src.getName() + ".meta.json"), PageReader.MAX_SIDECAR_BYTES + 1);
            Builder.Prepared p = builder.prepare(new Builder.Input(local, ref.name()));
            if (p.error() == null) return p;
            String parent = ref.file().substring(0, ref.file().lastIndexOf('/') + 1);
            return failed(p.error().replace(dir + "/", parent));
        } catch (IOException | RuntimeException e) {
            return failed(ref.file() + ": cannot be read (" + e.getMessage() + ")");
        } finally {
            if (dir != null) deleteTree(dir);
        }
    }

    static Builder.Prepared failed(String why) {
        return new Builder.Prepared(null, null, null, null, 0, 0, 0, 0, why);
    }

    private static void copy(FileSystem fs, org.apache.hadoop.fs.Path src, Path dst, long limit) throws IOException {
        try (FSDataInputStream in = fs.open(src)) {
            Files.write(dst, ((InputStream) in).readNBytes((int) Math.min(Integer.MAX_VALUE - 8, limit)));
        }
    }

    private static void deleteTree(Path dir) {
        try (var s = Files.walk(dir)) {
            for (Path p : s.sorted(java.util.Comparator.reverseOrder()).toList()) Files.deleteIfExists(p);
        } catch (IOException e) {
            // a temporary folder left behind costs a few KB
        }
    }
}
