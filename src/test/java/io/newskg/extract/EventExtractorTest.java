package io.newskg.extract;

import io.newskg.model.Results.ArticleResult;
import io.newskg.model.Results.Event;
import org.junit.jupiter.api.Test;

import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** How events are read from made-up articles (no seed sentences). */
class EventExtractorTest {
    private static List<Event> events(String body) {
        return TestPages.article(body).events();
    }

    private static EventExtractor.SentenceFacts plain(String text) {
        return new EventExtractor.SentenceFacts(0, text.length(), text, 0, text.length(), List.of(), List.of(), List.of());
    }

    @Test
    void aPlaceEndsWithAPlaceWordAndStopsAtTheAction() {
        EventExtractor x = TestPages.extractor().events;
        EventExtractor.Place p = x.place(plain("近日,宣讲团来到青山区职工文化活动中心开展宣讲。"));
        assertNotNull(p);
        assertEquals("青山区职工文化活动中心", p.text());
        assertNull(x.place(plain("在认真研究当前工作的难点后,迅速建立了台账。")), "a circumstance is no place");
        assertNull(x.place(plain("在社区治理中,采取了新的服务模式。")), "在…中 frames, it does not place");
        assertNull(x.place(plain("一直在市直机关工作的她,经历相对单一。")), "a place describing someone");
        assertNull(x.place(plain("他的建议得到了采纳。")), "得到 is no movement");
    }

    @Test
    void theObjectTellsTheKind() {
        EventExtractor x = TestPages.extractor().events;
        assertEquals("培训", x.types("村党支部书记请来专家为农户讲授大棚种植技术。").get(0)[0]);
        assertEquals("宣讲", x.types("他为全体职工讲授了一堂专题党课。").get(0)[0]);
        assertEquals("志愿服务", x.types("开展法律宣传进社区、志愿服务活动。").get(0)[0], "the trigger naming the activity wins");
        assertTrue(x.types("市委宣传部负责人出席。").isEmpty(), "宣传 inside 宣传部 is a name");
        assertTrue(x.types("“大家一起来,召开好大会,日子越过越红火”,歌声传遍村庄。").isEmpty(), "speech is not a report");
    }

    @Test
    void oneEventToldOverSeveralSentences() {
        List<Event> es = events("""
                11月3日,包头市固阳县开展疫情防控应急演练。演练在固阳县金山镇卫生院举行,县卫健委工作人员王建军现场指导。

                演练结束后,县卫健委对疫情防控工作进行了总结。
                """);
        List<Event> control = es.stream().filter(e -> e.type().equals("疫情防控")).toList();
        assertEquals(1, control.size(), es.toString());
        Event e = control.get(0);
        assertEquals("11月3日", e.date());
        assertEquals("金山镇", e.region(), "the place named later in the story is where it happened");
    }

    @Test
    void eventsOnDifferentDaysOrAtDifferentPlacesStayApart() {
        List<Event> es = events("""
                6月9日,包头市博物馆讲解员团队走进包头市第九中学,为学生宣讲英雄事迹。

                同日,包头市博物馆讲解员团队走进包头市第二中学,为学生宣讲英雄事迹。

                6月12日,包头市博物馆讲解员团队走进包头市青山区实验小学宣讲。
                """);
        List<Event> talks = es.stream().filter(e -> e.type().equals("宣讲")).toList();
        assertEquals(3, talks.size(), es.toString());
        assertEquals(List.of("6月9日", "6月9日", "6月12日"), talks.stream().map(Event::date).toList());
    }

    @Test
    void theSameActorsGoingOnToTheNextPlace() {
        List<Event> es = events("""
                11月21日,自治区宣讲团到包头市固阳县宣讲党的二十大精神。

                随后,自治区宣讲团还深入固阳县金山镇,与当地干部群众进行互动交流。
                """);
        assertEquals(2, es.size(), es.toString());
        assertEquals("宣讲", es.get(1).type(), "the next stop is the same kind of event");
        assertEquals("金山镇", es.get(1).region());
    }

