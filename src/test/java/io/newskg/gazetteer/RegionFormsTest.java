package io.newskg.gazetteer;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Region forms of news from anywhere in China, on the real gazetteer; invented sentences. */
class RegionFormsTest {
    static RegionLinker real;

    @BeforeAll
    static void setUp() {
        real = new RegionLinker(Gazetteer.get());
    }

    static Map<String, String> linked(String text, String province) {
        return RegionLinkerTest.linked(real, text, province);
    }

    static RegionMention mention(String text, String province, String written) {
        return real.link(text, province).stream().filter(m -> m.asWritten().equals(written)).findFirst().orElse(null);
    }

    @Test
    void taiwanHongKongMacao() {
        var m = linked("省长率参访团抵达台湾，在屏东县高树乡和南投县埔里镇采购农产品，随后赴香港、澳门。", "410000");
        assertEquals("710000", m.get("台湾"));
        assertEquals("810000", m.get("香港"));
        assertEquals("820000", m.get("澳门"));
        Gazetteer g = Gazetteer.get();
        Region pingtung = g.byCode(m.get("屏东县"));
        assertEquals("屏东县", pingtung.name());
        assertEquals("710000", pingtung.parentCode());
        assertFalse(pingtung.official(), "no official code below the province");
        assertTrue(g.byCode("710000").official());
        Region gaoshu = g.byCode(m.get("高树乡"));
        assertEquals(Region.Level.TOWNSHIP, gaoshu.level());
        assertEquals(pingtung, g.parent(gaoshu));
        assertEquals("南投县", g.parent(g.byCode(m.get("埔里镇"))).name());
        // below the province only where the text names what they lie in
        assertNull(linked("自贡市大安区召开会议，屏东县代表发言。", "510000").get("屏东县"));
        assertEquals("510304", linked("自贡市大安区召开会议。", "510000").get("大安区"));
        // a mainland paper's Taiwan news is still its own province's
        assertEquals(Map.of("410000", 1), real.provinceVotes("新乡市代表团在屏东县、南投县和台中市参观。"));
    }

    @Test
    void autonomousPrefecturesAndCountiesByTheirPlaceName() {
        var m = linked("临夏、甘南等地干部群众参加。", "620000");
        assertEquals("622900", m.get("临夏"));
        assertEquals("623000", m.get("甘南"));
        assertEquals("黔东南", NameForms.autonomousStem("黔东南苗族侗族自治州"));
        assertEquals("巴音郭楞", NameForms.autonomousStem("巴音郭楞蒙古自治州"));
        assertEquals("互助", NameForms.autonomousStem("互助土族自治县"));
        assertEquals("长白", NameForms.autonomousStem("长白朝鲜族自治县"));
        assertEquals("龙胜", NameForms.autonomousStem("龙胜各族自治县"));
        // 河南蒙古族自治县 is never written 河南: that stays the province
        assertEquals("410000", linked("河南客商来到黄南州。", "630000").get("河南"));
    }

    @Test
    void districtsWrittenWithoutTheirSuffix() {
        var m = linked("会议在杭州召开，萧山、余杭两地代表参加。", "330000");
        assertEquals("330100", m.get("杭州"));
        assertEquals("330109", m.get("萧山"));
        assertEquals("330110", m.get("余杭"));
        // without its city named a bare district name is not enough
        assertNull(linked("会议召开，萧山代表参加。", "330000").get("萧山"));
        // a municipality's districts hang on the municipality itself
        assertEquals("500152", linked("重庆市防汛工作会议后，他来到潼南双坝村。", "500000").get("潼南"));
        // generic district names are not forms (鼓楼 of four cities, 青山 a common noun)
        assertTrue(Gazetteer.get().lookup("鼓楼").isEmpty());
        assertTrue(Gazetteer.get().lookup("青山").isEmpty());
    }

    @Test
    void formerCountiesLinkToTheirSuccessor() {
        RegionMention m = mention("1992年6月任珠海市委常委，斗门县委书记。", "440000", "斗门县");
        assertEquals("440403", m.region().code());
        assertTrue(m.formerName());
        // a county that still is one is no former name
        assertFalse(mention("1992年任珠海市委常委，后任汶川县委书记。", "440000", "汶川县").formerName());
    }

    @Test
    void aBareNameSharedByACityAndItsCountyIsTheCity() {
        assertEquals("410700", linked("新乡、洛阳两地客商参会。", "410000").get("新乡"));
        assertEquals("410721", linked("新乡县客商参会。", "410000").get("新乡县"));
    }

    @Test
    void aUnitNamedByItsKindIsTheOneNamedInFull() {
        var m = linked("扬州经济技术开发区管委会主办论坛。开幕式上，开发区负责人致辞。", "320000");
        assertEquals("321071", m.get("开发区"));
        assertEquals("321071", m.get("扬州经济技术开发区"));
        // two zones named only after it: undecided
        assertEquals("-", linked("开发区负责人致辞。扬州经济技术开发区和南京经济技术开发区代表参会。", "320000").getOrDefault("开发区", "-"));
        // no zone named: 开发区 is no region (eleven NBS units are called so)
        assertNull(linked("开发区负责人致辞。", "320000").get("开发区"));
    }

    @Test
    void numberedVillages() {
        var m = linked("工作队来到巴楚县阿拉格尔乡其干布拉克（9）村走访。", "650000");
        assertEquals("653130205208", m.get("其干布拉克（9）村"));
    }

    @Test
    void aTownshipMergedAwayIsKeptAsWrittenNotTakenForAnotherCountys() {
        // 溪江乡 is a township of 衡东县; 九溪江乡 of 溆浦县 was merged away in 2016
        var m = linked("溆浦县北斗溪镇茅坡村，2016年由九溪江乡桐林村和原茅坡村合并而成。", "430000");
        assertEquals("-", m.get("九溪江乡"));
        assertFalse(m.containsKey("溪江乡"), m.toString());
        // written on its own, the one 溪江乡 of the province
        assertEquals("430421208", linked("衡东县代表到溪江乡调研。", "430000").get("溪江乡"));
    }
}
