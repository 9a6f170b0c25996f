package io.newskg.gazetteer;

import org.junit.jupiter.api.Test;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The committed regions.tsv is what the generator makes of the committed source tables. */
class GazetteerResourceTest {
    @Test
    void resourceIsUpToDate() throws Exception {
        String expected = GazetteerGenerator.generate(GazetteerGenerator.SOURCE);
        if (Boolean.getBoolean("gazetteer.regenerate")) {
            Files.writeString(GazetteerGenerator.TARGET, expected, StandardCharsets.UTF_8);
        }
        assertTrue(Files.exists(GazetteerGenerator.TARGET), "run with -Dgazetteer.regenerate=true");
        assertEquals(expected, Files.readString(GazetteerGenerator.TARGET, StandardCharsets.UTF_8),
                "regions.tsv is stale: run this test with -Dgazetteer.regenerate=true");
    }
}
