package io.newskg.eval;

import io.newskg.bench.IdentityCorpus;
import io.newskg.extract.Extractor;
import io.newskg.extract.Lexicon;
import io.newskg.rdf.Iris;
import io.newskg.rdf.NKG;
import io.newskg.rdf.RdfMapper;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The identity rule on a generated corpus of known people and namesakes (newskg corpus --identity). */
class IdentityCorpusTest {
    @TempDir
    Path dir;

    @Test
    void namesakesStayApartAndRepeatsMerge() throws Exception {
        int pages = new IdentityCorpus(io.newskg.gazetteer.Gazetteer.get(), Lexicon.get().surnameList(), 42)
                .write(dir, 300, new PrintStream(new ByteArrayOutputStream()));
        assertEquals(pages + 1, Files.list(dir).count(), "pages and truth.tsv");
        Extractor extractor = new Extractor();
        RdfMapper mapper = new RdfMapper(new Iris(NKG.DEFAULT_BASE), extractor.gazetteer());
        IdentityCorpus.Result r = IdentityCorpus.measure(dir, extractor, mapper);
        System.out.println(r);
        assertTrue(r.found() > 0.97 * r.mentions(), r.toString());
        // floors a little under what the rule reaches (precision 0.975, recall 0.955 with this seed;
        // without the career join recall was 0.868)
        assertTrue(r.precision() >= 0.965, r.toString());
        assertTrue(r.recall() >= 0.94, r.toString());
        // the listing names exactly the nodes and people the figures count as wrong
        assertEquals(r.merged() - r.onePerson(), r.errors().stream().filter(e -> e.startsWith("merged\t")).count());
        assertEquals(r.repeated() - r.oneNode(), r.errors().stream().filter(e -> e.startsWith("split\t")).count());
        assertTrue(r.errors().stream().filter(e -> e.startsWith("merged\t")).allMatch(e -> e.split("\t")[2].contains(",")),
                "a wrong merge lists two people or more");
    }
}
