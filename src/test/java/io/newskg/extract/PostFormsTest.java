package io.newskg.extract;

import io.newskg.model.Results.ArticleResult;
import io.newskg.model.Results.Official;
import io.newskg.model.Results.Post;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Optional;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The forms government news writes posts in, on made-up web articles from several provinces
 * (names, places and sentences invented; none from the seeds or the dev set).
 */
class PostFormsTest {
    private static Optional<Official> official(ArticleResult a, String name) {
        return a.officials().stream().filter(o -> o.name().equals(name)).findFirst();
    }

    private static Post post(ArticleResult a, String name, String title) {
        return TestPages.post(a, name, title);
    }

    @Test
    void nameBeforeTitle() {
        ArticleResult a = TestPages.webArticle("5月12日，湖南省人民医院召开安全生产大会。李明华副院长主持会议并讲话。");
        assertEquals("湖南省人民医院", post(a, "李明华", "副院长").org());
        // a surname and a title is no name
        a = TestPages.webArticle("6月3日，长沙县召开会议，刘书记在会上作了部署，要求各乡镇抓好落实。");
        assertTrue(a.officials().stream().noneMatch(o -> o.name().startsWith("刘")), a.officials().toString());
    }

    @Test
    void namesListedAfterOneTitleShareIt() {
        ArticleResult a = TestPages.webArticle("湖南省地质研究院召开座谈会。院党委委员周文斌、钱丽萍、孙浩宇参加了会议。");
        for (String n : List.of("周文斌", "钱丽萍", "孙浩宇")) assertEquals("湖南省地质研究院党委", post(a, n, "委员").org());
    }

    @Test
    void appointmentsAndRemovalsCarryTheirStatus() {
        ArticleResult a = TestPages.webArticle("湖南省人大常委会会议经表决，决定任命陈志远为湖南省教育厅厅长，免去刘建平的湖南省教育厅厅长职务。");
        Post appointed = post(a, "陈志远", "厅长");
        assertEquals("湖南省教育厅", appointed.org());
        assertEquals("appointed", appointed.status());
        assertEquals("removed", post(a, "刘建平", "厅长").status());
    }

    @Test
    void aPostTakenUpWithAVerb() {
        ArticleResult a = TestPages.webArticle("长沙县春华镇龙王庙村有了新变化。2019年，退伍军人周建华担任了村党支部书记。");
        assertEquals("长沙县春华镇龙王庙村党支部", post(a, "周建华", "书记").org());
    }

    @Test
    void unitAndTitleInOneWordAreSplit() {
        ArticleResult a = TestPages.webArticle("浏阳市委常委、宣传部长杨光明出席活动并致辞。");
        assertEquals("浏阳市委宣传部", post(a, "杨光明", "部长").org());
        assertEquals("浏阳市委", post(a, "杨光明", "常委").org());
        // a village the gazetteer does not hold is named as the text writes it
        a = TestPages.webArticle("走进长沙县黄兴镇新桥村，村支书吴德明正在田间查看秧苗长势。");
        assertEquals("长沙县黄兴镇新桥村党支部", post(a, "吴德明", "书记").org());
    }

    @Test
    void headsOfGovernmentServeTheirRegionsGovernment() {
        ArticleResult a = TestPages.webArticle("日前，湖南省委副书记、省长王海峰到岳阳市调研防汛工作。");
        assertEquals("湖南省人民政府", post(a, "王海峰", "省长").org());
        assertEquals("湖南省委", post(a, "王海峰", "副书记").org());
        // a municipality is its own city
        a = TestPages.webArticle("天津市委书记赵建国和市长张建华一同考察了滨海新区的企业。");
        assertEquals("天津市人民政府", post(a, "张建华", "市长").org());
        // 南京市/长 as the segmenter reads it: the title is 市长 of the city
        a = TestPages.webArticle("苏州市长钱国强今天下午率苏州经贸代表团抵达香港。");
        assertEquals("苏州市人民政府", post(a, "钱国强", "市长").org());
    }

    @Test
    void centralTitlesImplyTheirBodies() {
        ArticleResult a = TestPages.webArticle("中共中央政治局常委、国务院总理王振华在江西考察。国务委员陈立群陪同考察。");
        assertEquals("中华人民共和国国务院", post(a, "王振华", "总理").org());
        assertEquals("中共中央政治局", post(a, "王振华", "常委").org());
        assertEquals("中华人民共和国国务院", post(a, "陈立群", "国务委员").org());
    }

