package io.newskg.extract;

import io.newskg.model.Results.ArticleResult;
import io.newskg.model.Results.Organization;
import org.junit.jupiter.api.Test;

import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Organisations named outside posts, on made-up articles (no seed sentences). */
class OrganizationTest {
    private static List<String> organizations(String body) {
        return TestPages.article(body).organizations().stream().map(Organization::name).toList();
    }

    @Test
    void ordinalInsideAName() {
        // the segmenter tags 第一 mq here, apart from the unit it numbers
        List<String> orgs = organizations("鄂尔多斯市税务局第一稽查局近日召开会议。");
        assertTrue(orgs.contains("国家税务总局鄂尔多斯市税务局第一稽查局"), orgs.toString());
    }

    @Test
    void captionOpeningWordIsNotPartOfTheName() {
        List<String> orgs = organizations("鄂托克旗干部下沉社区一线。图为旗妇联干部在小区门口值守。");
        assertTrue(orgs.contains("鄂托克旗妇女联合会"), orgs.toString());
        assertFalse(orgs.stream().anyMatch(o -> o.contains("图为")), orgs.toString());
    }

    @Test
    void kindergartenIsAUnit() {
        List<String> orgs = organizations("近日,赛罕区第一幼儿园开展了消防安全演练活动。");
        assertTrue(orgs.contains("呼和浩特市赛罕区第一幼儿园"), orgs.toString());
    }

    @Test
    void quotedTeamNames() {
        List<String> orgs = organizations("近日,“小红帽”志愿服务队走进敬老院,为老人打扫卫生。");
        assertTrue(orgs.contains("“小红帽”志愿服务队"), orgs.toString());
        orgs = organizations("锡林郭勒边境管理支队组织“草原红”宣讲团深入牧区宣讲。");
        assertTrue(orgs.contains("锡林郭勒边境管理支队“草原红”宣讲团"), orgs.toString());
        orgs = organizations("阿拉善边境管理支队组建“驼铃宣讲队”,走进牧户家中宣讲政策。");
        assertTrue(orgs.contains("阿拉善边境管理支队“驼铃宣讲队”"), orgs.toString());
        orgs = organizations("社区开展“党员先锋岗”评选活动。");
        assertTrue(orgs.isEmpty(), orgs.toString());
    }

    @Test
    void quotesAreDroppedWhenTheNameIsAlsoWrittenBare() {
        List<String> orgs = organizations("今年以来,“青年理论宣讲团”累计开展宣讲50余场。青年理论宣讲团成员多为机关年轻干部。");
        assertTrue(orgs.contains("青年理论宣讲团"), orgs.toString());
        assertFalse(orgs.contains("“青年理论宣讲团”"), orgs.toString());
    }

    @Test
    void vanguardTeamOfTheDetachment() {
        List<String> orgs = organizations("疫情发生后,阿拉善边境管理支队三十余名党员民警组成党员先锋队,坚守在防疫一线。");
        assertTrue(orgs.contains("阿拉善边境管理支队党员先锋队"), orgs.toString());
    }

    @Test
    void aWholeSystemIsNotOneBody() {
        List<String> orgs = organizations("自治区政协召开会议。全区政协系统利用政协网站开展学习。");
        assertEquals(List.of("内蒙古自治区政协"), orgs);
    }

    @Test
    void countedUnitsAreAKindNotABody() {
        List<String> orgs = organizations("赤峰市政协召开会议。全市建立了一批“政协工作联络站”。");
        assertEquals(List.of("赤峰市政协"), orgs);
        orgs = organizations("包头市公安局召开会议。包头市建成了30个公安局警务工作站。");
        assertEquals(List.of("包头市公安局"), orgs);
        orgs = organizations("阿拉善边境管理支队成立了两支党员先锋队。");
        assertEquals(List.of("阿拉善边境管理支队"), orgs);
    }

    @Test
    void partyGroupNamedByTheBodysHead() {
        List<String> orgs = organizations("呼伦贝尔市中级人民法院组织干警下沉社区。院党组第一时间部署防疫工作。");
        assertTrue(orgs.contains("呼伦贝尔市中级人民法院党组"), orgs.toString());
        orgs = organizations("乌海市交通运输局召开会议。局党组认真研究部署。");
        assertTrue(orgs.contains("乌海市交通运输局党组"), orgs.toString());
        orgs = organizations("鄂尔多斯市政协党组、机关党组分别召开专题会议。");
        assertTrue(orgs.contains("鄂尔多斯市政协机关党组"), orgs.toString());
        orgs = organizations("社区召开会议。院党组认真研究部署。");
        assertTrue(orgs.isEmpty(), orgs.toString());
    }

