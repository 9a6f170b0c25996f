package io.newskg.ingest;

import io.newskg.model.Article;
import io.newskg.model.Byline;
import io.newskg.model.Page;
import org.junit.jupiter.api.Test;

import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Random;
import java.util.stream.Stream;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

class ArticleSplitterTest {
    private final ArticleSplitter splitter = new ArticleSplitter();

    private static String resource(String name) throws Exception {
        try (InputStream in = ArticleSplitterTest.class.getResourceAsStream("/ingest/" + name)) {
            assertNotNull(in, name);
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        }
    }

    private static List<String> credits(Article a) {
        return a.bylines().stream().map(b -> b.name() + "/" + b.role()).toList();
    }

    private List<Article> split(String text) {
        return splitter.split(new Page("t.txt", text, null, null, null));
    }

    @Test
    void syntheticPageLayouts() throws Exception {
        String text = resource("synthetic-page.txt");
        List<Article> as = split(text);
        assertEquals(4, as.size(), () -> as.stream().map(Article::title).toList().toString());

        Article news = as.get(0);
        assertEquals("春风吹进百姓家", news.title());
        assertEquals("某县开展政策宣讲进村入户活动", news.subtitle());
        assertEquals("news", news.kind());
        assertEquals(List.of("柳成荫/记者", "石磊/通讯员"), credits(news));
        assertTrue(news.startsWith(text).startsWith("春耕前夕"));
        // the word cut by the layout is whole again, the intertitle stays inside the article
        assertTrue(news.body().text().contains("认真记录,表示"));
        assertTrue(news.body().text().contains("\n“院坝会”接地气\n"));

        Article photo = as.get(1);
        assertEquals("晨练", photo.title());
        assertEquals("photo", photo.kind());
        assertEquals(List.of("田野/摄影"), credits(photo));

        Article comment = as.get(2);
        assertEquals("commentary", comment.kind());
        assertEquals(List.of("高山/作者"), credits(comment));
        assertTrue(comment.startsWith(text).startsWith("群众的事无小事"));

        Article brief = as.get(3);
        assertEquals(List.of("白云/记者", "黄河/通讯员", "某区委组织部/供稿单位"), credits(brief));
        assertNull(brief.subtitle());
        assertEquals("brief", brief.kind());
        assertTrue(brief.startsWith(text).startsWith("本报讯"));

        for (Article a : as) {
            for (int i = 0; i < a.body().length(); i++) {
                char c = a.body().text().charAt(i);
                if (c != '\n') assertEquals(text.charAt(a.body().origin(i)), c);
            }
            for (Byline b : a.bylines()) assertEquals(b.name(), text.substring(b.begin(), b.end()));
            assertTrue(a.begin() <= a.body().origin(0) && a.end() <= text.length());
        }
    }

    @Test
    void crlfBomAndFullWidthSpacesGiveTheSameArticles() throws Exception {
        String text = resource("synthetic-page.txt");
        String odd = "\uFEFF" + text.replace("\n", "\r\n").replace("□ ", "□\u3000").replace("\n春耕", "\n\u3000\u3000春耕");
        List<Article> a = split(text), b = split(odd);
        assertEquals(a.size(), b.size());
        for (int i = 0; i < a.size(); i++) {
            assertEquals(a.get(i).title(), b.get(i).title());
            assertEquals(a.get(i).kind(), b.get(i).kind());
            assertEquals(credits(a.get(i)), credits(b.get(i)));
            assertEquals(a.get(i).startsWith(text), b.get(i).startsWith(odd));
        }
    }

    @Test
    void seedPagesSplitAlikeWithCrlfAndBom() throws Exception {
        Path seeds = Path.of("seeds");
        List<Path> pages;
        try (Stream<Path> s = Files.list(seeds)) {
            pages = s.filter(p -> p.toString().endsWith(".txt")).sorted().toList();
        }
        assertTrue(!pages.isEmpty(), "no seed pages");
        for (Path p : pages) {
            String text = Files.readString(p);
            String odd = "\uFEFF" + text.replace("\n", "\r\n");
            List<String> a = split(text).stream().map(x -> x.startsWith(text) + credits(x)).toList();
            List<String> b = split(odd).stream().map(x -> x.startsWith(odd) + credits(x)).toList();
            assertEquals(a, b, p.toString());
        }
    }

    @Test
    void neverThrowsOnOddLayouts() throws Exception {
        String text = resource("synthetic-page.txt");
        for (String s : new String[] {"", "\n\n\n", "\uFEFF", "标题", "□ 本报记者 某某", "王五 摄", "◎ 专栏\n\n◎ 专栏",
                "(据《某报》)", "——", "一\n二\n三", "\r\r\r"}) {
            List<Article> as = split(s);
            for (Article a : as) a.startsWith(s);
        }
        // shuffled and truncated pages: any order of lines must come out without an exception
        List<String> lines = text.lines().toList();
        Random rnd = new Random(7);
        for (int round = 0; round < 200; round++) {
            StringBuilder sb = new StringBuilder();
            int n = rnd.nextInt(lines.size() + 1);
            for (int i = 0; i < n; i++) sb.append(lines.get(rnd.nextInt(lines.size()))).append('\n');
            String page = sb.toString();
            for (Article a : split(page)) {
                a.startsWith(page);
                assertTrue(a.begin() >= 0 && a.end() <= page.length());
            }
        }
    }
}
