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
import static org.junit.jupiter.api.Assertions.assertFalse;
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

    /** Invented web page: breadcrumb, headline printed twice, date and source, share widget, metadata at the end. */
    private static final String WEB_PAGE = """
            首页
            新闻
            地方动态
            某县推进冬季农田水利建设 掀起兴修热潮
            某县推进冬季农田水利建设 掀起兴修热潮
            2016年12月05来源：www.example.com
            分享到：
            QQ空间
            新浪微博
            某某微博
            更多
            入冬以来，某县抢抓农闲时节，组织群众开展农田水利建设，全县共开工项目120个。
            东沟村，渠道修到了地头
            3日上午，东沟村的施工现场机器轰鸣，村民们正在加固渠堤。
            “过去浇一次地要排三天队，现在好了。”
            村民王大爷说，新渠修通以后，全村的麦田都能按时浇上水。
            “水利是农业的命脉”
            县水利局负责人介绍，今年全县将新增灌溉面积两万亩。
            【记者手记】
            兴修水利，是一件功在当代、利在千秋的好事。
            作者：县委报道组
            来源：县融媒体中心
            日期：2016-12-05
            链接：http://www.example.com/news/2016/12/5/1.html
            【打印】【关闭】
            """;

    @Test
    void webPageIsOneArticleWithoutItsChrome() {
        List<Article> as = split(WEB_PAGE);
        assertEquals(1, as.size(), () -> as.stream().map(a -> a.title() + "|" + a.startsWith(WEB_PAGE)).toList().toString());
        Article a = as.get(0);
        assertEquals("某县推进冬季农田水利建设 掀起兴修热潮", a.title());
        assertNull(a.subtitle());
        assertEquals("news", a.kind());
        assertTrue(a.startsWith(WEB_PAGE).startsWith("入冬以来"));
        assertEquals(List.of("www.example.com/来源", "县委报道组/作者", "县融媒体中心/来源"), credits(a));
        String body = a.body().text();
        assertTrue(body.contains("东沟村，渠道修到了地头"));
        assertTrue(body.contains("兴修水利"));
        for (String chrome : new String[] {"分享到", "QQ空间", "微博", "更多", "来源", "链接", "打印", "首页", "地方动态"}) {
            assertFalse(body.contains(chrome), chrome);
        }
    }

    @Test
    void webPageWithTwoArticles() {
        String text = """
                某市组团赴外省考察 首批合作项目签约
                发布时间：2015-03-10
                发布人：-某某网-某某晚报
                3月9日综合报道，某市经贸考察团当天抵达，随行企业40多家。
                考察团将出席项目推介会，并与当地企业签订合作协议。
                “开放合作，”代表团负责人说，“是我们的必由之路。”
                一些资源还没统筹好，临时工作组解决难题
                双方确定了三个合作领域。
                考察团来了 带来商机
                某市市长今（9）日率领经贸考察团抵达，受到当地企业界欢迎。
                考察团成员表示，希望双方在农产品加工领域深化合作。
                """;
        List<Article> as = split(text);
        assertEquals(2, as.size(), () -> as.stream().map(a -> a.title() + "|" + a.startsWith(text)).toList().toString());
        assertEquals("某市组团赴外省考察 首批合作项目签约", as.get(0).title());
        assertTrue(as.get(0).startsWith(text).startsWith("3月9日综合报道"));
        assertEquals(List.of("某某网/来源", "某某晚报/来源"), credits(as.get(0)));
        assertEquals("考察团来了 带来商机", as.get(1).title());
        assertTrue(as.get(1).startsWith(text).startsWith("某市市长今（9）日"));
    }

    @Test
    void webIntertitlesStayInTheArticle() {
        String text = """
                凝心聚力促发展（基层观察）
                本报记者 韩 冰 周立新
                核心阅读
                某县把党组织建在产业链上，带动群众增收。
                “今年的收成比往年好。”一大早，某村党支部书记就来到合作社。
                “不归口”怎么办？
                一些问题多头管理、无人负责，联合党支部理顺关系
                去年，村里的道路维修一度无人过问。
                北坡村，果园连成了片
                5月10日，北坡村的果农正在疏花。
                算细账：投入少了，收益多了，群众笑了
                村里的账本一笔一笔都公开。
                真的是群众不支持吗？
                近日，记者再次来到村里。
                《 某某日报 》（ 2021年06月02日 07 版）
                """;
        List<Article> as = split(text);
        assertEquals(1, as.size(), () -> as.stream().map(a -> a.title() + "|" + a.startsWith(text)).toList().toString());
        Article a = as.get(0);
        assertEquals("凝心聚力促发展", a.title());
        assertNull(a.subtitle());
        assertTrue(a.startsWith(text).startsWith("某县把党组织建在产业链上"));
        assertEquals(List.of("韩冰/记者", "周立新/记者", "某某日报/来源"), credits(a));
        assertTrue(a.body().text().contains("真的是群众不支持吗？"));
    }

    @Test
    void longWebHeadlineOverAnAgencyDateline() {
        String text = """
                某某在某省调研时强调 抓好安全生产和防灾减灾工作 推动经济社会持续健康发展取得新成效
                新华社某市6月3日电（记者 田野）6月1日至2日，某某在某省调研。
                他来到某工业园区，了解企业复工复产情况。
                某某陪同调研。
                """;
        List<Article> as = split(text);
        assertEquals(1, as.size());
        Article a = as.get(0);
        assertTrue(a.title().startsWith("某某在某省调研时强调"));
        assertTrue(a.startsWith(text).startsWith("新华社某市6月3日电"));
        assertEquals(List.of("田野/记者", "新华社/来源"), credits(a));
    }

    @Test
    void newsSiteLeadNamesTheSource() {
        String text = """
                某某会议在京闭幕
                东方网消息（晚间新闻）：某某会议今天下午在北京闭幕。
                会议表决通过了有关决定。
                """;
        List<Article> as = split(text);
        assertEquals(1, as.size());
        assertEquals(List.of("东方网/来源"), credits(as.get(0)));
        assertTrue(as.get(0).startsWith(text).startsWith("东方网消息"));
    }

    @Test
    void webPageWithBlankLinesReadsAlike() {
        String spaced = WEB_PAGE.replace("\n", "\n\n");
        List<Article> a = split(WEB_PAGE), b = split(spaced);
        assertEquals(a.size(), b.size());
        assertEquals(a.get(0).startsWith(WEB_PAGE), b.get(0).startsWith(spaced));
        assertEquals(credits(a.get(0)), credits(b.get(0)));
    }

    @Test
    void neverThrowsOnOddLayouts() throws Exception {
        String text = resource("synthetic-page.txt");
        for (String s : new String[] {"", "\n\n\n", "\uFEFF", "标题", "□ 本报记者 某某", "王五 摄", "◎ 专栏\n\n◎ 专栏",
                "(据《某报》)", "——", "一\n二\n三", "\r\r\r", "首页\n分享到：\n更多", "发布时间：2020-01-01\n来源：某网",
                "标题\n标题", "来源：某网\n正文一段。", "标题\n发布人：\n【打印】"}) {
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

    @org.junit.jupiter.api.Test
    void thePhotoCreditPreconditionHidesNoMatch() throws Exception {
        // every line of the seeds and the dev texts, and the lines a credit may be
        java.util.List<String> lines = new java.util.ArrayList<>(java.util.List.of("本报记者 张三 摄", "图：李四", "摄影：王五",
                "张三 李四 摄影", "图为村民在田间劳作", "记者张三/摄"));
        for (String dir : new String[] {"seeds", "eval/dev/texts"}) {
            try (var files = java.nio.file.Files.list(java.nio.file.Path.of(dir))) {
                for (var f : files.filter(x -> x.toString().endsWith(".txt")).toList()) {
                    for (String l : java.nio.file.Files.readAllLines(f)) lines.add(l.strip());
                }
            }
        }
        int credits = 0;
        for (String l : lines) {
            boolean regex = LineKind.PHOTO_LINE.matcher(l).matches();
            boolean pre = LineKind.mayBePhotoCredit(l);
            if (regex) credits++;
            org.junit.jupiter.api.Assertions.assertTrue(!regex || pre, l);
        }
        org.junit.jupiter.api.Assertions.assertTrue(credits >= 4, "credits: " + credits);
    }
}
