package io.newskg.nlp;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.concurrent.*;

import static org.junit.jupiter.api.Assertions.*;

/** mynlp's person names on invented sentences (no seed or dev text). */
class MynlpPersonNamesTest {
    static PersonNames names;

    @BeforeAll
    static void load() {
        names = new MynlpPersonNames();
    }

    @Test
    void threeCharNameAfterTitleComesOutWholeWithOffsets() {
        String s = "县委书记张建国说，要把工作做实。";
        List<NameSpan> found = names.find(s);
        assertEquals(List.of(new NameSpan("张建国", 4, 7)), found);
        assertEquals("张建国", s.substring(found.get(0).begin(), found.get(0).end()));
    }

    @Test
    void severalNamesIncludingACompoundSurname() {
        String s = "副市长李晓梅、欧阳明辉出席会议。";
        assertEquals(List.of(new NameSpan("李晓梅", 3, 6), new NameSpan("欧阳明辉", 7, 11)), names.find(s));
    }

    @Test
    void namesAreTheOriginalCharactersWithFullWidthAndTraditionalText() {
        // mynlp normalises full-width to half-width and traditional to simplified unless keepOriCharOutput
        String s = "２０２１年ＡＢＣ公司经理王海峰到场，組織部長陳建華說。";
        List<NameSpan> found = names.find(s);
        assertEquals(List.of(new NameSpan("王海峰", s.indexOf("王海峰"), s.indexOf("王海峰") + 3),
                new NameSpan("陳建華", s.indexOf("陳建華"), s.indexOf("陳建華") + 3)), found);
        for (NameSpan n : found) assertEquals(n.name(), s.substring(n.begin(), n.end()));
    }

    @Test
    void noNamesInASentenceWithoutPeople() {
        assertEquals(List.of(), names.find("今年全省粮食产量稳步增长，农业机械化水平进一步提高。"));
        assertEquals(List.of(), names.find(""));
    }

    @Test
    void loadingPrintsNothingOnStdout() throws Exception {
        var buf = new java.io.ByteArrayOutputStream();
        var out = System.out;
        System.setOut(new java.io.PrintStream(buf, true, java.nio.charset.StandardCharsets.UTF_8));
        try {
            new MynlpPersonNames().find("镇长刘文斌讲话。");
        } finally {
            System.setOut(out);
        }
        assertEquals("", buf.toString(java.nio.charset.StandardCharsets.UTF_8));
    }

    @Test
    void oneInstancePerThreadGivesTheSameAnswersAndFindPrintsNothing() throws Exception {
        String s = "县委书记张建国说，副市长李晓梅、欧阳明辉出席会议。";
        List<NameSpan> expected = names.find(s);
        assertEquals(3, expected.size(), expected.toString());
        ExecutorService pool = Executors.newFixedThreadPool(4);
        ThreadLocal<PersonNames> perThread = ThreadLocal.withInitial(MynlpPersonNames::new);
        var buf = new java.io.ByteArrayOutputStream();
        var out = System.out;
        System.setOut(new java.io.PrintStream(buf, true, java.nio.charset.StandardCharsets.UTF_8));
        try {
            List<Future<List<NameSpan>>> fs = new java.util.ArrayList<>();
            for (int i = 0; i < 40; i++) fs.add(pool.submit(() -> perThread.get().find(s)));
            for (Future<List<NameSpan>> f : fs) assertEquals(expected, f.get(60, TimeUnit.SECONDS));
        } finally {
            System.setOut(out);
            pool.shutdownNow();
        }
        assertEquals("", buf.toString(java.nio.charset.StandardCharsets.UTF_8));
    }

    private int printed;

    @Test
    void otherThreadsOutputGoesThroughWhileALexerIsBuilt() throws Exception {
        var buf = new java.io.ByteArrayOutputStream();
        var out = System.out;
        System.setOut(new java.io.PrintStream(buf, true, java.nio.charset.StandardCharsets.UTF_8));
        try {
            Thread builder = new Thread(() -> {
                for (int i = 0; i < 30; i++) new MynlpPersonNames();
            });
            builder.start();
            // print for as long as the lexers are being built, so that the two overlap
            while (builder.isAlive() || printed < 100) System.out.println("line " + printed++);
        } finally {
            System.setOut(out);
        }
        List<String> lines = buf.toString(java.nio.charset.StandardCharsets.UTF_8).lines().toList();
        assertEquals(printed, lines.size(), "lost or foreign lines: " + lines.stream().filter(l -> !l.startsWith("line ")).toList());
    }

    @Test
    void cacheGoesUnderTheConfiguredDirNotHome() {
        java.nio.file.Path dir = MynlpPersonNames.dataDir();
        assertFalse(dir.startsWith(System.getProperty("user.home")) && !dir.startsWith(System.getProperty("java.io.tmpdir")),
                "mynlp dir " + dir + " is in the user's home");
        assertTrue(java.nio.file.Files.isDirectory(dir.resolve("cache")));
    }
}
