package io.newskg.cli;

import io.newskg.bench.CorpusGenerator;
import io.newskg.extract.Lexicon;
import io.newskg.gazetteer.Gazetteer;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.stream.Stream;

@Command(name = "corpus", description = "Generate a large test corpus from the seed pages (shuffled articles, new names and counties), "
        + "or with --identity a corpus of known people to measure identity across articles.")
final class CorpusCommand implements Callable<Integer> {
    @Option(names = "--out", required = true, paramLabel = "DIR", description = "directory to write pages to")
    Path out;

    @Option(names = "--size-mb", defaultValue = "200", description = "size to reach in MB (default: ${DEFAULT-VALUE})")
    double sizeMb;

    @Option(names = "--from", defaultValue = "seeds", paramLabel = "DIR", description = "pages to recombine (default: ${DEFAULT-VALUE})")
    Path from;

    @Option(names = "--seed", defaultValue = "42", description = "random seed (default: ${DEFAULT-VALUE})")
    long seed;

    @Option(names = "--province", defaultValue = "150000", description = "province whose counties are swapped in (default: ${DEFAULT-VALUE})")
    String province;

    @Option(names = "--identity", paramLabel = "PEOPLE", description = "instead: invented dated articles about this many "
            + "made-up officials, some sharing a name, with truth.tsv saying who is who (for newskg eval --identity)")
    Integer identity;

    @Override
    public Integer call() throws Exception {
        if (identity != null) {
            new io.newskg.bench.IdentityCorpus(Gazetteer.get(), Lexicon.get().surnameList(), seed).write(out, identity, System.err);
            return 0;
        }
        if (!Files.isDirectory(from)) {
            System.err.println("newskg corpus: pages folder " + from.toAbsolutePath() + (Files.exists(from) ? " is not a folder" : " does not exist")
                    + " (--from DIR; the default is the project's seeds folder, relative to where you run it)");
            return 2;
        }
        List<String> pages = new ArrayList<>();
        try (Stream<Path> s = Files.list(from)) {
            for (Path p : s.filter(x -> x.toString().endsWith(".txt")).sorted().toList()) pages.add(Files.readString(p));
        }
        CorpusGenerator g = new CorpusGenerator(pages, Gazetteer.get(), province, Lexicon.get().surnameList(), seed);
        int n = g.write(out, (long) (sizeMb * 1_000_000), System.err);
        System.err.printf("corpus: %d pages, %.0f MB in %s%n", n, sizeMb, out);
        return 0;
    }
}
