package io.newskg.cli;

import io.newskg.extract.Extractor;
import io.newskg.ingest.PageReader;
import io.newskg.model.Page;
import io.newskg.model.Results.PageResult;
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

    @Override
    public Integer call() throws Exception {
        PrintStream out = new PrintStream(System.out, true, StandardCharsets.UTF_8);
        int[] skipped = {0};
        List<Path> files = Inputs.expand(inputs, System.err, skipped);
        PageReader reader = new PageReader();
        Extractor extractor = new Extractor();
        for (Path f : files) {
            Page page = Inputs.read(reader, f, System.err, skipped);
            if (page == null) continue;
            PageResult r;
            try {
                r = extractor.extract(page);
            } catch (RuntimeException | OutOfMemoryError | StackOverflowError e) {
                // one page must not stop the others
                System.err.println(f + ": extraction failed (" + e + ")");
                skipped[0]++;
                continue;
            }
            out.println(Json.MAPPER.writeValueAsString(r));
        }
        return Inputs.status(skipped[0], System.err);
    }
}
