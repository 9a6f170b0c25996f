package io.newskg.eval;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.newskg.extract.Extractor;
import io.newskg.ingest.PageReader;
import org.junit.jupiter.api.Test;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

/**
 * Scores the seeds against the team's gold files and fails when a category falls below its
 * floor: the floors sit a little under the scores reached, so regressions show.
 */
class GoldScoreTest {
    private static final Path GOLD = Path.of("..", "shared", "gold");

    static final Map<String, Double> FLOORS = Map.of(
            "articles", 0.97,
            "bylines", 0.97,
            "officials", 0.96,
            "posts_lenient", 0.90,
            "people", 0.84,
            "organizations", 0.89,
            "regions", 0.96,
            "events", 0.82);

    @Test
    void seedsScoreAboveTheFloors() throws Exception {
        assumeTrue(Files.isDirectory(GOLD), "gold files not beside the project");
        Extractor extractor = new Extractor();
        PageReader reader = new PageReader();
        Evaluator eval = new Evaluator();
        ObjectMapper json = new ObjectMapper();
        List<Path> pages;
        try (Stream<Path> s = Files.list(Path.of("seeds"))) {
            pages = s.filter(p -> p.toString().endsWith(".txt")).sorted().toList();
        }
        for (Path p : pages) {
            Path g = GOLD.resolve(p.getFileName().toString().replace(".txt", ".json"));
            eval.add(extractor.extract(reader.read(p)), json.readTree(g.toFile()));
        }
        System.out.println("Gold evaluation of seeds/:\n" + eval.table());
        FLOORS.forEach((category, floor) -> {
            double f1 = eval.totals().get(category).f1();
            assertTrue(f1 >= floor, category + " F1 " + f1 + " below floor " + floor);
        });
    }
}