    @Test
    void shortFormsOfWholeBodies() {
        List<String> orgs = organizations("广大党员干部表示,要坚决拥护党中央决策部署。");
        assertEquals(List.of("中国共产党中央委员会"), orgs);
        orgs = organizations("近日,包头市总工会开展送温暖活动。");
        assertEquals(List.of("包头市总工会"), orgs);
        orgs = organizations("近日,赤峰市团委组织青年志愿者走进社区。");
        assertEquals(List.of("共青团赤峰市委员会"), orgs);
    }

    @Test
    void andInsideOneName() {
        List<String> orgs = organizations("近日,乌海市工业和信息化局组织企业座谈。");
        assertEquals(List.of("乌海市工业和信息化局"), orgs);
        orgs = organizations("近日,通辽市政协文化文史和学习委员会组织委员调研。");
        assertEquals(List.of("通辽市政协文化文史和学习委员会"), orgs);
        // two bodies joined by 和 stay two
        orgs = organizations("近日,赤峰市教育局和卫生健康委员会联合开展检查。");
        assertFalse(orgs.stream().anyMatch(o -> o.contains("和")), orgs.toString());
    }

    @Test
    void workCommitteeShortForm() {
        List<String> orgs = organizations("鄂尔多斯市人大常委会法工委开展立法调研。");
        assertEquals(List.of("鄂尔多斯市人大常委会法制工作委员会"), orgs);
    }

    @Test
    void railwayUnitsAndTheirParents() {
        List<String> orgs = organizations("近日,呼和浩特铁路局集宁车务段组织职工开展应急演练。");
        assertEquals(List.of("呼和浩特铁路局", "呼和浩特铁路局集宁车务段"), orgs);
        orgs = organizations("近日,呼和浩特铁路局呼和浩特客运段北京车队开展“温馨旅途”服务活动。");
        assertTrue(orgs.contains("呼和浩特铁路局呼和浩特客运段北京车队"), orgs.toString());
        assertTrue(orgs.contains("呼和浩特铁路局呼和浩特客运段"), orgs.toString());
    }

    @Test
    void townshipOfACityDistrictNamedWithTheCity() {
        List<String> orgs = organizations("近日,赛罕区敕勒川路街道办事处组织干部走访困难群众。");
        assertEquals(List.of("呼和浩特市赛罕区敕勒川路街道办事处"), orgs);
        // a banner's township keeps the banner alone
        orgs = organizations("近日,达拉特旗树林召镇人民政府组织干部走访困难群众。");
        assertEquals(List.of("达拉特旗树林召镇人民政府"), orgs);
    }

    @Test
    void teamsABodySendsAndTheirPartyBranch() {
        List<String> orgs = organizations("疫情发生后,自治区民政厅下沉工作组进驻社区,立即成立临时党支部,带领居民抗疫。");
        assertTrue(orgs.contains("内蒙古自治区民政厅下沉工作组"), orgs.toString());
        assertTrue(orgs.contains("内蒙古自治区民政厅下沉工作组临时党支部"), orgs.toString());
        orgs = organizations("包头市委组织部驻村工作队走访农户。");
        assertTrue(orgs.contains("包头市委组织部驻村工作队"), orgs.toString());
        // a verb that is the sentence's predicate is not part of the team's name
        orgs = organizations("自治区民政厅派出工作组赴灾区。");
        assertEquals(List.of("内蒙古自治区民政厅"), orgs);
    }

    @Test
    void prepositionGluedToAName() {
        List<String> orgs = organizations("自治区民政厅下沉工作组进驻社区,决定将临时党支部设在物业办公室。");
        assertTrue(orgs.contains("内蒙古自治区民政厅下沉工作组临时党支部"), orgs.toString());
        assertFalse(orgs.stream().anyMatch(o -> o.contains("将")), orgs.toString());
    }

    @Test
    void stateFarmIsAUnit() {
        List<String> orgs = organizations("近日,呼伦贝尔农垦集团谢尔塔拉农场开展职工技能比赛。");
        assertEquals(List.of("呼伦贝尔农垦集团谢尔塔拉农场"), orgs);
    }

    @Test
    void partySchoolOfTheLocalCommittee() {
        List<String> orgs = organizations("近日,包头市委党校举办中青年干部培训班。");
        assertEquals(List.of("中共包头市委党校"), orgs);
        // named bare before the article names the committee whose school it is
        orgs = organizations("学员们说,党校的课程讲得透彻。近日,乌兰浩特市委组织部举办年轻干部培训班。");
        assertTrue(orgs.contains("中共乌兰浩特市委党校"), orgs.toString());
        // no committee named: whose school is unknown
        orgs = organizations("阿拉善边境管理支队邀请党校专家授课。");
        assertEquals(List.of("阿拉善边境管理支队"), orgs);
    }

