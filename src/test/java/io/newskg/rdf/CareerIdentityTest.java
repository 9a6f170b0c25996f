package io.newskg.rdf;

import io.newskg.gazetteer.Gazetteer;
import io.newskg.rdf.CareerIdentity.Report;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The career join of official nodes across the store, on invented reports in real regions. */
class CareerIdentityTest {
    private final CareerIdentity identity = new CareerIdentity(Gazetteer.get());

    // 乐安县 (361025) lies in 抚州市, 江西省; 崇义县 (360725) in 赣州市, 江西省; 南召县 (411321) in 河南省
    private static Report county(String date) { return new Report("乐安县委", "361025", date, "current"); }

    private static Report viceGovernor(String province, String code, String date, String status) {
        return new Report(province + "人民政府", code, date, status);
    }

    private Map<String, String> join(Map<String, List<Report>> reports) {
        Map<String, String> names = new java.util.HashMap<>();
        reports.keySet().forEach(n -> names.put(n, "甲乙丙"));
        return identity.sameAs(names, reports);
    }

    @Test
    void aCountyPostThenTheProvinceLeadershipIsOneCareer() {
        Map<String, String> j = join(Map.of(
                "local", List.of(county("2015-03-02"), new Report("乐安县人民政府", "361025", "2013-05-01", "current")),
                "senior", List.of(viceGovernor("江西省", "360000", "2018-09-10", "appointed"))));
        assertEquals(Map.of("local", "senior"), j);
    }

    @Test
    void noJoinWhenTheOrderIsWrongOrUnknown() {
        // reported as a county secretary after being a vice-governor: not a career that leads upward
        assertTrue(join(Map.of("local", List.of(county("2019-01-01")),
                "senior", List.of(viceGovernor("江西省", "360000", "2018-09-10", "current")))).isEmpty());
        // an undated report gives no order
        assertTrue(join(Map.of("local", List.of(county(null)),
                "senior", List.of(viceGovernor("江西省", "360000", "2018-09-10", "current")))).isEmpty());
        // a former vice-governor: when it began is unknown
        assertTrue(join(Map.of("local", List.of(county("2015-03-02")),
                "senior", List.of(viceGovernor("江西省", "360000", "2018-09-10", "former")))).isEmpty());
    }

    @Test
    void noJoinAcrossProvincesOrWhenNamesakesMakeItAmbiguous() {
        // the senior node leads another province
        assertTrue(join(Map.of("local", List.of(county("2015-03-02")),
                "senior", List.of(viceGovernor("河南省", "410000", "2018-09-10", "current")))).isEmpty());
        // two local nodes of the name in the province: either could be the vice-governor
        assertTrue(join(Map.of("local", List.of(county("2015-03-02")),
                "other", List.of(new Report("崇义县委", "360725", "2014-01-01", "current")),
                "senior", List.of(viceGovernor("江西省", "360000", "2018-09-10", "current")))).isEmpty());
        // a local node in two provinces is not one province's career
        assertTrue(join(Map.of("local", List.of(county("2015-03-02"), new Report("南召县委", "411321", "2014-01-01", "current")),
                "senior", List.of(viceGovernor("江西省", "360000", "2018-09-10", "current")))).isEmpty());
        // a provincial department is not the province's leadership
        assertTrue(join(Map.of("local", List.of(county("2015-03-02")),
                "senior", List.of(new Report("江西省教育厅", "360000", "2018-09-10", "current")))).isEmpty());
    }

    @Test
    void differentNamesNeverJoin() {
        Map<String, String> names = Map.of("local", "甲乙丙", "senior", "甲乙丁");
        assertTrue(identity.sameAs(names, Map.of("local", List.of(county("2015-03-02")),
                "senior", List.of(viceGovernor("江西省", "360000", "2018-09-10", "current")))).isEmpty());
    }

    // 乐安县 (361025) and 南丰县 (361023) lie in 抚州市 (361000)
    private static Report cityPost(String date) { return new Report("抚州市人民政府", "361000", date, "current"); }

    private static Report nanfeng(String date) { return new Report("南丰县委", "361023", date, "current"); }

    @Test
    void aCountyCareerLeadsToItsCity() {
        assertEquals(Map.of("county", "city"), join(Map.of(
                "county", List.of(county("2014-03-02"), county("2016-05-01")),
                "city", List.of(cityPost("2018-09-10")))));
        // and on to the province: every node of the career joins the senior one
        assertEquals(Map.of("county", "senior", "city", "senior"), join(Map.of(
                "county", List.of(county("2014-03-02")),
                "city", List.of(cityPost("2016-09-10")),
                "senior", List.of(viceGovernor("江西省", "360000", "2019-01-10", "current")))));
    }

    @Test
    void namesakesWithConflictingSimultaneousPostsStayApart() {
        // a county post reported while the city post is held: not one career
        assertTrue(join(Map.of("county", List.of(county("2014-03-02"), county("2017-05-01")),
                "city", List.of(cityPost("2016-09-10")))).isEmpty());
        // a county secretary after being vice-governor: two people
        assertTrue(join(Map.of("county", List.of(county("2019-03-02")),
                "senior", List.of(viceGovernor("江西省", "360000", "2018-09-10", "current")))).isEmpty());
        // two counties of one city whose careers both fit: either could be the city's, so neither is
        assertTrue(join(Map.of("county", List.of(county("2014-03-02")), "other", List.of(nanfeng("2015-01-01")),
                "city", List.of(cityPost("2018-09-10")))).isEmpty());
        // two counties of one city are never joined to each other (not one region chain)
        assertTrue(join(Map.of("county", List.of(county("2014-03-02")), "other", List.of(nanfeng("2016-01-01")))).isEmpty());
    }

    @Test
    void aNamesakeWhosePostsComeLaterIsNotACandidate() {
        // 南丰县's 甲乙丙 is county secretary after 乐安县's became vice-governor: he is someone else,
        // which leaves one career that leads to the province
        assertEquals(Map.of("county", "senior"), join(Map.of("county", List.of(county("2014-03-02")),
                "other", List.of(nanfeng("2019-01-01")),
                "senior", List.of(viceGovernor("江西省", "360000", "2018-09-10", "current")))));
        assertEquals(Map.of("county", "city"), join(Map.of("county", List.of(county("2014-03-02")),
                "other", List.of(nanfeng("2019-01-01")), "city", List.of(cityPost("2018-09-10")))));
    }

    private static io.newskg.model.Results.Official official(String org, String title, String code) {
        var post = new io.newskg.model.Results.Post(title, org, null, code, org + title, 0, 1, 0, 1, 1, "current", null, null, null);
        return new io.newskg.model.Results.Official("甲乙丙", List.of(post), 0, 1, 1);
    }

    @Test
    void theScopeIsTheCountyOfCountyPostsElseTheCity() {
        RdfMapper mapper = new RdfMapper(new Iris(NKG.DEFAULT_BASE), Gazetteer.get());
        assertEquals("361025", mapper.personScope(official("乐安县委", "书记", "361025")));
        assertEquals("361023", mapper.personScope(official("南丰县人民政府", "县长", "361023")));
        assertEquals("361000", mapper.personScope(official("抚州市人民政府", "副市长", "361000")));
        assertEquals("senior", mapper.personScope(official("江西省人民政府", "副省长", "360000")));
    }
}