    @Test
    void aSubheadingOpensAnotherStory() {
        List<Event> es = events("""
                近日,包头市固阳县金山镇干部走进农户家中宣讲党的二十大精神,镇宣传委员王建军介绍了做法。

                “小院课堂”暖人心

                近日,在固阳县兴顺西镇文化广场,一场别开生面的学习会正在进行。镇党委书记李卫东为干部群众宣讲,宣讲让大家听得懂。

                “这样的学习方式很接地气,大家都愿意来。”一位老党员说。

                下一步,当地将继续创新学习形式,推动党的二十大精神深入人心。
                """);
        List<Event> talks = es.stream().filter(e -> e.type().equals("宣讲")).toList();
        assertEquals(2, talks.size(), es.toString());
        assertEquals("兴顺西镇", talks.get(1).region(), "the section's scene is where its event happened");
    }

    @Test
    void aCityPapersPageSpeaksOfItsCity() {
        io.newskg.gazetteer.Gazetteer g = io.newskg.gazetteer.Gazetteer.get();
        io.newskg.gazetteer.Region baotou = g.byCode("150200"), hohhot = g.byCode("150100");
        ArticleContext onBaotou = new ArticleContext(g, null, List.of(new io.newskg.gazetteer.RegionMention("包头市", 0, 3, baotou, 1)));
        ArticleContext onHohhot = new ArticleContext(g, null, List.of(new io.newskg.gazetteer.RegionMention("呼和浩特市", 0, 5, hohhot, 1)));
        ArticleContext onNothing = new ArticleContext(g, null, List.of());
        assertEquals(baotou, ArticleContext.pagePrefecture(List.of(onBaotou, onBaotou, onHohhot, onNothing)));
        assertNull(ArticleContext.pagePrefecture(List.of(onBaotou, onHohhot)), "a mixed page has no city");
        assertNull(ArticleContext.pagePrefecture(List.of(onBaotou, onNothing)), "one article is no page majority");
    }

    @Test
    void aPronounStandsForThePersonJustNamed() {
        List<Event> es = events("""
                在固阳县金山镇挂职任副镇长的李春梅是受益者之一。今年9月,县里举办广场舞大赛,她第一时间组织镇干部参与。
                """);
        Event contest = es.stream().filter(e -> e.type().equals("比赛")).findFirst().orElse(null);
        assertNotNull(contest, es.toString());
        assertEquals(List.of("李春梅"), contest.participants());
    }

    @Test
    void aDestinationWrittenWithAProvincesOneCharacterName() {
        EventExtractor x = TestPages.extractor().events;
        EventExtractor.Place p = x.place(plain("市长王建国今天率经贸考察团抵台，开展采购洽谈。"));
        assertNotNull(p);
        assertEquals("台湾省", p.region().name());
        assertEquals("北京市", x.place(plain("县委书记刘志强赴京参加培训。")).region().name());
        assertNull(x.place(plain("货物到港后即可分拣。")), "港 after 到 is a port, and 到 is not read before a one-character name");
        assertNull(x.place(plain("他走到台前发言。")), "台 is Taiwan only after a movement to it");
    }

    @Test
    void todayWithTheDayInBracketsTakesTheMonthOfTheReport() {
        java.time.LocalDate dated = java.time.LocalDate.of(2011, 2, 16);
        assertEquals("2月15日", EventExtractor.dateOf("南京市长今（15）日率团抵台。", null, dated));
        assertEquals("1月30日", EventExtractor.dateOf("考察团今(30)日抵达。", null, java.time.LocalDate.of(2011, 2, 2)),
                "a day past the report's is of the month before");
        assertNull(EventExtractor.dateOf("南京市长今（15）日率团抵台。", null, null), "undated reports leave it undated");
        assertNull(EventExtractor.dateOf("新华社重庆8月23日电 日前，总理在重庆考察。", null, dated),
                "a dateline dates the report, not the visit");
    }

