package io.newskg.serve;

import io.newskg.serve.SeedStore.Running;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.TimeUnit;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The graph view in headless Chromium (web/e2e/graph-view.mjs, playwright-core): search 谢敬东,
 * open the person, click a node, see the neighbourhood grow, follow the linked-data link.
 * Keeps a screenshot at target/screenshots/graph-view.png. Skipped only when Chromium is not
 * installed (.ci/run installs it).
 */
class GraphViewBrowserTest {
    static final Path CHROMIUM = Path.of(System.getenv().getOrDefault("CHROMIUM", "/usr/bin/chromium"));
    static final Path SCREENSHOT = Path.of("target", "screenshots", "graph-view.png").toAbsolutePath();

    @Test
    void searchClickExpandAndFollow() throws Exception {
        Assumptions.assumeTrue(Files.isExecutable(CHROMIUM),
                "SKIPPED: no Chromium at " + CHROMIUM + " (apt-get install chromium, as .ci/run does; or set CHROMIUM)");
        assertTrue(Files.isDirectory(Path.of("web", "node_modules", "playwright-core")),
                "web/node_modules missing: the Maven build runs npm ci in web/ (was -Dweb.skip given?)");
        assertTrue(GraphViewBrowserTest.class.getResource("/web/index.html") != null,
                "graph view not bundled into target/classes/web (npm run build)");
        Files.deleteIfExists(SCREENSHOT);
        Files.deleteIfExists(SCREENSHOT.resolveSibling("graph-view-region.png"));
        Files.deleteIfExists(SCREENSHOT.resolveSibling("graph-view-region-more.png"));
        try (Running r = Running.start(SeedStore.options())) {
            ProcessBuilder pb = new ProcessBuilder("node", "e2e/graph-view.mjs", r.url(""), SCREENSHOT.toString())
                    .directory(Path.of("web").toFile())
                    .redirectErrorStream(true);
            pb.environment().put("CHROMIUM", CHROMIUM.toString());
            Process p = pb.start();
            ByteArrayOutputStream out = new ByteArrayOutputStream();
            Thread pump = new Thread(() -> {
                try {
                    p.getInputStream().transferTo(out);
                } catch (java.io.IOException ignored) {
                    // process ended
                }
            });
            pump.start();
            boolean done = p.waitFor(180, TimeUnit.SECONDS);
            if (!done) p.destroyForcibly();
            pump.join(5000);
            String log = out.toString(StandardCharsets.UTF_8);
            System.out.println("graph view in Chromium:\n" + log);
            assertTrue(done, "browser test timed out:\n" + log);
            assertEquals(0, p.exitValue(), log);
            assertTrue(log.contains("grew the neighbourhood"), log);
            assertTrue(log.contains("no overlapping labels"), log);
        }
        assertTrue(Files.size(SCREENSHOT) > 10_000, "no screenshot at " + SCREENSHOT);
        for (String more : new String[] {"graph-view-region.png", "graph-view-region-more.png"}) {
            Path p = SCREENSHOT.resolveSibling(more);
            assertTrue(Files.exists(p) && Files.size(p) > 10_000, "no screenshot at " + p);
        }
    }
}
