package io.newskg.cli;

import com.fasterxml.jackson.databind.node.ObjectNode;
import io.newskg.bench.Bench;
import io.newskg.extract.Extractor;
import io.newskg.model.Page;
import io.newskg.rdf.Iris;
import io.newskg.rdf.NKG;
import io.newskg.rdf.RdfMapper;
import io.newskg.store.GraphStore;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.stream.Stream;

@Command(name = "bench", description = "Measure extraction, loading, query latency and build memory on a corpus (see BENCHMARKS.md).")
final class BenchCommand implements Callable<Integer> {
    @Option(names = "--corpus", required = true, paramLabel = "DIR", description = "pages (e.g. made by `newskg corpus`)")
    Path corpus;

    @Option(names = "--work", defaultValue = "target/bench", paramLabel = "DIR", description = "scratch directory (default: ${DEFAULT-VALUE})")
    Path work;

    @Option(names = "--sample-mb", defaultValue = "4", description = "text used for the throughput and load figures (default: ${DEFAULT-VALUE})")
    double sampleMb;

    @Option(names = "--rounds", defaultValue = "3", description = "timed interleaved rounds over the sample, at least 3 (default: ${DEFAULT-VALUE})")
    int rounds;

    @Option(names = "--query-runs", defaultValue = "50", description = "runs of each README query (default: ${DEFAULT-VALUE})")
    int queryRuns;

    @Option(names = "--batch", defaultValue = "64", description = "pages per transaction when loading, as build --batch (default: ${DEFAULT-VALUE})")
    int batch;

    @Option(names = "--heap", defaultValue = "1g", description = "heap of the measured build (default: ${DEFAULT-VALUE})")
    String heap;

    @Option(names = "--skip-build", description = "skip the whole-corpus build (memory and the large store for query latency)")
    boolean skipBuild;

    @Option(names = "--reuse-store", description = "query the large store a previous run built in the scratch directory instead of building it again")
    boolean reuseStore;

    @Option(names = "--extract-only", description = "measure only extraction against HanLP alone, 1 thread (no load, build or queries)")
    boolean extractOnly;

    @Option(names = "--json", paramLabel = "FILE", description = "also write the figures as JSON")
    Path json;

