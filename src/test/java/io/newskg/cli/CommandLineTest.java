package io.newskg.cli;

import static io.newskg.cli.Run.run;

import com.fasterxml.jackson.databind.JsonNode;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The CLI as users run it: bad inputs are named and skipped, good ones still go through. */
class CommandLineTest {
    @TempDir
    Path dir;

    @Test
    void badInputsAreNamedAndTheRestGoesThrough() throws Exception {
        Files.writeString(dir.resolve("a.txt"), "\n\n测试标题\n\n□ 本报记者 赵一鸣\n\n会上,自治区党委宣传部副部长孙立华作了动员讲话。\n");
        Files.write(dir.resolve("b.txt"), new byte[] {0, 1, 2, 3, (byte) 0xff});
        Files.write(dir.resolve("c.txt"), new byte[0]);
        Files.write(dir.resolve("d.txt"), "会上讲话".getBytes("GB18030"));
        Files.writeString(dir.resolve("e.txt"), "\uFEFF标题\r\n\r\n正文第一段。\r\n");
        Files.writeString(dir.resolve("e.txt.meta.json"), "{\"date\": \"2022-13-45\"}");
        Run r = run("extract", dir.toString());
        assertEquals(2, r.status());
        List<String> lines = r.out().lines().toList();
        assertEquals(1, lines.size(), r.out());
        JsonNode page = Json.MAPPER.readTree(lines.get(0));
        assertEquals("a.txt", page.get("file").asText());
        assertEquals("孙立华", page.at("/articles/0/officials/0/name").asText());
        assertTrue(r.err().contains("b.txt: binary"), r.err());
        assertTrue(r.err().contains("c.txt: empty"), r.err());
        assertTrue(r.err().contains("d.txt: not valid UTF-8"), r.err());
        assertTrue(r.err().contains("e.txt.meta.json: date must be YYYY-MM-DD"), r.err());
        assertTrue(r.err().contains("4 input(s) skipped"), r.err());
    }

    @Test
    void truncatedHugeAndUnreadableInputsAreNamedAndTheGoodOnesGoThrough() throws Exception {
        String good = "\n\n测试标题\n\n□ 本报记者 赵一鸣\n\n会上,自治区党委宣传部副部长孙立华作了动员讲话。\n";
        Files.writeString(dir.resolve("a.txt"), good);
        // a BOM and Windows line ends are read as the same page
        Files.writeString(dir.resolve("b.txt"), "\uFEFF" + good.replace("\n", "\r\n"));
        byte[] utf8 = good.getBytes(StandardCharsets.UTF_8);
        Files.write(dir.resolve("c.txt"), java.util.Arrays.copyOf(utf8, utf8.length - 2));
        try (java.io.RandomAccessFile huge = new java.io.RandomAccessFile(dir.resolve("d.txt").toFile(), "rw")) {
            huge.setLength(200L * 1024 * 1024);
        }
        Files.createSymbolicLink(dir.resolve("e.txt"), dir.resolve("missing.txt"));
        Run r = run("extract", dir.toString());
        assertEquals(2, r.status(), r.err());
        List<String> lines = r.out().lines().toList();
        assertEquals(2, lines.size(), r.out());
        for (String line : lines) {
            assertEquals("孙立华", Json.MAPPER.readTree(line).at("/articles/0/officials/0/name").asText(), line);
        }
        assertTrue(r.err().contains("c.txt: not valid UTF-8"), r.err());
        assertTrue(r.err().contains("d.txt: larger than 16 MB"), r.err());
        assertTrue(r.err().contains("e.txt: cannot be read"), r.err());
        assertTrue(r.err().contains("3 input(s) skipped"), r.err());
    }

    @Test
    void extractOnSeveralThreadsPrintsWhatOneThreadDoesInInputOrder() throws Exception {
        Run one = run("extract", "--threads", "1", "seeds");
        Run three = run("extract", "--threads", "3", "seeds");
        assertEquals(0, three.status(), three.err());
        assertEquals(5, one.out().lines().count(), "one line per seed page");
        assertEquals(one.out(), three.out());
        Run eval = run("eval", "--set", "seeds", "--threads", "3");
        assertEquals(0, eval.status(), eval.err());
        assertEquals(run("eval", "--set", "seeds", "--threads", "1").out(), eval.out(), "scores do not depend on threads");
    }

