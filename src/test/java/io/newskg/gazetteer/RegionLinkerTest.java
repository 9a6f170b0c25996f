package io.newskg.gazetteer;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Linker behaviour on a made-up gazetteer (fictional names) and on the real one. */
class RegionLinkerTest {
    static RegionLinker fake;
    static RegionLinker real;

    @BeforeAll
    static void setUp() {
        fake = new RegionLinker(Gazetteer.of(List.of(
                r("990000", "云岭自治区", null),
                r("990100", "青石市", "990000"),
                r("990102", "新城区", "990100"),
                r("990121", "柳河县", "990100"),
                r("990121101", "双井镇", "990121"),
                r("990121102", "白桦乡", "990121"),
                r("990121101201", "前进村委会", "990121101"),
                r("990121102201", "前进村民委员会", "990121102"),
                r("990121102202", "红柳沟村委会", "990121102"),
                r("990121102203", "东园社区居委会", "990121102"),
                r("990200", "金沙市", "990000"),
                r("990202", "新城区", "990200"),
                r("990221", "松林县", "990200"),
                r("990221101", "双井镇", "990221"),
                r("990221102", "乌兰哈达苏木", "990221"),
                r("880000", "海东省", null),
                r("880102", "新城区", "880100"),
                r("880100", "望海市", "880000"))));
        real = new RegionLinker(Gazetteer.get());
    }

    static Region r(String code, String name, String parent) {
        return new Region(code, name, Region.Level.ofCode(code), parent);
    }

    static Map<String, String> linked(RegionLinker l, String text, String province) {
        return l.link(text, province).stream().collect(Collectors.toMap(RegionMention::asWritten,
                m -> m.region() == null ? "-" : m.region().code(), (a, b) -> a, java.util.LinkedHashMap::new));
    }

    @Test
    void chainDecidesAmbiguousTownshipAndVillage() {
        var m = linked(fake, "柳河县双井镇前进村的党员", "990000");
        assertEquals("990121101", m.get("双井镇"));
        assertEquals("990121101201", m.get("前进村"));
        m = linked(fake, "松林县双井镇召开大会", "990000");
        assertEquals("990221101", m.get("双井镇"));
    }

    @Test
    void ambiguousWithoutContextStaysUnresolved() {
        var m = linked(fake, "双井镇召开大会", "990000");
        assertEquals("-", m.get("双井镇"));
        // 新城区 in two cities of the province, none named
        assertEquals("-", linked(fake, "新城区举办活动", "990000").get("新城区"));
        assertEquals("990202", linked(fake, "金沙市新城区举办活动", "990000").get("新城区"));
    }

    @Test
    void chainResolvesBothEnds() {
        // 双井镇 is in two counties, 前进村 in two townships; only one 双井镇 has a 前进村
        var m = linked(fake, "双井镇前进村的党员", "990000");
        assertEquals("990121101", m.get("双井镇"));
        assertEquals("990121101201", m.get("前进村"));
    }

    @Test
    void foreignPlaces() {
        var m = linked(real, "产品远销广州、深圳,朝阳产业发展;游客在马鞍山脚下", "150000");
        assertEquals("440100", m.get("广州"));
        assertEquals("440300", m.get("深圳"));
        assertNull(m.get("朝阳"));
        assertNull(m.get("马鞍山"));
        assertNull(linked(real, "拆除平房区围栏", "150000").get("平房区"));
        assertNull(linked(real, "沿北京路前行", "150000").get("北京"));
    }

    @Test
    void textContextResolvesLaterMention() {
        var m = linked(fake, "金沙市召开会议。会上,新城区介绍经验。", "990000");
        assertEquals("990202", m.get("新城区"));
    }

    @Test
    void villageNeedsSuffixAndContext() {
        // 前进 without 村 is an ordinary word; 前进村 without a township/county around it is left alone
        assertTrue(linked(fake, "大家奋勇前进", "990000").isEmpty());
        assertNull(linked(fake, "前进村的党员", "990000").get("前进"));
        assertFalse("990121101201".equals(linked(fake, "前进村的党员", "990000").get("前进村")));
        assertEquals("990121102202", linked(fake, "柳河县红柳沟村", "990000").get("红柳沟村"));
        assertEquals("990121102203", linked(fake, "白桦乡东园社区", "990000").get("东园社区"));
    }

