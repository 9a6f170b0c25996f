package io.newskg.cli;

import io.newskg.extract.Extractor;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.Callable;

@Command(name = "extract", description = "Print what is extracted from each page, one JSON object per line (gold shape, with offsets and confidences).")
final class ExtractCommand implements Callable<Integer> {
    @Parameters(arity = "1..*", paramLabel = "FILE|DIR", description = "page files or directories of pages")
    List<Path> inputs;

    @Option(names = "--json", description = "JSON lines (the default and only format for now)")
    boolean json = true;

    @Option(names = "--threads", paramLabel = "N", description = "extraction threads (default: all cores); output stays in input order")
    int threads = Runtime.getRuntime().availableProcessors();

    @Override
    public Integer call() throws Exception {
        PrintStream out = new PrintStream(System.out, true, StandardCharsets.UTF_8);
        int[] skipped = {0};
        List<Path> files = Inputs.expand(inputs, System.err, skipped);
        Extractor extractor = new Extractor();
        ParallelExtraction.run(files, threads, extractor, System.err, skipped,
                (file, page, r) -> out.println(Json.MAPPER.writeValueAsString(r)));
        return Inputs.status(skipped[0], System.err);
    }
}
