package io.newskg.store;

import org.junit.jupiter.api.Test;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

class ProgressTest {
    @Test
    void logLinesAtTheIntervalWithRateAndTimeLeft() throws Exception {
        ByteArrayOutputStream buf = new ByteArrayOutputStream();
        PrintStream out = new PrintStream(buf, true, StandardCharsets.UTF_8);
        try (Progress p = new Progress(out, "build", "pages", 100, false, 50)) {
            p.step(10);               // within the interval: no line
            Thread.sleep(80);
            p.step(10);               // past it: one line
            p.note("x.txt: skipped");
        }
        List<String> lines = buf.toString(StandardCharsets.UTF_8).lines().toList();
        assertEquals("build: 100 pages", lines.get(0));
        assertTrue(lines.get(1).matches("build: 20/100 pages \\(20%\\), [0-9.]+ pages/s, \\d+ s left"), lines.get(1));
        assertEquals("x.txt: skipped", lines.get(2));
        assertTrue(lines.get(3).matches("build: 20/100 pages in \\d+ s"), lines.get(3));
        assertEquals(4, lines.size(), lines.toString());
    }

    @Test
    void aWatchedStepReportsFromItsTimer() throws Exception {
        ByteArrayOutputStream buf = new ByteArrayOutputStream();
        PrintStream out = new PrintStream(buf, true, StandardCharsets.UTF_8);
        long[] written = {0};
        try (Progress p = new Progress(out, "compaction", "MB", 10, false, 20).watch(() -> written[0])) {
            for (int i = 0; i < 5; i++) {
                written[0] += 2;
                Thread.sleep(1100);
            }
        }
        String s = buf.toString(StandardCharsets.UTF_8);
        assertTrue(s.contains("compaction: 10/10 MB in "), s);
        assertTrue(s.lines().anyMatch(l -> l.matches("compaction: [2468]/10 MB .*left")), s);
    }

    @Test
    void durations() {
        assertEquals("42 s", Progress.duration(42));
        assertEquals("3 min 54 s", Progress.duration(234));
        assertEquals("2 h 5 min", Progress.duration(7500));
    }
}