    @Test
    void stemsAndProvinceWords() {
        var m = linked(fake, "青石讯 自治区党委在柳河、松林召开会议,全区干部参加", "990000");
        assertEquals("990100", m.get("青石"));
        assertEquals("990000", m.get("自治区"));
        assertEquals("990000", m.get("全区"));
        assertEquals("990121", m.get("柳河")); // county stem set off by punctuation, backed by its city
        assertNull(m.get("松林")); // its city 金沙 is not named
        // a two-character stem inside running text needs the county named in full (振兴和 ≠ 兴和)
        assertNull(linked(fake, "青石市加快振柳河道治理", "990000").get("柳河"));
        // a stem followed by a level character is part of another name
        assertNull(linked(fake, "青石镇的村民", "990000").get("青石"));
    }

    @Test
    void cityDeicticFollowsTheText() {
        RegionLinker l = fake;
        var ms = l.link("全市各地:柳河县、新城区…", "990000");
        assertEquals("990100", ms.get(0).region().code());
        assertEquals("990200", l.link("全市开会", "990000", "990200").get(0).region().code());
    }

    @Test
    void aCountyLevelCitysOwnNewsMeansItselfBy全市() {
        // 宁乡市 is a county-level city of 长沙市: its own news calls it 全市
        var ms = real.link("宁乡市召开经济工作会议，全市地区生产总值增长5.8%。", "430000");
        assertEquals("430182", ms.stream().filter(m -> m.asWritten().equals("全市")).findFirst().orElseThrow().region().code());
        // news of the prefecture that names it once still means the prefecture
        ms = real.link("长沙市委召开会议，长沙市委书记到宁乡市调研，全市经济稳中向好。", "430000");
        assertEquals("430100", ms.stream().filter(m -> m.asWritten().equals("全市")).findFirst().orElseThrow().region().code());
    }

    @Test
    void misprintOnlyInsideNamedCounty() {
        var m = linked(fake, "松林县乌兰哈苏木牧民", "990000");
        assertEquals("990221102", m.get("乌兰哈苏木"));
        assertTrue(fake.link("松林县乌兰哈苏木牧民", "990000").stream()
                .anyMatch(x -> x.asWritten().equals("乌兰哈苏木") && x.confidence() < 0.6));
        assertFalse(linked(fake, "乌兰哈苏木牧民", "990000").containsValue("990221102"));
    }

    @Test
    void otherProvinceNeedsContext() {
        assertEquals("-", linked(fake, "新城区", "990000").getOrDefault("新城区", "-"));
        assertEquals("880102", linked(fake, "海东省望海市新城区", "990000").get("新城区"));
    }

    @Test
    void oneEdit() {
        assertTrue(RegionLinker.oneEdit("音德镇", "音德尔镇"));
        assertTrue(RegionLinker.oneEdit("当都忽洞苏木", "当郎忽洞苏木"));
        assertFalse(RegionLinker.oneEdit("音德镇", "音德镇"));
        assertFalse(RegionLinker.oneEdit("音镇", "音德尔镇"));
    }

    // ---- real data ----

    @Test
    void realChainAndAbbreviations() {
        var m = linked(real, "乌兰察布市卓资县大榆树乡麻地卜村", "150000");
        assertEquals("150900", m.get("乌兰察布市"));
        assertEquals("150921", m.get("卓资县"));
        assertEquals("150921210", m.get("大榆树乡"));
        assertEquals("150921210200", m.get("麻地卜村"));
        assertEquals("150926", linked(real, "察右前旗玫瑰营镇", "150000").get("察右前旗"));
        assertEquals("150521", linked(real, "通辽市科左中旗", "150000").get("科左中旗"));
        assertEquals("150223", linked(real, "包头市达茂旗", "150000").get("达茂旗"));
        assertEquals("150221213226", linked(real, "土右旗海子乡大沙街村", "150000").get("大沙街村"));
    }

    @Test
    void realMisprints() {
        assertEquals("152223100", linked(real, "兴安盟扎赉特旗音德镇", "150000").get("音德镇"));
        assertEquals("150928209", linked(real, "察右后旗当都忽洞苏木", "150000").get("当都忽洞苏木"));
        // without the county the misprint is not guessed
        assertNull(linked(real, "音德镇的群众", "150000").get("音德镇"));
    }

