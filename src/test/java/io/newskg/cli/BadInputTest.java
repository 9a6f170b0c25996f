package io.newskg.cli;

import static io.newskg.cli.Run.run;

import io.newskg.ingest.InputException;
import io.newskg.ingest.PageReader;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.charset.StandardCharsets;
import java.nio.file.AccessDeniedException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Issue 18 item 8: one bad input never aborts a run; each gets one line naming it. */
class BadInputTest {
    @TempDir
    Path dir;

    static final String GOOD = "\n\n测试标题\n\n□ 本报记者 赵一鸣\n\n会上,自治区党委宣传部副部长孙立华作了动员讲话。\n";

    private final Inputs.Lister realLister = Inputs.lister;

    @AfterEach
    void restoreLister() {
        Inputs.lister = realLister;
    }

    @Test
    void aFolderThatCannotBeListedSkipsOnlyItself() throws Exception {
        Files.writeString(dir.resolve("a.txt"), GOOD);
        Files.createDirectories(dir.resolve("sub"));
        Files.writeString(dir.resolve("sub/b.txt"), GOOD);
        Path locked = Files.createDirectories(dir.resolve("locked"));
        Files.writeString(locked.resolve("c.txt"), GOOD);
        // tests run as root, whom chmod 000 does not stop: the folder fails as it would for a user
        Inputs.lister = d -> {
            if (d.equals(locked)) throw new AccessDeniedException(d.toString());
            return realLister.list(d);
        };
        Run r = run("extract", dir.toString());
        assertEquals(2, r.status(), r.err());
        assertEquals(2, r.out().lines().count(), r.err());
        assertTrue(r.err().contains(locked + ": cannot list directory (no permission)"), r.err());
        assertEquals(2, r.err().lines().count(), "one line for the folder, one for the count: " + r.err());
    }

    @Test
    void fifosAndDevicesAreNotRegularFilesAndNeverBlock() throws Exception {
        Files.writeString(dir.resolve("a.txt"), GOOD);
        Path fifo = dir.resolve("fifo.txt");
        assertEquals(0, new ProcessBuilder("mkfifo", fifo.toString()).start().waitFor());
        Files.createSymbolicLink(dir.resolve("zero.txt"), Path.of("/dev/zero"));
        Run r = assertTimeoutPreemptively(Duration.ofSeconds(60), () -> run("extract", dir.toString()));
        assertEquals(2, r.status(), r.err());
        assertEquals(1, r.out().lines().count(), r.err());
        assertTrue(r.err().contains(fifo + ": not a regular file"), r.err());
        assertTrue(r.err().contains("zero.txt: not a regular file"), r.err());
        // given by name, not found in a folder
        Run named = assertTimeoutPreemptively(Duration.ofSeconds(60),
                () -> run("extract", "/dev/zero", fifo.toString(), dir.resolve("a.txt").toString()));
        assertEquals(2, named.status(), named.err());
        assertEquals(1, named.out().lines().count(), named.err());
        assertTrue(named.err().contains("/dev/zero: not a regular file"), named.err());
        assertTrue(named.err().contains(fifo + ": not a regular file"), named.err());
    }

    @Test
    void atMostTheLimitIsReadWhateverFilesSizeSays() throws Exception {
        // procfs files say size 0 and hold kilobytes
        Path maps = Path.of("/proc/self/maps");
        assertEquals(0, Files.size(maps));
        InputException e = assertThrows(InputException.class, () -> new PageReader(1024).read(maps));
        assertTrue(e.getMessage().contains("larger than 1 KB"), e.getMessage());
    }

    @Test
    void sidecarsAreCappedAndTheirFieldsChecked() throws Exception {
        for (String f : new String[] {"a", "b", "c", "d", "e"}) Files.writeString(dir.resolve(f + ".txt"), GOOD);
        Files.writeString(dir.resolve("a.txt.meta.json"), "{\"newspaper\": \"" + "报".repeat(100_000) + "\"}");
        Files.writeString(dir.resolve("b.txt.meta.json"), "{\"date\": 20221122}");
        Files.writeString(dir.resolve("c.txt.meta.json"), "{\"province\": \"190000\"}");
        Files.writeString(dir.resolve("d.txt.meta.json"), "{\"date\": \"2022-11-22\", \"province\": \"150000\"}");
        byte[] good = GOOD.getBytes(StandardCharsets.UTF_8);
        byte[] bad = java.util.Arrays.copyOf(good, good.length + 2);
        bad[good.length] = (byte) 0xff;
        bad[good.length + 1] = '\n';
        Files.write(dir.resolve("e.txt"), bad);
        Run r = run("extract", dir.toString());
        assertEquals(2, r.status(), r.err());
        assertEquals(1, r.out().lines().count(), r.err());
        assertTrue(r.out().contains("2022-11-22"), r.out());
        assertTrue(r.err().contains("a.txt.meta.json: larger than 64 KB, not a metadata sidecar"), r.err());
        assertTrue(r.err().contains("b.txt.meta.json: date must be a string \"YYYY-MM-DD\", got number 20221122"), r.err());
        assertTrue(r.err().contains("c.txt.meta.json: province must be the 6-digit code of a province such as 150000, got 190000"), r.err());
        assertTrue(r.err().contains("e.txt: not valid UTF-8 at byte " + good.length + " of " + bad.length), r.err());
    }
}
