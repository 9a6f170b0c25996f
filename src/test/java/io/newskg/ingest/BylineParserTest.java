package io.newskg.ingest;

import io.newskg.model.Byline;
import org.junit.jupiter.api.Test;

import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

class BylineParserTest {

    private static List<String> pairs(List<Byline> bs) {
        return bs.stream().map(b -> b.name() + "/" + b.role()).toList();
    }

    @Test
    void reporterAndCorrespondents() {
        String s = "□ 本报记者 赵明远 通讯员 钱小雨 孙立";
        List<Byline> bs = BylineParser.parse(s, 100);
        assertEquals(List.of("赵明远/记者", "钱小雨/通讯员", "孙立/通讯员"), pairs(bs));
        Byline b = bs.get(0);
        assertEquals("赵明远", s.substring(b.begin() - 100, b.end() - 100));
    }

    @Test
    void traineeReporterIsNotReporter() {
        assertEquals(List.of("周晓晴/见习记者", "吴刚/通讯员"), pairs(BylineParser.parse("□见习记者 周晓晴 通讯员 吴刚", 0)));
    }

    @Test
    void fullWidthSpacesAndEnumerationComma() {
        assertEquals(List.of("郑一帆/记者", "王二/记者"), pairs(BylineParser.parse("本报记者\u3000郑一帆、王二", 0)));
    }

    @Test
    void datelineCredits() {
        String s = "本报讯(记者 冯子健 通讯员 陈默 褚一)5月3日,某县召开会议。";
        assertEquals(List.of("冯子健/记者", "陈默/通讯员", "褚一/通讯员"), pairs(BylineParser.parseDateline(s, 0)));
        assertTrue(BylineParser.startsWithDateline(s));
        assertTrue(BylineParser.startsWithDateline("某市讯 6月1日,全市开展活动。"));
        assertFalse(BylineParser.startsWithDateline("6月1日,全市开展活动。"));
    }

    @Test
    void photoCredits() {
        assertEquals(List.of("卫青/摄影"), pairs(BylineParser.parse("卫青 摄", 0)));
        assertEquals(List.of("蒋红霞/摄影"), pairs(BylineParser.parse("本报记者 蒋红霞 摄", 0)));
        String caption = "近日,某社区组织志愿者为老人理发。 本报记者 沈思远 摄";
        assertEquals(List.of("沈思远/摄影"), pairs(BylineParser.parseTail(caption, 0)));
        int at = BylineParser.gluedCreditStart(caption);
        assertEquals(caption.indexOf("本报记者"), at);
        assertEquals(List.of("韩梅/摄影"), pairs(BylineParser.parseTail("志愿者上门服务受到好评。韩梅 摄", 0)));
        // a sentence that merely ends on 摄 is no credit
        assertEquals(-1, BylineParser.gluedCreditStart("学员们在老师指导下练习拍摄"));
    }

    @Test
    void sourceAndContributor() {
        assertEquals(List.of("某某日报/来源"), pairs(BylineParser.parse("(据《某某日报》)", 0)));
        assertEquals(List.of("新华社/来源"), pairs(BylineParser.parse("(据新华社)", 0)));
        assertEquals(List.of("市委宣传部/供稿单位"), pairs(BylineParser.parse("(市委宣传部供稿)", 0)));
        assertEquals(List.of("县融媒体中心/供稿单位"), pairs(BylineParser.parse("(县融媒体中心 供稿)", 0)));
    }

    @Test
    void authorLines() {
        assertTrue(BylineParser.isAuthorLine("◎ 杨柳青"));
        assertTrue(BylineParser.isAuthorLine("□ 杨柳青"));
        assertFalse(BylineParser.isAuthorLine("□ 本报记者 杨柳青"));
        assertFalse(BylineParser.isAuthorLine("◎ 乡村振兴大家谈"));
        assertEquals(List.of("杨柳青/作者"), pairs(BylineParser.parseAuthor("◎ 杨柳青", 0)));
    }

    @Test
    void trailingBracketCredit() {
        assertEquals(List.of("许多/记者"), pairs(BylineParser.parseTail("活动持续到下午五点。(本报记者 许多)", 0)));
    }

