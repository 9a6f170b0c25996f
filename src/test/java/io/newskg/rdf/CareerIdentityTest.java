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
}