    @Test
    void thatUnitIsTheOneNamedBefore() {
        String body = "阿拉善边境管理支队坚持党建引领。8月5日,额济纳旗突发疫情,该支队五十余名党员民警组成党员先锋队,日夜奋战在抗疫一线。";
        ArticleResult a = TestPages.article(body);
        assertFalse(a.organizations().stream().anyMatch(o -> o.name().contains("该")), a.organizations().toString());
        // 该支队 names the detachment in its sentence: it organised what the sentence tells
        assertTrue(a.events().stream().anyMatch(e -> e.organizers().contains("阿拉善边境管理支队")), a.events().toString());
    }

    @Test
    void aProvincesSocietyTakesTheProvincesFullName() {
        List<String> orgs = webOrganizations("6月17日，副省长刘建华到安徽建筑业促进会调研，安徽大学、安徽日报社负责人参加。");
        assertTrue(orgs.contains("安徽省建筑业促进会"), orgs.toString());
        // a university or a paper is named with the bare stem
        assertTrue(orgs.contains("安徽大学"), orgs.toString());
        assertFalse(orgs.contains("安徽省大学"), orgs.toString());
    }

    private static List<String> webOrganizations(String... paragraphs) {
        return TestPages.webArticle(paragraphs).organizations().stream().map(Organization::name).toList();
    }

    private static List<String> webPosts(String... paragraphs) {
        return TestPages.webArticle(paragraphs).officials().stream()
                .flatMap(o -> o.posts().stream().map(p -> o.name() + "|" + p.title() + "|" + p.org())).toList();
    }

    @Test
    void provinceFromTwoCharacterNamesExpandsItsBodies() {
        // no province and no three-character place named: 萧山 and 杭州 say Zhejiang
        List<String> orgs = webOrganizations("省供销社副主任王一鸣来到杭州国际博览中心，萧山萝卜干品牌受到关注。",
                "他指出，萧山供销社结合城市化进程推进为农服务。");
        assertTrue(orgs.contains("浙江省供销合作社联合社"), orgs.toString());
        assertTrue(orgs.contains("杭州市萧山区供销合作社联合社"), orgs.toString());
        assertFalse(orgs.contains("杭州市国际博览中心"), orgs.toString());
    }

    @Test
    void partyCommitteeAndGovernmentOfAPlace() {
        List<String> orgs = webOrganizations("重庆市涪陵区委书记赵一鸣说，就涪陵党委政府来讲，我们特别重视这个产业。");
        assertTrue(orgs.contains("重庆市涪陵区委"), orgs.toString());
        assertTrue(orgs.contains("重庆市涪陵区人民政府"), orgs.toString());
        assertFalse(orgs.stream().anyMatch(o -> o.contains("党委政府")), orgs.toString());
    }

    @Test
    void bodiesOfACountySinceTurnedDistrictKeepTheirName() {
        List<String> posts = webPosts("据广东省纪委监委消息，王一鸣涉嫌严重违纪违法。", "王一鸣简历",
                "王一鸣，男，1953年1月出生，汉族，广东江门人", "1991年4月任珠海市委常委；", "1992年6月任珠海市委常委，斗门县委书记；");
        assertTrue(posts.contains("王一鸣|书记|斗门县委"), posts.toString());
    }

    @Test
    void taiwanCountyGovernmentIsNoPeoplesGovernment() {
        List<String> posts = webPosts("河南省参访团抵达台湾。6月19日，参访团来到南投县，南投县县长赵一鸣陪同参观。");
        assertTrue(posts.contains("赵一鸣|县长|南投县政府"), posts.toString());
    }

    @Test
    void wirePlaceIsNoRegionAndALevelWordNamesTheProvince() {
        var a = TestPages.webArticle("人民网北京8月22日电 据浙江省纪委监委消息，杭州市萧山区供销社主任赵一鸣接受审查。");
        List<String> regions = a.regions().stream().map(r -> r.name()).toList();
        assertFalse(regions.contains("北京市"), regions.toString());
        assertTrue(regions.contains("萧山区"), regions.toString());
        a = TestPages.webArticle("省供销社副主任赵一鸣来到杭州调研，萧山供销社结合城市化进程推进为农服务。");
        assertTrue(a.regions().stream().anyMatch(r -> r.name().equals("浙江省") && r.asWritten().equals("省")), a.regions().toString());
    }

    @Test
    void disciplineAndSupervisoryCommissionsAreTwoBodies() {
        List<String> orgs = webOrganizations("据广东省纪委监委消息，赵一鸣涉嫌严重违纪违法，目前正接受审查调查。");
        assertTrue(orgs.contains("广东省纪委"), orgs.toString());
        assertTrue(orgs.contains("广东省监委"), orgs.toString());
    }
}