    @Test
    void paddedTwoCharNames() {
        assertEquals(List.of("林森/记者"), pairs(BylineParser.parse("本报记者 林 森", 0)));
        assertEquals(List.of("钱学文/记者", "周平/记者"), pairs(BylineParser.parse("本报记者 钱学文 周 平", 0)));
        assertEquals(List.of("钱学文/记者", "周平/记者"), pairs(BylineParser.parse("本报记者\u3000钱学文\u3000周\u3000平", 0)));
        String s = "记者 李 响 通讯员 马红梅";
        List<Byline> bs = BylineParser.parse(s, 0);
        assertEquals(List.of("李响/记者", "马红梅/通讯员"), pairs(bs));
        // the offsets span the printed name, the space included
        assertEquals("李 响", s.substring(bs.get(0).begin(), bs.get(0).end()));
    }

    @Test
    void outletReporterLines() {
        assertEquals(LineKind.BYLINE, LineKind.of("新华社记者 唐宁 高 远"));
        assertEquals(List.of("唐宁/记者", "高远/记者"), pairs(BylineParser.parse("新华社记者 唐宁 高 远", 0)));
        assertEquals(LineKind.BYLINE, LineKind.of("某某日报记者 方圆"));
        assertEquals(List.of("方圆/记者"), pairs(BylineParser.parse("某某日报记者 方圆", 0)));
    }

    @Test
    void agencyDatelinesNameTheSource() {
        String s = "新华社杭州5月6日电（记者 方远）5日，某市召开会议。";
        assertTrue(BylineParser.startsWithDateline(s));
        assertEquals(List.of("方远/记者"), pairs(BylineParser.parseDateline(s, 0)));
        assertEquals(List.of("新华社/来源"), pairs(BylineParser.parseAgency(s, 0)));
        assertEquals(List.of("方远/记者"), pairs(BylineParser.parseDateline("新华社杭州5月6日电（记者方远）5日，某市召开会议。", 0)));
        assertEquals(List.of("东方网/来源"), pairs(BylineParser.parseAgency("东方网上海3月1日电 据某区消息，某区启动试点。", 0)));
        assertEquals(List.of("某某网/来源"), pairs(BylineParser.parseAgency("某某网消息（晚间新闻）：某会议今天闭幕。", 0)));
        // the paper itself names no outlet; a plain lead names none
        assertEquals(List.of(), pairs(BylineParser.parseAgency("本报北京5月6日电（记者 方远）5日，某部召开会议。", 0)));
        assertEquals(List.of(), pairs(BylineParser.parseAgency("5月6日，某市电视台举办开放日活动。", 0)));
    }

    @Test
    void fullWidthBrackets() {
        assertEquals(List.of("某某晚报/来源"), pairs(BylineParser.parse("（据《某某晚报》）", 0)));
        assertEquals(List.of("市科协/供稿单位"), pairs(BylineParser.parse("（市科协供稿）", 0)));
        assertEquals(LineKind.SOURCE, LineKind.of("（来源：某某晚报）"));
        assertEquals(List.of("许多/记者"), pairs(BylineParser.parseTail("活动持续到下午五点。（本报记者 许多）", 0)));
        assertEquals(List.of("冯子健/记者", "陈默/通讯员"),
                pairs(BylineParser.parseDateline("本报讯（记者 冯子健 通讯员 陈默）5月3日，某县召开会议。", 0)));
    }

    @Test
    void neverThrowsOnOddInput() {
        for (String s : new String[] {"", " ", "□", "摄", "(供稿)", "本报讯()", "记者", "\u3000\u3000", "记者 李 ", "李 响",
                "新华社电", "来源：", "《》（）", "发布时间：0000-00-00"}) {
            BylineParser.parse(s, 0);
            BylineParser.parseAgency(s, 0);
            WebPage.credits(s, 0);
            WebPage.date(s);
            BylineParser.parseTail(s, 0);
            BylineParser.parseDateline(s, 0);
        }
    }
}