    @Override
    public Integer call() throws Exception {
        Files.createDirectories(work);
        List<Path> files;
        try (Stream<Path> s = Files.list(corpus)) {
            files = s.filter(p -> p.toString().endsWith(".txt")).sorted().toList();
        }
        Extractor extractor = new Extractor();
        RdfMapper mapper = new RdfMapper(new Iris(NKG.DEFAULT_BASE), extractor.gazetteer());
        Bench bench = new Bench(extractor, mapper);
        List<Path> sampleFiles = new ArrayList<>();
        long bytes = 0;
        for (Path f : files) {
            if (bytes >= sampleMb * 1e6) break;
            sampleFiles.add(f);
            bytes += Files.size(f);
        }
        List<Page> sample = Bench.readPages(sampleFiles);
        long chars = sample.stream().mapToLong(p -> p.text().length()).sum();
        int cores = Runtime.getRuntime().availableProcessors();
        ObjectNode r = Json.MAPPER.createObjectNode();
        r.put("cores", cores).put("java", System.getProperty("java.version"))
                .put("sample_pages", sample.size()).put("sample_chars", chars);
        System.err.printf("sample: %d pages, %d chars%n", sample.size(), chars);

        Bench.Comparison one = bench.compare(sample, 1, rounds);
        if (extractOnly) {
            System.err.printf("extraction, 1 thread, after %d warm-up passes: %s; HanLP alone (machine reference): %s; "
                    + "cost %.2f× (min %.2f, max %.2f; rounds %s); in CPU time %.2f× (min %.2f, max %.2f; rounds %s)%n",
                    one.warmups(), one.extraction(), one.hanlp(),
                    one.cost().median(), one.cost().min(), one.cost().max(), rounds(one.cost()),
                    one.cpuCost().median(), one.cpuCost().min(), one.cpuCost().max(), rounds(one.cpuCost()));
            return 0;
        }
        Bench.Comparison all = bench.compare(sample, cores, rounds);
        double ex1 = one.extraction().median(), exN = all.extraction().median();
        r.put("extract_chars_per_s_1_thread", ex1).put("extract_chars_per_s_all_cores", exN)
                .put("hanlp_chars_per_s_1_thread", one.hanlp().median()).put("hanlp_chars_per_s_all_cores", all.hanlp().median())
                .put("extract_cost_vs_hanlp_1_thread", one.cost().median()).put("extract_cost_vs_hanlp_all_cores", all.cost().median())
                .put("extract_cost_vs_hanlp_1_thread_min", one.cost().min()).put("extract_cost_vs_hanlp_1_thread_max", one.cost().max())
                .put("extract_cpu_cost_vs_hanlp_1_thread", one.cpuCost().median())
                .put("extract_cpu_cost_vs_hanlp_1_thread_min", one.cpuCost().min())
                .put("extract_cpu_cost_vs_hanlp_1_thread_max", one.cpuCost().max())
                .put("extract_speedup_all_cores", exN / ex1).put("warmup_passes_1_thread", one.warmups())
                .put("timed_rounds", one.extraction().rounds().length);
        for (Bench.Comparison c : List.of(one, all)) {
            System.err.printf("extraction, %d thread(s), after %d warm-up passes: %s; HanLP alone (machine reference): %s; "
                    + "cost %.2f× (min %.2f, max %.2f); in CPU time %.2f× (min %.2f, max %.2f)%n", c.threads(), c.warmups(),
                    c.extraction(), c.hanlp(), c.cost().median(), c.cost().min(), c.cost().max(),
                    c.cpuCost().median(), c.cpuCost().min(), c.cpuCost().max());
        }
        System.err.printf("extraction speed-up on %d threads: ×%.2f (HanLP alone ×%.2f)%n", cores, exN / ex1,
                all.hanlp().median() / one.hanlp().median());

        Path nq = work.resolve("sample.nq");
        long quads = bench.writeNQuads(sample, nq);
        Path ours = work.resolve("load-ours"), theirs = work.resolve("load-jena");
        for (String d : List.of("load-ours", "load-jena", "warm-ours", "warm-jena", "load-ours-0", "load-ours-1",
                "load-ours-2", "load-jena-0", "load-jena-1", "load-jena-2")) deleteTree(work.resolve(d));
        // one untimed run of each first, so both are measured with a warm JIT; then the median
        // of three alternating runs each, into fresh stores, against the noise of a shared machine
        bench.ourLoadRate(sample, work.resolve("warm-ours"), batch);
        Bench.jenaLoadRate(nq, work.resolve("warm-jena"), quads);
        double[] oursRuns = new double[3], jenaRuns = new double[3];
        for (int i = 0; i < 3; i++) {
            // a fresh directory each time: TDB2 keeps stores it has opened for the JVM's life
            oursRuns[i] = bench.ourLoadRate(sample, ours.resolveSibling("load-ours-" + i), batch);
            jenaRuns[i] = Bench.jenaLoadRate(nq, theirs.resolveSibling("load-jena-" + i), quads);
        }
        java.util.Arrays.sort(oursRuns);
        java.util.Arrays.sort(jenaRuns);
        double ourRate = oursRuns[1], jenaRate = jenaRuns[1];
        r.put("load_quads", quads).put("load_quads_per_s_ours", ourRate).put("load_quads_per_s_jena_bulk", jenaRate)
                .put("load_ratio", ourRate / jenaRate);
        System.err.printf("load: %d quads, ours %.0f quads/s, Jena bulk loader %.0f quads/s, ratio %.2f%n",
                quads, ourRate, jenaRate, ourRate / jenaRate);

        Path big = work.resolve("store-big");
        if (!skipBuild && reuseStore && Files.isDirectory(big)) {
            System.err.println("reusing the store built before in " + big);
        } else if (!skipBuild) {
            deleteTree(big);
            String jar = Path.of(BenchCommand.class.getProtectionDomain().getCodeSource().getLocation().toURI()).toString();
            List<String> cmd = List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString(), "-Xmx" + heap,
                    "-cp", jar.endsWith(".jar") ? jar : System.getProperty("java.class.path"), "io.newskg.cli.Main",
                    "build", corpus.toString(), "--store", big.toString());
            System.err.println("building the whole corpus with -Xmx" + heap + " ...");
            long[] mem = Bench.runAndWatchMemory(cmd, System.err);
            r.put("build_peak_rss_mb", mem[0] / 1024.0).put("build_peak_rss_anon_mb", mem[3] / 1024.0)
                    .put("build_exit", mem[1]).put("build_seconds", mem[2] / 1000.0).put("build_heap", heap);
            System.err.printf("build: peak RSS %.0f MB (of which the process's own memory %.0f MB; the rest is TDB2's mapped files), exit %d, %.0f s%n",
                    mem[0] / 1024.0, mem[3] / 1024.0, mem[1], mem[2] / 1000.0);
        }
        if (!skipBuild) {
            try (GraphStore gs = new GraphStore(big)) {
                long triples = gs.size();
                Map<String, double[]> lat = Bench.queryLatency(gs.dataset(), readQueries(), queryRuns);
                r.put("query_store_quads", triples);
                ObjectNode q = r.putObject("query_latency_ms");
                lat.forEach((name, p) -> q.putObject(name).put("p50", p[0]).put("p95", p[1]).put("p99", p[2]).put("rows", (long) p[3]));
                System.err.printf("queries on %d quads:%n", triples);
                lat.forEach((name, p) -> System.err.printf("  %-32s %7d rows  p50 %.1f ms  p95 %.1f ms  p99 %.1f ms%n",
                        name, (long) p[3], p[0], p[1], p[2]));
            }
        }
        String out = Json.MAPPER.writerWithDefaultPrettyPrinter().writeValueAsString(r);
        System.out.println(out);
        if (json != null) Files.writeString(json, out);
        return 0;
    }

    private static String rounds(Bench.Rates r) {
        return java.util.Arrays.toString(java.util.Arrays.stream(r.rounds()).mapToObj(c -> String.format("%.2f", c)).toArray());
    }

    private static Map<String, String> readQueries() throws Exception {
        Map<String, String> out = new java.util.LinkedHashMap<>();
        try (Stream<Path> s = Files.list(Path.of("queries"))) {
            for (Path q : s.filter(x -> x.toString().endsWith(".rq")).sorted().toList()) {
                out.put(q.getFileName().toString(), Files.readString(q));
            }
        }
        return out;
    }

    private static void deleteTree(Path p) throws java.io.IOException {
        if (!Files.exists(p)) return;
        try (Stream<Path> s = Files.walk(p)) {
            for (Path x : s.sorted(java.util.Comparator.reverseOrder()).toList()) Files.delete(x);
        }
    }
}