    @Test
    void abbreviationsBecomeCanonicalNames() {
        ArticleResult a = TestPages.webArticle("岳阳市召开项目推进会。市发改委主任黄志明、市农委主任邓建军参加会议。");
        assertEquals("岳阳市发展和改革委员会", post(a, "黄志明", "主任").org());
        assertEquals("岳阳市农业委员会", post(a, "邓建军", "主任").org());
        a = TestPages.webArticle("近日，湖南省人社厅党组书记、厅长谭国华到衡阳市调研就业工作。");
        assertEquals("湖南省人力资源和社会保障厅党组", post(a, "谭国华", "书记").org());
        assertEquals("湖南省人力资源和社会保障厅", post(a, "谭国华", "厅长").org());
    }

    @Test
    void aPartyMemberOfABodysPartyGroup() {
        ArticleResult a = TestPages.webArticle("湖南省财政厅党组成员、副厅长曾志刚出席会议。");
        assertEquals("湖南省财政厅党组", post(a, "曾志刚", "成员").org());
        assertEquals("湖南省财政厅", post(a, "曾志刚", "副厅长").org());
    }

    @Test
    void aResumeGivesDatedPosts() {
        ArticleResult a = TestPages.webArticle(
                "湖南省纪委监委消息：株洲市原副市长张国庆接受审查调查。",
                "张国庆简历",
                "张国庆，男，1965年3月出生，汉族。",
                "1990年7月任醴陵市委办公室副主任；",
                "1996年4月任醴陵市委常委、组织部部长；",
                "2003年8月任株洲市政府副市长；",
                "2012年1月任株洲市政协副主席。");
        Post deputy = post(a, "张国庆", "副主任");
        assertEquals("醴陵市委办公室", deputy.org());
        assertEquals("1990-07", deputy.start());
        assertEquals("1996-04", deputy.finish());
        Post mayor = post(a, "张国庆", "副市长");
        assertEquals("株洲市人民政府", mayor.org());
        assertEquals("2003-08", mayor.start());
        assertEquals("former", mayor.status());
    }

    @Test
    void minorityNamesWithTheMiddleDot() {
        ArticleResult a = TestPages.webArticle("新疆维吾尔自治区体育局召开会议。艾力·买买提局长出席会议并讲话。");
        assertEquals("新疆维吾尔自治区体育局", post(a, "艾力·买买提", "局长").org());
    }

    @Test
    void formerPosts() {
        ArticleResult a = TestPages.webArticle("湘潭县石潭镇龙口村的老支书彭德生回忆起当年修路的情景。");
        assertEquals("former", post(a, "彭德生", "书记").status());
        a = TestPages.webArticle("株洲市原市委常委钟海涛涉嫌严重违纪违法。");
        Post p = post(a, "钟海涛", "常委");
        assertEquals("former", p.status());
        assertEquals("株洲市委", p.org());
    }

    @Test
    void secondBodyOfTheSameRegion() {
        ArticleResult a = TestPages.webArticle("“要让群众感受到公平正义。”湖南岳阳市君山区纪委书记、监委主任欧阳文华说。");
        assertEquals("岳阳市君山区监委", post(a, "欧阳文华", "主任").org());
    }

    @Test
    void placesBeginningWithFormerAreNoFormerPosts() {
        ArticleResult a = TestPages.webArticle("日前，山西忻州原平市委书记高志强到乡镇调研秋粮收购工作。");
        Post p = post(a, "高志强", "书记");
        assertEquals("current", p.status());
        assertTrue(p.org().contains("原平市委"), p.org());
    }

    @Test
    void aCommaInASentenceOpensAnotherPersonsPosts() {
        ArticleResult a = TestPages.webArticle("湘潭县人民代表大会选举产生了新一届县人民政府领导班子，刘文军当选为县长，副县长陈国平主持会议。");
        assertEquals("elected", post(a, "刘文军", "县长").status());
        assertFalse(official(a, "陈国平").orElseThrow().posts().stream().anyMatch(p -> p.title().equals("县长")),
                a.officials().toString());
    }

    @Test
    void twoResumesInOneArticleKeepTheirOwnEnds() {
        ArticleResult a = TestPages.webArticle(
                "湖南省委组织部发布干部任前公示。",
                "李建国简历",
                "1995年7月任湘潭县委办公室副主任；",
                "2005年3月任湘潭县副县长；",
                "王晓燕简历",
                "1998年9月任株洲市教育局副局长；",
                "2008年6月任株洲市教育局局长；");
        assertEquals("2005-03", post(a, "李建国", "副主任").finish());
        assertEquals("2008-06", post(a, "王晓燕", "副局长").finish());
        assertEquals(null, post(a, "李建国", "副县长").finish());
    }

    @Test
    void appointmentWhoseOrganisationTheRecogniserGluedTo为() {
        var a = TestPages.webArticle("会上宣布：任命赵一鸣为中共溆浦县委书记，决定任命钱二为中共溆浦县委副书记。");
        var posts = a.officials().stream().flatMap(o -> o.posts().stream()
                .map(p -> o.name() + "|" + p.title() + "|" + p.org() + "|" + p.status() + "|" + p.start() + "|" + p.asOf())).toList();
        // an undated page: no start is guessed (the end-to-end test reads a dated one)
        assertTrue(posts.contains("赵一鸣|书记|中共溆浦县委|appointed|null|null"), posts.toString());
        assertTrue(posts.contains("钱二|副书记|中共溆浦县委|appointed|null|null"), posts.toString());
    }

