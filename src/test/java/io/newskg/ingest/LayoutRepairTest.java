package io.newskg.ingest;

import io.newskg.model.MappedText;
import org.junit.jupiter.api.Test;

import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

class LayoutRepairTest {

    private static List<MappedText> paragraphs(String page) {
        return LayoutRepair.paragraphs(Line.of(page));
    }

    @Test
    void rejoinsWordSplitOverBlankLine() {
        String page = "春耕时节,农技人员走进田间地头,手把手教农户科学施肥,大家一边听一边认真记\n\n"
                + "下要点,表示受益匪浅。\n\n下一段从这里开始,讲的是另一件事情。";
        List<MappedText> ps = paragraphs(page);
        assertEquals(2, ps.size());
        assertTrue(ps.get(0).text().endsWith("认真记下要点,表示受益匪浅。"));
        assertEquals("下一段从这里开始,讲的是另一件事情。", ps.get(1).text());
    }

    @Test
    void joinedTextMapsBackToOriginalOffsets() {
        String page = "今年以来,该镇组织志愿者开展环境整治活动,清理垃圾、修整道路,用行动践\n\n行为民承诺。\n";
        MappedText p = paragraphs(page).get(0);
        int at = p.text().indexOf("行为民");
        assertEquals(page.indexOf("行为民"), p.origin(at));
        int jian = p.text().indexOf('践');
        assertEquals(page.indexOf('践'), p.origin(jian));
        // every char of the repaired text is the char at its original offset
        for (int i = 0; i < p.length(); i++) assertEquals(page.charAt(p.origin(i)), p.text().charAt(i));
        assertEquals(page.indexOf('。') + 1, p.originEnd(p.length()));
    }

    @Test
    void keepsParagraphsThatEnd() {
        String page = "第一段讲完了这件事情,说得清清楚楚。\n\n第二段另起一行,讲述新的内容和新的做法。";
        assertEquals(2, paragraphs(page).size());
    }

    @Test
    void doesNotSwallowIntertitles() {
        String page = "上一段以句号结束,内容完整,交代了活动的来龙去脉。\n\n“田间课堂”受欢迎\n\n"
                + "走进村委会大院,十几位村民围坐在一起,听技术员讲解果树修剪的要领。";
        List<MappedText> ps = paragraphs(page);
        assertEquals(3, ps.size());
        assertEquals("“田间课堂”受欢迎", ps.get(1).text());
    }

    @Test
    void shortFragmentEndingInParticleIsJoined() {
        String page = "这样的变化只是全县推进工作的\n\n一个缩影。全县上下正以更大力度推进各项任务落实。";
        List<MappedText> ps = paragraphs(page);
        assertEquals(1, ps.size());
        assertTrue(ps.get(0).text().startsWith("这样的变化只是全县推进工作的一个缩影。"));
    }

    @Test
    void handlesCrlfAndFullWidthSpaces() {
        String page = "\uFEFF\u3000\u3000活动现场气氛热烈,大家踊跃发言,纷纷表示要把学到的知识用到\r\n\r\n"
                + "实际工作中去。\r\n";
        List<MappedText> ps = paragraphs(page);
        assertEquals(1, ps.size());
        assertFalse(ps.get(0).text().contains("\r"));
        assertEquals(page.indexOf('活'), ps.get(0).origin(0));
        assertEquals("实际工作中去。", ps.get(0).text().substring(ps.get(0).text().indexOf("实际")));
    }

    @Test
    void repairOfWholeTextKeepsMapping() {
        String page = "标题一行\n\n正文第一段讲到这里,交代了时间地点和参加人员,说到一半的时候被排版截\n\n断了,后半句在这里。";
        MappedText t = LayoutRepair.repair(page);
        assertEquals("标题一行\n正文第一段讲到这里,交代了时间地点和参加人员,说到一半的时候被排版截断了,后半句在这里。", t.text());
        assertEquals(page.indexOf("断了"), t.origin(t.text().indexOf("断了")));
    }

    @Test
    void stockCodesLinkedInsideANameAreDropped() {
        String page = "9日上午，襄阳市洪沟农产品（000061）（000061）交易中心董事长林天真来到地头。邮编（010010）不在名字里，留下。";
        MappedText t = LayoutRepair.repair(page);
        assertEquals("9日上午，襄阳市洪沟农产品交易中心董事长林天真来到地头。邮编（010010）不在名字里，留下。", t.text());
        int at = t.text().indexOf("交易中心");
        assertEquals(page.indexOf("交易中心"), t.origin(at), "what remains points into the page as read");
        assertEquals(page.indexOf("（000061）") - 1, t.origin(at - 1));
    }
}