    @Test
    void datesAsWrittenWithYearsMonthsAndBareDays() {
        assertEquals("2017年10月", EventExtractor.dateOf("2017年10月，镇党委选定他任村党支部书记。", null));
        assertEquals("今年4月份", EventExtractor.dateOf("今年4月份，镇里组织党员结对帮扶。", null));
        assertEquals("2016年", EventExtractor.dateOf("2016年，镇党委到村里物色人选。", null));
        assertNull(EventExtractor.dateOf("2016年是脱贫攻坚的关键一年。", null), "a year that is the subject is no date");
        assertEquals("4月8日", EventExtractor.dateOf("8日下午，超市采购经理来到村里。", "4月8日"), "a bare day takes the month told before");
        assertEquals("2017年10月9日", EventExtractor.dateOf("9日上午，专家来到田间。", "2017年10月"));
        assertEquals("24日", EventExtractor.dateOf("常委会会议24日下午在北京闭幕。", null), "without a month it stays as written");
        assertNull(EventExtractor.dateOf("新华社北京24日电 会议闭幕。", null), "a dateline's day dates the report");
    }

    @Test
    void aSentenceTimedByTheEventBeforeItHappenedThatDay() {
        List<Event> es = events("""
                11月16日下午，县农科院王建国院长主持召开座谈交流会，就种业合作进行交流。

                交流会前，县农科院副院长李志明陪同市种子站站长赵德华一行参观考察了育种基地。
                """);
        Event visit = es.stream().filter(e -> e.type().equals("考察调研")).findFirst().orElse(null);
        assertNotNull(visit, es.toString());
        assertEquals("11月16日", visit.date(), "会前 places it on the meeting's day");
        assertTrue(visit.participants().contains("赵德华"), visit.toString());
    }

    @Test
    void anOutletNamingItselfAsTheSourceOrganisesNothing() {
        List<Event> es = events("""
                新华网北京3月2日电 据河北省纪委监委消息，石家庄市原副市长张建国涉嫌严重违纪违法，目前正接受河北省纪委监委纪律审查和监察调查。
                """);
        assertEquals(1, es.size(), es.toString());
        Event e = es.get(0);
        assertTrue(e.organizers().stream().noneMatch(o -> o.contains("新华")), e.toString());
        assertEquals("河北省", e.region(), "the investigating body's region, not the place describing the official");
    }

    @Test
    void twoMeetingsOnOneDayWithOtherPeopleStayApart() {
        List<Event> es = events("""
                5月6日上午，襄阳市人民政府召开协调会，襄阳市副市长刘建华主持会议。

                6日上午，襄州区委书记孙立平、区长周文斌召开紧急会议，研究应对措施。
                """);
        List<Event> meetings = es.stream().filter(e -> e.type().equals("会议")).toList();
        assertEquals(2, meetings.size(), es.toString());
        assertEquals("5月6日", meetings.get(1).date());
        assertTrue(meetings.get(1).participants().contains("孙立平") && !meetings.get(1).participants().contains("刘建华"));
    }

    @Test
    void changesListedOnePerSentenceInARowAreOneDecision() {
        List<Event> es = events("""
                省人大常委会第十次会议12日下午在省城闭幕。会议决定免去张明华的省财政厅厅长职务，任命刘国强为省财政厅厅长。

                会议表决通过了关于修改地方性法规的决定。

                会议经表决，免去李卫东的省水利厅厅长职务。

                会议经表决，任命赵文斌为省水利厅厅长。
                """);
        List<Event> changes = es.stream().filter(e -> e.type().equals("任职挂职")).toList();
        assertEquals(2, changes.size(), es.toString());
        assertTrue(changes.get(1).participants().containsAll(List.of("李卫东", "赵文斌")), changes.toString());
        assertTrue(!changes.get(0).participants().contains("李卫东"), "a sentence between them keeps them apart");
    }