    @Test
    void aResumeLineAfterTheSubjectLineIsItsOwn() {
        var a = TestPages.webArticle("赵一鸣简历", "赵一鸣，男，1970年3月出生，汉族，湖南怀化人", "2011年8月任怀化市委副秘书长；",
                "2016年5月任辰溪县委书记；");
        var posts = a.officials().stream().flatMap(o -> o.posts().stream()
                .map(p -> o.name() + "|" + p.title() + "|" + p.org() + "|" + p.start() + "|" + p.finish())).toList();
        assertTrue(posts.contains("赵一鸣|副秘书长|怀化市委|2011-08|2016-05"), posts.toString());
    }

    @Test
    void aBareDivisionBelongsToTheBodyNamedJustBeforeIt() {
        var a = TestPages.webArticle("3月8日，国家林业和草原局副局长王海涛来我省调研。湖南省林业局副局长李春明、"
                + "规划财务处处长张建华陪同调研。");
        assertEquals("湖南省林业局规划财务处", post(a, "张建华", "处长").org());
    }

    @Test
    void oneOfTheLeadersGivesWayToTheLeadersOwnPost() {
        var a = TestPages.webArticle("4月2日，湖北省农业科学院召开座谈会。院领导王海涛、李春明参加座谈。会上，李春明副院长介绍了科研情况。");
        Official qian = official(a, "李春明").orElseThrow();
        assertEquals(List.of("副院长"), qian.posts().stream().map(Post::title).toList(), qian.posts().toString());
        assertEquals("院领导", post(a, "王海涛", "院领导").title());
    }

    @Test
    void aVillagePostTakesTheVillageItsSentenceNames() {
        var a = TestPages.webArticle("“做事踏实，说话算数！”说起村支书王海涛，湖南省溆浦县北斗溪镇茅坡村村民都竖起大拇指。");
        assertEquals("溆浦县北斗溪镇茅坡村党支部", post(a, "王海涛", "书记").org());
    }

    @Test
    void aClauseOfHoldingGivesItsPostToTheNameAfterIt() {
        var a = TestPages.webArticle("在担任溆浦县北斗溪镇茅坡村村支书之前，李春明已经在外经商多年。");
        assertEquals("溆浦县北斗溪镇茅坡村党支部", post(a, "李春明", "书记").org());
        // a clause without a time word is not about the name after it
        a = TestPages.webArticle("担任溆浦县北斗溪镇茅坡村村支书，李春明的同学也来道贺。");
        assertTrue(official(a, "李春明").isEmpty(), a.officials().toString());
    }

    @Test
    void aCountyLevelCitysOwnNewsMeansItselfBy市() {
        var a = TestPages.webArticle("1月11日上午，醴陵市2024年经济工作会议召开。市委书记王海涛出席会议并讲话，市委副书记、市长李春明主持会议。");
        assertEquals("醴陵市委", post(a, "王海涛", "书记").org());
        assertEquals("醴陵市人民政府", post(a, "李春明", "市长").org());
        // a prefecture's news that names one of its county-level cities still means the prefecture
        a = TestPages.webArticle("株洲市召开全市经济工作会议。株洲市委书记王海涛在醴陵市调研后出席会议，市委副书记、市长李春明主持会议。");
        assertEquals("株洲市人民政府", post(a, "李春明", "市长").org());
    }

    @Test
    void anAutonomousPrefecturesBodiesBy州() {
        var a = TestPages.webArticle("6月7日，红河州委书记王海涛到元阳县调研。州委副书记、州长李春明参加调研。");
        assertEquals("红河州委", post(a, "李春明", "副书记").org());
        assertEquals("红河哈尼族彝族自治州人民政府", post(a, "李春明", "州长").org());
    }

    @Test
    void formerWrittenBetweenTheBodyAndTheTitle() {
        var a = TestPages.webArticle("近日，市纪委监委通报：普定县马官镇党委原副书记杨海涛违规收受礼金，受到党内警告处分。");
        Post p = post(a, "杨海涛", "副书记");
        assertEquals("普定县马官镇党委", p.org());
        assertEquals("former", p.status());
    }

    @Test
    void aPlaceThatBeginsWith原IsNoFormerPost() {
        var a = TestPages.webArticle("6月17日，新乡市召开防汛工作会议，原阳县县长张建华作表态发言。");
        Post p = post(a, "张建华", "县长");
        assertEquals("原阳县人民政府", p.org());
        assertEquals("current", p.status());
    }
}
