package io.newskg.bench;

import io.newskg.extract.Extractor;
import io.newskg.model.Page;
import io.newskg.rdf.Iris;
import io.newskg.rdf.NKG;
import io.newskg.rdf.RdfMapper;
import org.junit.jupiter.api.Test;

import java.nio.file.Path;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** newskg bench's extraction figures: steady-state, interleaved with HanLP alone, min/median/max. */
class BenchTest {
    @Test
    void medianOfOddAndEvenRounds() {
        assertEquals(2.0, new Bench.Rates(new double[] {3, 1, 2}).median());
        assertEquals(2.5, new Bench.Rates(new double[] {4, 1, 2, 3}).median());
        assertEquals(1.0, new Bench.Rates(new double[] {3, 1, 2}).min());
        assertEquals(3.0, new Bench.Rates(new double[] {3, 1, 2}).max());
    }

    @Test
    void extractionIsTimedBesideHanLpInAtLeastThreeRounds() throws Exception {
        Extractor x = new Extractor();
        Bench bench = new Bench(x, new RdfMapper(new Iris(NKG.DEFAULT_BASE), x.gazetteer()));
        List<Page> pages = Bench.readPages(List.of(Path.of("seeds/002_bcd9fc29047be39d.txt")));
        Bench.Comparison c = bench.compare(pages, 1, 1);
        assertEquals(3, c.extraction().rounds().length, "fewer than three rounds are raised to three");
        assertEquals(3, c.hanlp().rounds().length);
        assertTrue(c.warmups() >= 2 && c.warmups() <= 8, "warm-up passes " + c.warmups());
        for (int r = 0; r < 3; r++) {
            assertTrue(c.extraction().rounds()[r] > 0 && c.hanlp().rounds()[r] > 0);
            assertEquals(c.hanlp().rounds()[r] / c.extraction().rounds()[r], c.cost().rounds()[r], 1e-9, "cost of round " + r);
        }
        // extraction runs HanLP and more on the same text: it cannot be cheaper than HanLP alone
        assertTrue(c.cost().median() > 1, "cost " + c.cost().median());
    }
}
