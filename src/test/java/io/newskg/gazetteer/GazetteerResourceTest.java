package io.newskg.gazetteer;

import org.junit.jupiter.api.Test;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.TreeSet;
import java.util.stream.Stream;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The committed regions.tsv and villages/ are what the generator makes of the committed source
 * tables (src/test/resources/gazetteer/source, or -Dgazetteer.source).
 */
class GazetteerResourceTest {
    @Test
    void resourceIsUpToDate() throws Exception {
        Path src = GazetteerGenerator.SOURCE;
        assertTrue(Files.isDirectory(src), "no source tables in " + src.toAbsolutePath());
        Map<String, String> expected = GazetteerGenerator.generate(src);
        Path dir = GazetteerGenerator.TARGET_DIR;
        if (Boolean.getBoolean("gazetteer.regenerate")) GazetteerGenerator.write(expected, dir);
        for (var e : expected.entrySet()) {
            String committed = GazetteerGenerator.readResource(dir, e.getKey());
            assertNotNull(committed, e.getKey() + " missing: run this test with -Dgazetteer.regenerate=true");
            assertEquals(e.getValue(), committed, e.getKey() + " is stale: run this test with -Dgazetteer.regenerate=true");
        }
        TreeSet<String> present = new TreeSet<>();
        try (Stream<Path> s = Files.list(dir.resolve("villages"))) {
            s.forEach(p -> present.add("villages/" + p.getFileName()));
        }
        present.removeAll(expected.keySet());
        assertEquals(new TreeSet<String>(), present, "files the generator does not make");
    }
}
