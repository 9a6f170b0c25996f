package io.newskg.cli;

import static io.newskg.cli.Run.run;

import io.newskg.rdf.Iris;
import io.newskg.rdf.NKG;
import io.newskg.store.GraphStore;
import org.apache.jena.query.QueryExecution;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Every input file is its own page: folders and non-Latin names count, two files never share a page silently. */
class PageIdentityTest {
    static final String PAGE = "\n\n测试标题\n\n□ 本报记者 赵一鸣\n\n会上,自治区党委宣传部副部长孙立华作了动员讲话。\n";

    @TempDir
    Path dir;

    static List<String> pages(Path store) {
        List<String> out = new ArrayList<>();
        try (GraphStore gs = new GraphStore(store)) {
            gs.dataset().executeRead(() -> {
                try (QueryExecution qe = QueryExecution.dataset(gs.dataset())
                        .query("SELECT DISTINCT ?p { GRAPH ?g { ?a <" + NKG.page.getURI() + "> ?p } }").build()) {
                    qe.execSelect().forEachRemaining(r -> out.add(r.getResource("p").getURI()));
                }
            });
        }
        out.sort(null);
        return out;
    }

    @Test
    void pageIrisAreInjectiveReadableAndKeepPlainNames() {
        Iris iris = new Iris(NKG.DEFAULT_BASE);
        String p = NKG.DEFAULT_BASE + "page/";
        // Plain ASCII names keep the IRIs stores already have.
        assertEquals(p + "000_824024f6a8c13c1c", iris.page("000_824024f6a8c13c1c.txt"));
        assertEquals(p + "x", iris.page("x.txt"));
        // Chinese names stay readable; folders are kept.
        assertEquals(p + "新闻", iris.page("新闻.txt"));
        assertEquals(p + "a/x", iris.page("a/x.txt"));
        assertEquals(p + "2022/%E3%80%80%E6%8A%A5%20x%25", iris.page("2022/\u3000报 x%.txt").replace("报", "%E6%8A%A5"));
        List<String> names = List.of("新闻.txt", "报纸.txt", "a/x.txt", "b/x.txt", "x.txt", "a b.txt", "a_b.txt", "a%20b.txt",
                "..txt", "%2E.txt", "x.txt.txt", "a\\x.txt");
        List<String> iris2 = names.stream().map(iris::page).distinct().toList();
        assertEquals(names.size(), iris2.size(), iris2.toString());
        for (String i : iris2) assertTrue(org.apache.jena.irix.IRIs.check(i), i);
        // NFC and NFD spellings of one name are one page.
        assertEquals(iris.page("caf\u00e9.txt"), iris.page("cafe\u0301.txt"));
    }

    @Test
    void filesInFoldersAndWithChineseNamesAreSeparatePages() throws Exception {
        Path in = dir.resolve("in");
        for (String f : List.of("新闻.txt", "报纸.txt", "a/x.txt", "b/x.txt")) {
            Files.createDirectories(in.resolve(f).getParent());
            Files.writeString(in.resolve(f), PAGE);
        }
        Path store = dir.resolve("store");
        Run r = run("build", "--store", store.toString(), in.toString());
        assertEquals(0, r.status(), r.err());
        String p = NKG.DEFAULT_BASE + "page/";
        assertEquals(List.of(p + "a/x", p + "b/x", p + "报纸", p + "新闻"), pages(store));
        assertTrue(r.err().contains("4 pages"), r.err());
        // Adding one again with the same root replaces it, not a second copy.
        assertEquals(0, run("add", "--store", store.toString(), "--root", in.toString(), in.resolve("a/x.txt").toString()).status());
        assertEquals(4, pages(store).size());
        assertEquals(0, run("remove", "--store", store.toString(), "--root", in.toString(), in.resolve("a/x.txt").toString()).status());
        assertFalse(pages(store).contains(p + "a/x"));
    }

    @Test
    void twoInputsForOnePageAreAnErrorNamingBoth() throws Exception {
        for (String f : List.of("a/x.txt", "b/x.txt", "c/ok.txt")) {
            Files.createDirectories(dir.resolve(f).getParent());
            Files.writeString(dir.resolve(f), PAGE);
        }
        Path store = dir.resolve("store");
        // Each folder is its own root, so both are page x.
        Run r = run("build", "--store", store.toString(), dir.resolve("a").toString(), dir.resolve("b").toString(), dir.resolve("c").toString());
        assertEquals(2, r.status(), r.err());
        String a = dir.resolve("a/x.txt").toString(), b = dir.resolve("b/x.txt").toString();
        assertTrue(r.err().contains(a + ": same page " + NKG.DEFAULT_BASE + "page/x as " + b), r.err());
        assertTrue(r.err().contains(b + ": same page " + NKG.DEFAULT_BASE + "page/x as " + a), r.err());
        assertEquals(List.of(NKG.DEFAULT_BASE + "page/ok"), pages(store));
        assertNotEquals(-1, r.err().indexOf("2 input(s) skipped"), r.err());
    }

    @Test
    void aPageInsideAnotherPagesArticlesIsAnError() throws Exception {
        Files.createDirectories(dir.resolve("p/article"));
        Files.writeString(dir.resolve("p.txt"), PAGE);
        Files.writeString(dir.resolve("p/article/0.txt"), PAGE);
        Run r = run("build", "--store", dir.resolve("store").toString(), dir.toString());
        assertEquals(2, r.status(), r.err());
        assertTrue(r.err().contains("0.txt: its page " + NKG.DEFAULT_BASE + "page/p/article/0 would lie inside the articles of"), r.err());
    }
}