    @Test
    void realLevelsAndNames() {
        Gazetteer g = Gazetteer.get();
        assertEquals("community", g.byCode("150105001007").levelLabel());
        assertEquals("山丹社区", g.byCode("150105001007").commonName());
        assertEquals("village", g.byCode("150921210200").levelLabel());
        assertEquals("麻地卜村", g.byCode("150921210200").commonName());
        assertEquals("county", g.byCode("150921").levelLabel());
        // Beijing's districts hang on Beijing, not on the 市辖区 placeholder
        assertEquals("110000", g.byCode("110101").parentCode());
        assertTrue(g.lookup("左旗").isEmpty(), "左旗 alone is ambiguous");
        assertEquals("150926", g.lookup("察右前旗").get(0).code());
    }

    @Test
    void loadsFast() {
        Runtime rt = Runtime.getRuntime();
        System.gc();
        long before = rt.totalMemory() - rt.freeMemory();
        long t0 = System.nanoTime();
        Gazetteer g = Gazetteer.load();
        long loadMs = (System.nanoTime() - t0) / 1_000_000;
        System.gc();
        long heap = rt.totalMemory() - rt.freeMemory() - before;
        t0 = System.nanoTime();
        RegionLinker l = new RegionLinker(g);
        long trieMs = (System.nanoTime() - t0) / 1_000_000;
        System.gc();
        long heapWithTrie = rt.totalMemory() - rt.freeMemory() - before;
        System.out.printf("Gazetteer.load: %d divisions in %d ms, ~%d MB heap; RegionLinker build %d ms, ~%d MB with the form index%n",
                g.size(), loadMs, heap >> 20, trieMs, heapWithTrie >> 20);
        assertTrue(g.size() > 59_000);
        assertTrue(l.link("乌兰察布市", "150000").get(0).resolved());
    }

    @Test
    void unknownVillageAfterTownshipIsKeptUnresolved() {
        var ms = fake.link("柳河县白桦乡石门村的党员,白桦乡全力推进社区建设", "990000");
        var m = ms.stream().filter(x -> x.asWritten().equals("石门村")).findFirst().orElseThrow();
        assertNull(m.region());
        assertTrue(ms.stream().noneMatch(x -> x.asWritten().contains("推进")));
    }

    @Test
    void countyDeicticsFollowTheLastCounty() {
        var ms = real.link("鄂尔多斯市鄂托克前旗开展活动,全旗党员参加。", "150000");
        assertEquals("150623", ms.stream().filter(x -> x.asWritten().equals("全旗")).findFirst().orElseThrow().region().code());
        // nothing to refer to: not a mention
        assertTrue(real.link("全旗党员参加", "150000").isEmpty());
    }

    @Test
    void townshipBeforeInstitution() {
        var m = linked(real, "呼伦贝尔市边境管理支队恩和哈达边境派出所", "150000");
        assertEquals("150784104", m.get("恩和哈达"));
        // three characters at least, and only with the city or county named
        assertNull(linked(real, "恩和哈达边境派出所", "150000").get("恩和哈达"));
    }

    @Test
    void bannerShortFormsByRule() {
        assertEquals(List.of("察右前旗"), NameForms.bannerAbbreviations("察哈尔右翼前旗"));
        assertEquals(List.of("科左中旗"), NameForms.bannerAbbreviations("科尔沁左翼中旗"));
        assertEquals(List.of("科右旗"), NameForms.bannerAbbreviations("科尔沁右翼旗")); // made up
        assertEquals(List.of("乌前旗"), NameForms.bannerAbbreviations("乌拉特前旗"));
        assertEquals(List.of("新左旗"), NameForms.bannerAbbreviations("新巴尔虎左旗"));
        assertEquals(List.of("东乌旗"), NameForms.bannerAbbreviations("东乌珠穆沁旗"));
        assertEquals(List.of("鄂温克旗"), NameForms.bannerAbbreviations("鄂温克族自治旗"));
        assertTrue(NameForms.bannerAbbreviations("敖汉旗").isEmpty());
        assertEquals("麻地卜村", NameForms.villageShort("麻地卜村委会"));
        assertEquals("苏荣贵嘎查", NameForms.villageShort("苏荣贵嘎查委员会"));
        assertEquals("毛忽庆村", NameForms.villageShort("毛忽庆村村民委员会"));
        assertEquals("青山社区", NameForms.villageShort("青山居委会"));
    }