    @Test
    void extractPrintsOffsetsAndConfidences() throws Exception {
        Run r = run("extract", "seeds/000_824024f6a8c13c1c.txt");
        assertEquals(0, r.status(), r.err());
        JsonNode page = Json.MAPPER.readTree(r.out());
        String text = Files.readString(Path.of("seeds/000_824024f6a8c13c1c.txt"));
        for (JsonNode a : page.get("articles")) {
            for (JsonNode o : a.get("officials")) {
                assertEquals(o.get("name").asText(), text.substring(o.get("begin").asInt(), o.get("end").asInt()));
                double c = o.get("confidence").asDouble();
                assertTrue(c > 0 && c <= 1, "confidence " + c);
            }
            for (JsonNode g : a.get("regions")) {
                assertEquals(g.get("as_written").asText(), text.substring(g.get("begin").asInt(), g.get("end").asInt()));
            }
        }
    }

    @Test
    void evalPrintsATableAndJson() {
        Run table = run("eval", "--gold", "eval/seeds", "seeds");
        assertEquals(0, table.status(), table.err());
        assertTrue(table.out().contains("posts_lenient"), table.out());
        Run json = run("eval", "--gold", "eval/seeds", "--json", "seeds");
        assertTrue(json.out().contains("\"officials\""), json.out());
    }

    @Test
    void evalScoresEachSetInItsOwnTable() throws Exception {
        Run both = run("eval");
        assertEquals(0, both.status(), both.err());
        assertTrue(both.out().contains("== seeds: gold eval/seeds, pages seeds =="), both.out());
        assertTrue(both.out().contains("== dev: gold eval/dev/gold, pages eval/dev/texts =="), both.out());
        JsonNode json = Json.MAPPER.readTree(run("eval", "--set", "dev", "--gold", "eval/seeds", "--json").out());
        assertEquals(List.of("dev", "eval/seeds"), iterable(json.fieldNames()));
        assertEquals(17, json.get("dev").get("pages").asInt());
        assertEquals(5, json.get("eval/seeds").get("pages").asInt(), "seeds/ when the gold has no texts/ beside it");
        assertTrue(json.get("dev").get("posts_lenient").has("f1"));
        // a gold folder with texts/ beside it is scored on those texts
        Run dev = run("eval", "--gold", "eval/dev/gold", "--json");
        assertEquals(17, Json.MAPPER.readTree(dev.out()).get("eval/dev/gold").get("pages").asInt(), dev.err());
        assertEquals(1, run("eval", "--set", "nosuch").status());
        assertEquals(1, run("eval", "--set", "dev", "seeds").status(), "pages go with --gold");
    }

    @Test
    void evalOnAMissingFolderSaysWhichInOneLine() throws Exception {
        Path gone = dir.resolve("nosuch");
        Run gold = run("eval", "--gold", gone.toString(), "seeds");
        assertEquals(2, gold.status());
        assertEquals(List.of("newskg eval: gold folder " + gone + " does not exist"), gold.err().lines().toList());
        assertEquals("", gold.out());
        Run pages = run("eval", "--gold", "eval/seeds", gone.toString());
        assertEquals(2, pages.status());
        assertEquals(List.of("newskg eval: pages folder " + gone + " does not exist"), pages.err().lines().toList());
        Path file = Files.writeString(dir.resolve("gold.json"), "{}");
        Run notFolder = run("eval", "--gold", file.toString());
        assertEquals(2, notFolder.status());
        assertEquals(List.of("newskg eval: gold folder " + file + " is not a folder"), notFolder.err().lines().toList());
        Run identity = run("eval", "--identity", gone.toString());
        assertEquals(2, identity.status());
        assertEquals(List.of("newskg eval: corpus folder " + gone + " does not exist"), identity.err().lines().toList());
    }

    @Test
    void corpusFromAMissingFolderSaysSoInOneLine() {
        Path gone = dir.resolve("nosuch");
        Run r = run("corpus", "--from", gone.toString(), "--out", dir.resolve("out").toString(), "--size-mb", "1");
        assertEquals(2, r.status());
        List<String> lines = r.err().lines().toList();
        assertEquals(1, lines.size(), r.err());
        assertTrue(lines.get(0).startsWith("newskg corpus: pages folder " + gone.toAbsolutePath() + " does not exist"), r.err());
        assertFalse(Files.exists(dir.resolve("out")));
    }

    private static List<String> iterable(java.util.Iterator<String> it) {
        List<String> out = new java.util.ArrayList<>();
        it.forEachRemaining(out::add);
        return out;
    }
}
