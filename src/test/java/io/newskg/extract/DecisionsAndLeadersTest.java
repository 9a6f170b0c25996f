package io.newskg.extract;

import io.newskg.model.Results.ArticleResult;
import io.newskg.model.Results.Event;
import io.newskg.model.Results.Post;
import org.junit.jupiter.api.Test;

import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Appointment lists, national leaders in person and village bodies, on made-up web articles. */
class DecisionsAndLeadersTest {
    private static Post post(ArticleResult a, String name, String title) {
        return TestPages.post(a, name, title);
    }

    @Test
    void aListOfAppointmentsIsOneDecisionDatedByTheMeeting() {
        ArticleResult a = TestPages.webArticle("湖南省第十四届人民代表大会常务委员会第六次会议于2023年11月29日通过：",
                "任命王建军为湖南省科学技术厅厅长；", "任命李晓红为湖南省教育厅厅长；", "免去刘小平的湖南省教育厅厅长职务。");
        List<Event> changes = a.events().stream().filter(e -> e.type().equals("任职挂职")).toList();
        assertEquals(1, changes.size(), a.events().toString());
        assertTrue(changes.get(0).participants().containsAll(List.of("王建军", "李晓红", "刘小平")), changes.toString());
        // the page is dated 2021-06-18: the post starts on the day of the decision, not of the page
        assertEquals("2023-11-29", post(a, "王建军", "厅长").start());
        assertEquals("2023-11-29", post(a, "刘小平", "厅长").finish());
    }

    @Test
    void aNationalLeaderActingInPersonTakesPart() {
        ArticleResult a = TestPages.webArticle("6月15日，国务院副总理王海涛来到长沙市调研科技创新工作。湖南省省长李春明参加调研。");
        Event e = a.events().stream().filter(x -> x.type().equals("考察调研")).findFirst()
                .orElseThrow(() -> new AssertionError(a.events().toString()));
        assertTrue(e.participants().contains("王海涛"), e.toString());
        // cited, not present
        ArticleResult b = TestPages.webArticle("6月15日，长沙市召开会议，传达学习国务院副总理王海涛讲话精神。");
        assertTrue(b.events().stream().noneMatch(x -> x.participants().contains("王海涛")), b.events().toString());
    }

    @Test
    void centralMinistriesByTheirShortForms() {
        ArticleResult a = TestPages.webArticle("6月15日，科技部部长王海涛到长沙市调研。");
        assertEquals("中华人民共和国科学技术部", post(a, "王海涛", "部长").org());
    }

    @Test
    void aVillageCommitteeWrittenAfterAVillageTheTablesLack() {
        ArticleResult a = TestPages.webArticle("来源：桐庐县人民政府", "2月4日，镇党委书记徐海峰带领镇村干部走访慰问辖区困难群众。",
                "在芦茨村，徐海峰详细询问了老党员方大爷的身体状况。芦茨村党总支书记、村委会主任胡建国陪同走访。");
        assertEquals("芦茨村村民委员会", post(a, "胡建国", "主任").org());
    }

    @Test
    void aDepartmentsNameIsNoVillage() {
        ArticleResult a = TestPages.webArticle("近日，西秀区农业农村局原局长张海涛受到党内严重警告处分。");
        assertTrue(a.regions().stream().noneMatch(r -> r.name().startsWith("农业")), a.regions().toString());
    }

    @Test
    void aGovernorInHisProvincesNewsAndAMeetingWithGuests() {
        ArticleResult a = TestPages.webArticle("4月15日下午，湖南省委召开会议。省长王海涛在长沙会见德国客人一行。副省长李春明参加会见。");
        assertEquals("湖南省人民政府", post(a, "王海涛", "省长").org());
        assertEquals("湖南省人民政府", post(a, "李春明", "副省长").org());
        assertTrue(a.events().stream().anyMatch(e -> e.type().equals("会议") && e.participants().contains("王海涛")),
                a.events().toString());
    }

    @Test
    void theOutletsCountyStandsForTheCountyTheArticleLeavesUnnamed() {
        ArticleResult a = TestPages.webArticle("来源：仪陇县融媒体中心",
                "9月19日，县委理论学习中心组举行集体学习。县委书记王海涛主持，县委副书记、县长李春明出席。");
        assertEquals("仪陇县委", post(a, "王海涛", "书记").org());
        assertEquals("仪陇县人民政府", post(a, "李春明", "县长").org());
        // no county anywhere: the 县长 still heads a government, not the 县委
        ArticleResult b = TestPages.webArticle("9月19日，县委召开会议。县委副书记、县长李春明出席。");
        assertEquals("县人民政府", post(b, "李春明", "县长").org());
    }

    @Test
    void aNoticeBeforeAppointmentGivesCurrentAndProposedPosts() {
        ArticleResult a = TestPages.webArticle("干部任前公示", "现将拟任职干部情况公示如下：",
                "王海涛，男，1975年5月生，汉族，大学学历，现任沅陵县委常委、宣传部部长，拟任沅陵县委副书记。",
                "李春明，男，1980年3月生，现任沅陵县教育局局长，拟任沅陵县人民政府副县长人选。");
        assertEquals("current", post(a, "王海涛", "部长").status());
        assertEquals("沅陵县委宣传部", post(a, "王海涛", "部长").org());
        assertEquals("proposed", post(a, "王海涛", "副书记").status());
        Post deputy = post(a, "李春明", "副县长");
        assertEquals("沅陵县人民政府", deputy.org());
        assertEquals("proposed", deputy.status());
    }

    @Test
    void anUndatedRemovalStillReads() {
        ArticleResult a = TestPages.webArticle("会议决定：免去刘小平的沅陵县教育局局长职务。");
        assertEquals("removed", post(a, "刘小平", "局长").status());
    }

    @Test
    void anonymisedNamesOfADisciplineNotice() {
        ArticleResult a = TestPages.webArticle("近日，市纪委监委通报：普定县马官镇党委原副书记杨某某收受礼金问题。");
        assertEquals("former", post(a, "杨某某", "副书记").status());
    }

    @Test
    void aTriggerBeforeAWordThatStartsWithAUnitsCharacter() {
        // 调研科技: 科 opens 科技 here, it does not name a 调研科
        ArticleResult a = TestPages.webArticle("3月15日，湖南省副省长王海涛在长沙市调研科技工作。");
        assertTrue(a.events().stream().anyMatch(e -> e.type().equals("考察调研")), a.events().toString());
        // 宣传部长 still names the department's head, not a 宣传 event
        ArticleResult b = TestPages.webArticle("襄州区委常委、宣传部长张双成告诉记者，已有客商前来收购。");
        assertTrue(b.events().stream().noneMatch(e -> e.type().equals("宣讲")), b.events().toString());
    }
}