    @Test
    void namedPeopleGoingToANamedPlaceOnADayIsAnOccurrence() {
        List<Event> es = events("""
                5月9日上午，襄阳市农产品交易中心董事长林天真来到襄州区黄集镇黄集村3组包菜地，与菜农共商对策。
                """);
        assertEquals(1, es.size(), es.toString());
        assertEquals("其他", es.get(0).type());
        assertEquals("5月9日", es.get(0).date());
        assertEquals("黄集村", es.get(0).region());
        assertTrue(events("林天真来到黄集村3组包菜地，与菜农共商对策。").isEmpty(), "undated, it tells no occurrence");
    }

    @Test
    void aFeatureStoryMovesOnFromAnEventAfterParagraphsOfOtherThings() {
        List<Event> es = events("""
                11月3日，溆浦县北斗溪镇茅坡村召开村民代表会议，村党支部书记梁志杰主持会议。

                老书记宋光才回忆起当年的情形，村民陈立勇也讲起了往事。

                村民小组长徐兴明一户一户做工作，很多村民都表达了支持。

                预备党员梁文永也加入进来，帮着老人整理房前屋后。
                """);
        Event meeting = es.stream().filter(e -> e.type().equals("会议")).findFirst().orElse(null);
        assertNotNull(meeting, es.toString());
        assertTrue(meeting.participants().contains("梁志杰"), meeting.toString());
        assertTrue(!meeting.participants().contains("梁文永"), "three paragraphs on, the story is about other things: " + meeting);
    }

    @Test
    void aPlanIsNoOccurrenceButADatedAnnouncementIs() {
        EventExtractor x = TestPages.extractor().events;
        assertTrue(x.types("双方将通过经常性开展对接洽谈会等形式，促进两地对接。").isEmpty(), "将… with no day: a plan");
        assertEquals("会议", x.types("南京团明天上午将参加招商说明会。").get(0)[0], "an announced meeting with its day");
        assertEquals("其他", x.types("8月27日,派出所民警经过多日摸排,成功将在逃人员抓获。").get(0)[0], "将 marking the object");
    }

    @Test
    void aMeetingIsNotSwallowedByTheOccurrenceToldBeforeIt() {
        List<Event> es = events("""
                今年4月，烟台市芝罘区纪委监委接到举报，称区人社局工作人员李明远冒领费用，区纪委监委立即成立调查组调查核实。

                芝罘区纪委监委查明系诬告，并为李明远专门召开了澄清正名会议。
                """);
        assertTrue(es.stream().anyMatch(e -> e.type().equals("会议") && e.participants().contains("李明远")), es.toString());
        assertTrue(es.stream().anyMatch(e -> e.type().equals("其他") && "今年4月".equals(e.date())), es.toString());
    }

    @Test
    void anArticleAboutOneVillagePlacesItsUnplacedEventsThere() {
        List<Event> es = events("""
                溆浦县北斗溪镇茅坡村这几年变化很大，茅坡村的党员干部带头干。

                北斗溪镇党委高度重视，北斗溪镇党委多次研究。80后党员梁志杰担任了村党支部书记。
                """);
        Event change = es.stream().filter(e -> e.type().equals("任职挂职")).findFirst().orElse(null);
        assertNotNull(change, es.toString());
        assertEquals("茅坡村", change.region(), change.toString());
    }

    @Test
    void whatWasStressedOrACauseIsNoEvent() {
        EventExtractor x = TestPages.extractor().events;
        assertEquals("考察调研", x.types("总理赶赴受灾地区考察，强调要做好防汛救灾工作。").get(0)[0]);
        assertEquals(1, x.types("总理赶赴受灾地区考察，强调要做好防汛救灾工作。").size(), "防汛 is what he stressed");
        assertTrue(x.types("企业克服疫情等影响，产销逆势上扬。").isEmpty(), "疫情 here is a cause");
        assertTrue(x.types("受疫情影响，订单有所减少。").isEmpty());
        assertEquals("会议", x.types("2014扬州国际医学园发展论坛在扬州举行。").get(0)[0], "a forum is a meeting");
        assertEquals("其他", x.types("省纪委监委对其进行纪律审查和监察调查。").get(0)[0]);
    }
}
