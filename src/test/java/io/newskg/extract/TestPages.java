package io.newskg.extract;

import io.newskg.model.Page;
import io.newskg.model.Results.ArticleResult;
import io.newskg.model.Results.Official;
import io.newskg.model.Results.Post;

import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;

/** Made-up one-article pages, read by one extractor shared by the tests (it takes seconds to load). */
final class TestPages {
    private static Extractor extractor;

    private TestPages() {}

    static synchronized Extractor extractor() {
        if (extractor == null) extractor = new Extractor();
        return extractor;
    }

    /** A page made of a headline, a byline and {@code body}. */
    static String page(String body) {
        return "\n\n测试标题\n\n□ 本报记者 赵一鸣\n\n" + body + "\n";
    }

    /** A web article: headline, a 发布时间 line, then one paragraph a line; the province is inferred. */
    static ArticleResult webArticle(String... paragraphs) {
        String text = "测试新闻标题\n发布时间：2021-06-18\n" + String.join("\n", paragraphs) + "\n";
        List<ArticleResult> articles = extractor().extract(new Page("w.txt", text, null, null, null)).articles();
        assertEquals(1, articles.size(), "articles");
        return articles.get(0);
    }

    /** The article of {@link #page(String)}. */
    static ArticleResult article(String body) {
        List<ArticleResult> articles = extractor().extract(new Page("t.txt", page(body), null, null, "150000")).articles();
        assertEquals(1, articles.size(), "articles");
        return articles.get(0);
    }

    /** The post of that title the article gives {@code name}; fails naming what was read instead. */
    static Post post(ArticleResult a, String name, String title) {
        Official o = a.officials().stream().filter(x -> x.name().equals(name)).findFirst()
                .orElseThrow(() -> new AssertionError(name + " not read: " + a.officials()));
        return o.posts().stream().filter(p -> p.title().equals(title)).findFirst()
                .orElseThrow(() -> new AssertionError(name + " has no " + title + ": " + o.posts()));
    }
}
