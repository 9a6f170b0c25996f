package io.newskg.spark;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import io.newskg.extract.Extractor;
import io.newskg.rdf.Iris;
import io.newskg.rdf.NKG;
import io.newskg.rdf.RdfMapper;
import org.apache.hadoop.conf.Configuration;
import org.apache.hadoop.fs.FileSystem;
import org.apache.hadoop.fs.Path;
import org.apache.spark.SparkConf;
import org.apache.spark.api.java.JavaRDD;
import org.apache.spark.api.java.JavaSparkContext;
import org.apache.spark.storage.StorageLevel;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

import java.io.IOException;
import java.io.OutputStream;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;

/**
 * newskg's extraction as a Spark job: the pages under {@code --input} are listed on the driver,
 * extracted in tasks by build's own code (one extractor per executor JVM) and written as
 * sharded N-Quads plus {@code manifest.json}, for {@code newskg load --bulk}.
 */
@Command(name = "newskg-spark", mixinStandardHelpOptions = true,
        description = "Extract pages on Spark into N-Quads shards and a manifest, for newskg load --bulk.")
public final class NewsKgJob implements Callable<Integer> {
    @Option(names = "--input", required = true, paramLabel = "URI",
            description = "folder, file or glob of pages on any Hadoop file system (file:, hdfs:, s3a:)")
    String input;

    @Option(names = "--output", required = true, paramLabel = "URI", description = "new folder for the shards and manifest.json")
    String output;

    @Option(names = "--base", defaultValue = NKG.DEFAULT_BASE, paramLabel = "IRI", description = "base IRI of instances (default: ${DEFAULT-VALUE})")
    String base;

    @Option(names = "--root", paramLabel = "URI",
            description = "name pages by their path relative to this folder, as build --root (default: the input folder; for a glob its folder without wildcards)")
    String root;

    @Option(names = "--partitions", paramLabel = "N", description = "tasks (default: 4 per core of the cluster, at least one per 500 pages)")
    Integer partitions;

    @Option(names = "--master", paramLabel = "URL", description = "Spark master when not run by spark-submit (local[2], …)")
    String master;

    /** What a run did; manifest.json holds the same. */
    public record Result(int pages, int articles, long quads, int skipped, int shards, long millis) {}

    public static void main(String[] args) {
        System.exit(new CommandLine(new NewsKgJob()).execute(args));
    }

    @Override
    public Integer call() throws IOException {
        SparkConf conf = new SparkConf().setAppName("newskg");
        if (master != null) conf.setMaster(master);
        try (JavaSparkContext sc = new JavaSparkContext(conf)) {
            Result r = run(sc, input, output, base, root, partitions);
            return r.skipped() > 0 ? 2 : 0;
        } catch (IllegalArgumentException e) {
            System.err.println(e.getMessage());
            return 1;
        }
    }

    /** Runs the job in {@code sc}; the tests call this with a local[2] context. */
    public static Result run(JavaSparkContext sc, String input, String output, String base, String root, Integer partitions) throws IOException {
        long t0 = System.currentTimeMillis();
        Iris iris = new Iris(base);
        String b = iris.base();
        Configuration hadoop = sc.hadoopConfiguration();
        Path outDir = new Path(output);
        FileSystem fs = outDir.getFileSystem(hadoop);
        outDir = fs.makeQualified(outDir);
        if (fs.exists(outDir) && fs.listStatus(outDir).length > 0) {
            throw new IllegalArgumentException(output + " exists and is not empty; give a new folder to --output (each run's output is loaded once)");
        }
        fs.mkdirs(outDir);
        String out = outDir.toString();

        Listing listing = Listing.of(hadoop, input, root, iris);
        for (Listing.Skip s : listing.skipped) System.err.println(s.reason());
        int n = partitions != null ? Math.max(1, partitions)
                : Math.max(1, Math.min(listing.pages.size(), Math.max(4 * sc.defaultParallelism(), (listing.pages.size() + 499) / 500)));
        HadoopConf hconf = new HadoopConf(hadoop);

        JavaRDD<Shard> shards = sc.parallelize(listing.pages, n)
                .mapPartitionsWithIndex((i, refs) -> Shard.write(i, refs, out, b, hconf), false)
                .persist(StorageLevel.MEMORY_AND_DISK());
        List<Shard> done = new ArrayList<>(shards.map(Shard::counts).collect());
        // the gazetteer graph: every task's region quads, each once
        int gazParts = Math.max(1, n / 16);
        List<String> gazFiles = shards.flatMap(s -> s.gazetteer().iterator())
                .distinct(gazParts)
                .mapPartitionsWithIndex((i, lines) -> {
                    if (!lines.hasNext()) return java.util.Collections.<String>emptyIterator();
                    String file = String.format("part-gazetteer-%05d.nq.gz", i);
                    Path dir = new Path(out);
                    long count = Shard.writeLines(dir.getFileSystem(hconf.get()), dir, file, lines);
                    return List.of(file + "\t" + count).iterator();
                }, false)
                .collect();
        shards.unpersist(false);
        List<String> ontology = Shard.nquads(iris.ontologyGraph(), RdfMapper.ontology());
        Shard.writeLines(fs, outDir, "part-ontology.nq.gz", ontology.iterator());
        fs.delete(new Path(outDir, "_temporary"), true);

        done.sort(java.util.Comparator.comparingInt(Shard::index));
        int pages = 0, articles = 0, officials = 0, posts = 0;
        long quads = ontology.size();
        List<Map<String, String>> skipped = new ArrayList<>();
        for (Listing.Skip s : listing.skipped) skipped.add(Map.of("file", s.file(), "reason", s.reason()));
        List<String> shardFiles = new ArrayList<>(), pageLists = new ArrayList<>();
        for (Shard s : done) {
            pages += s.pages();
            articles += s.articles();
            officials += s.officials();
            posts += s.posts();
            quads += s.quads();
            shardFiles.add(s.quadsFile());
            pageLists.add(s.pagesFile());
            for (Listing.Skip k : s.skipped()) skipped.add(Map.of("file", k.file(), "reason", k.reason()));
        }
        for (String g : gazFiles) {
            shardFiles.add(g.substring(0, g.indexOf('\t')));
            quads += Long.parseLong(g.substring(g.indexOf('\t') + 1));
        }
        shardFiles.add("part-ontology.nq.gz");

        Map<String, Object> manifest = new LinkedHashMap<>();
        manifest.put("format", "newskg-nquads/1");
        manifest.put("extractor", Extractor.VERSION);
        manifest.put("base", b);
        manifest.put("input", input);
        manifest.put("root", listing.root);
        manifest.put("pages", pages);
        manifest.put("articles", articles);
        manifest.put("officials", officials);
        manifest.put("posts", posts);
        manifest.put("quads", quads);
        manifest.put("skipped", skipped);
        manifest.put("shards", shardFiles);
        manifest.put("pageLists", pageLists);
        manifest.put("millis", System.currentTimeMillis() - t0);
        // written last: a folder with manifest.json is a finished run
        try (OutputStream os = fs.create(new Path(outDir, "manifest.json"), true)) {
            new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT).writeValue(os, manifest);
        }
        Result r = new Result(pages, articles, quads, skipped.size(), shardFiles.size(), System.currentTimeMillis() - t0);
        System.err.printf("newskg-spark: %d pages, %d articles, %d quads in %d shards, %d skipped, in %.1f s; load with: newskg load --bulk %s%n",
                r.pages(), r.articles(), r.quads(), r.shards(), r.skipped(), r.millis() / 1000.0, output);
        return r;
    }
}
