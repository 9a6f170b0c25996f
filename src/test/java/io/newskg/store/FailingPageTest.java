package io.newskg.store;

import io.newskg.extract.Extractor;
import io.newskg.model.Page;
import io.newskg.model.Results.PageResult;
import io.newskg.rdf.Iris;
import io.newskg.rdf.NKG;
import io.newskg.rdf.RdfMapper;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.function.Function;
import java.util.stream.Stream;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Issue 18 item 8: any failure of one page, even OutOfMemoryError, skips that page only. */
class FailingPageTest {
    @TempDir
    Path tmp;

    @Test
    void aPageThatRunsOutOfMemoryOrThrowsSkipsOnlyItself() throws Exception {
        List<Path> seeds;
        try (Stream<Path> s = Files.list(Path.of("seeds"))) {
            seeds = s.filter(p -> p.toString().endsWith(".txt")).sorted().toList();
        }
        Extractor extractor = new Extractor();
        String oom = seeds.get(1).getFileName().toString(), bug = seeds.get(2).getFileName().toString();
        Function<Page, PageResult> extract = page -> {
            if (page.file().equals(oom)) throw new OutOfMemoryError("Java heap space");
            if (page.file().equals(bug)) throw new StackOverflowError();
            return extractor.extract(page);
        };
        RdfMapper mapper = new RdfMapper(new Iris(NKG.DEFAULT_BASE), extractor.gazetteer());
        ByteArrayOutputStream err = new ByteArrayOutputStream();
        Builder.Summary s;
        try (GraphStore gs = new GraphStore(tmp.resolve("store"))) {
            s = new Builder(extract, mapper, 2, 1).build(seeds, gs, new PrintStream(err, true, StandardCharsets.UTF_8));
        }
        String said = err.toString(StandardCharsets.UTF_8);
        assertEquals(seeds.size() - 2, s.pages(), said);
        assertEquals(2, s.skipped(), said);
        assertTrue(said.contains(seeds.get(1) + ": extraction failed (java.lang.OutOfMemoryError: Java heap space)"), said);
        assertTrue(said.contains(seeds.get(2) + ": extraction failed (java.lang.StackOverflowError)"), said);
    }
}
