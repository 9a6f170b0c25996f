package io.newskg.serve;

import org.junit.jupiter.api.Test;

import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.concurrent.TimeUnit;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The graph view's own unit tests (SPARQL escaping), run with node's test runner. */
class WebUnitTest {
    @Test
    void escapingOfUserInputIntoSparql() throws Exception {
        Process p = new ProcessBuilder("node", "--test", "test/").directory(Path.of("web").toFile())
                .redirectErrorStream(true).start();
        String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertTrue(p.waitFor(60, TimeUnit.SECONDS));
        assertEquals(0, p.exitValue(), out);
        assertTrue(out.contains("# fail 0"), out);
    }
}