    @Test
    void cityDeicticsAreWordsNotPrefixes() {
        var ms = real.link("乌兰察布市丰镇市开展活动,该市党员参加;全市场主体活跃。", "150000");
        assertEquals("150981", ms.stream().filter(x -> x.asWritten().equals("该市")).findFirst().orElseThrow().region().code());
        assertTrue(ms.stream().noneMatch(x -> x.asWritten().equals("全市")));
    }

    @Test
    void stemChain() {
        var m = linked(real, "卓资十八台镇的村民", "150000");
        assertEquals("150921", m.get("卓资"));
        assertEquals("150921108", m.get("十八台镇"));
    }

    // ---- villages outside Inner Mongolia (sentences made up; codes from the NBS 2021 village table) ----

    @Test
    void hunanVillageThroughItsChain() {
        // 和平村 is a village of 安沙镇 (长沙县) and of 花石镇 (湘潭县), among others in Hunan
        var m = linked(real, "长沙县安沙镇和平村的党员冒雨清理沟渠。", "430000");
        assertEquals("430121", m.get("长沙县"));
        assertEquals("430121113", m.get("安沙镇"));
        assertEquals("430121113207", m.get("和平村"));
        assertEquals("430321107261", linked(real, "湘潭县花石镇和平村举办农民丰收节", "430000").get("和平村"));
        // written with its committee suffix
        assertEquals("430121113207", linked(real, "长沙县安沙镇和平村村委会组织志愿者", "430000").get("和平村村委会"));
        // a national paper: the chain's own province is opened
        assertEquals("430121113207", linked(real, "湖南省长沙县安沙镇和平村", "110000").get("和平村"));
    }

    @Test
    void hunanVillageThroughTheArticlesCounty() {
        // the article is about 长沙县, whose only 和平村 is in 安沙镇
        var m = linked(real, "长沙县召开乡村振兴推进会。会后,与会人员来到和平村查看稻田。", "430000");
        assertEquals("430121113207", m.get("和平村"));
        // about 望城区, which has no 和平村: kept as written, no code
        m = linked(real, "望城区召开乡村振兴推进会。会后,与会人员来到和平村查看稻田。", "430000");
        assertEquals("-", m.get("和平村"));
    }

    @Test
    void bareVillageStaysUnresolved() {
        // dozens of 和平村 in Hunan, no county or township given
        assertEquals("-", linked(real, "和平村的村民正忙着插秧。", "430000").get("和平村"));
        // common phrases that some village is named after are not mentions (先进村, 担任村支书, 新村)
        var m = linked(real, "长沙县表彰了一批先进村;他担任村支书三年,搬进新村后", "430000");
        assertNull(m.get("先进村"));
        assertNull(m.get("任村"));
        assertNull(m.get("新村"));
    }

    @Test
    void villageTablesAreLazyAndCompact() {
        Gazetteer g = Gazetteer.get();
        assertEquals("和平村委会", g.byCode("430121113207").name());
        assertEquals("430121113", g.byCode("430121113207").parentCode());
        assertTrue(g.children(g.byCode("430121113")).stream().anyMatch(v -> v.code().equals("430121113207")));
        assertEquals(List.of("430121", "430100", "430000"),
                g.chain(g.byCode("430121113207")).stream().skip(2).map(Region::code).toList());
        assertTrue(g.villages("和平村", "430000").size() > 10);
        assertTrue(g.villages("和平村", "150000").stream().allMatch(v -> v.code().startsWith("15")));
        // a 2021 township gone by 2023: its villages hang on the county
        assertEquals("150105", g.byCode(g.children(g.byCode("150105")).stream()
                .filter(r -> r.level() == Region.Level.VILLAGE).findFirst().orElseThrow().code()).parentCode());
        assertTrue(g.size() > 660_000);
    }

    @Test
    void otherProvincePaper() {
        // a Hebei paper: 全省 is Hebei, 自治区 means nothing, 长安区 is Shijiazhuang's
        var m = linked(real, "全省各地积极响应。石家庄市长安区召开会议,长安区干部参加。自治区代表团到访。", "130000");
        assertEquals("130000", m.get("全省"));
        assertEquals("130102", m.get("长安区"));
        assertNull(m.get("自治区"));
    }
}
