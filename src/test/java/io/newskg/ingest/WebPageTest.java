package io.newskg.ingest;

import io.newskg.model.Byline;
import io.newskg.model.Page;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Web page chrome and metadata lines; all texts invented. */
class WebPageTest {

    private static List<String> pairs(List<Byline> bs) {
        return bs.stream().map(b -> b.name() + "/" + b.role()).toList();
    }

    @Test
    void chromeLines() {
        for (String s : new String[] {"首页 > 新闻中心 > 地方动态", "当前位置：首页 » 工作动态", "分享到：", "QQ空间", "新浪微博",
                "更多", "【打印】【关闭】", "打印本页 | 关闭窗口", "字号：大 中 小", "上一篇", "新闻",
                "<img src=\"/upload/pic/2019/a.jpg\" >", "/upload/img/p3.png\" >", "http://www.example.org/art/2019/1.html"}) {
            assertTrue(WebPage.isChrome(s), s);
            assertEquals(LineKind.CHROME, LineKind.of(s), s);
        }
        for (String s : new String[] {"乡村振兴看新变", "首页工程全面启动", "3月2日，某县召开新闻发布会。", "更多精彩请关注本报",
                "◎ 评论"}) {
            assertFalse(WebPage.isChrome(s), s);
        }
        assertTrue(WebPage.opensBreadcrumb("首页"));
        assertTrue(WebPage.opensShare("分享到："));
        assertTrue(WebPage.isShareName("某某微博"));
        assertFalse(WebPage.isShareName("某县召开动员会"));
    }

    @Test
    void metadataLinesGiveCreditsAndDate() {
        String s = "发布时间：2019-03-02 09:10 来源：湘江晚报 作者：李明 编辑：王芳";
        assertEquals(LineKind.META, LineKind.of(s));
        assertEquals(List.of("湘江晚报/来源", "李明/作者"), pairs(WebPage.credits(s, 0)));
        assertEquals(LocalDate.of(2019, 3, 2), WebPage.date(s));
        Byline b = WebPage.credits(s, 10).get(0);
        assertEquals("湘江晚报", s.substring(b.begin() - 10, b.end() - 10));

        // a publisher field names outlets (the source) or the web editor (no credit)
        assertEquals(List.of("江城网/来源", "江城日报/来源"), pairs(WebPage.credits("发布人：-江城网-江城日报", 0)));
        assertEquals(List.of(), pairs(WebPage.credits("发布人：张三", 0)));
        assertEquals(List.of(), pairs(WebPage.credits("发布人：", 0)));
        assertTrue(WebPage.isMeta("发布人："));

        // a date glued to the source, a site address as the source
        String glued = "2018年7月3来源：www.example.com";
        assertTrue(WebPage.isMeta(glued));
        assertEquals(List.of("www.example.com/来源"), pairs(WebPage.credits(glued, 0)));
        assertEquals(LocalDate.of(2018, 7, 3), WebPage.date(glued));

        // the print edition of a reprinted newspaper article
        String edition = "《 东方日报 》（ 2019年05月12日 04 版）";
        assertEquals(LineKind.META, LineKind.of(edition));
        assertEquals(List.of("东方日报/来源"), pairs(WebPage.credits(edition, 0)));
        assertEquals(LocalDate.of(2019, 5, 12), WebPage.date(edition));

        // padded names, several names, a reporter key
        assertEquals(List.of("林森/记者", "高原/记者"), pairs(WebPage.credits("记者：林 森 高原", 0)));
        assertEquals(List.of("市科协/供稿单位"), pairs(WebPage.credits("供稿：市科协", 0)));
        assertTrue(WebPage.isMeta("责任编辑：赵六"));
        assertEquals(List.of(), pairs(WebPage.credits("责任编辑：赵六", 0)));
        assertTrue(WebPage.isMeta("链接：http://www.example.org/a.html"));
    }

    @Test
    void paragraphsAreNoMetadata() {
        assertFalse(WebPage.isMeta("记者：您好，请问今年的工作重点是什么？"));
        assertFalse(WebPage.isMeta("来源于群众的意见，我们一条条梳理。"));
        assertFalse(WebPage.isMeta("时间紧、任务重，全县干部一起上阵。"));
        // a notice's own time and date lines are its body, not the page's date
        assertFalse(WebPage.isMeta("时间：3月5日上午9时"));
        assertTrue(WebPage.isMeta("时间：2021-03-05 09:12"));
        assertNull(WebPage.date("2019年3月2日，某县召开动员大会。"));
    }

    @Test
    void pageDateFromTheFirstDatedMetadataLine() {
        String text = "某县开展春耕生产大检查\n发布时间：2020-04-09\n来源：某县融媒体中心\n4月8日，某县组织检查组深入乡镇。\n";
        assertEquals(LocalDate.of(2020, 4, 9), WebPage.pageDate(text));
        assertNull(WebPage.pageDate("某县开展春耕生产大检查\n\n4月8日，某县组织检查组深入乡镇。\n"));
    }

    @Test
    void readerTakesTheWebDateUnlessASidecarGivesOne(@TempDir Path dir) throws Exception {
        Path p = dir.resolve("web.txt");
        Files.writeString(p, "某镇举办农技培训班\n日期：2017-11-20\n11月18日，某镇举办农技培训班。\n", StandardCharsets.UTF_8);
        Page page = new PageReader().read(p);
        assertEquals(LocalDate.of(2017, 11, 20), page.date());
        Files.writeString(dir.resolve("web.txt.meta.json"), "{\"date\": \"2017-11-21\"}", StandardCharsets.UTF_8);
        assertEquals(LocalDate.of(2017, 11, 21), new PageReader().read(p).date());
        Files.writeString(dir.resolve("web.txt.meta.json"), "{\"newspaper\": \"某报\"}", StandardCharsets.UTF_8);
        assertEquals(LocalDate.of(2017, 11, 20), new PageReader().read(p).date());
    }
}
