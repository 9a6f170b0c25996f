package io.newskg.rdf;

import io.newskg.gazetteer.Gazetteer;
import io.newskg.gazetteer.Region;

import java.util.ArrayList;
import java.util.Collection;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.regex.Pattern;

/**
 * Identity across the whole store, beyond what one mention can say. An official's IRI is computed
 * from the mention alone (the name plus "senior", the county or the city of the posts,
 * {@link RdfMapper#personScope}), so a county secretary and, years later, a vice-mayor of the city or
 * a vice-governor of the province are two nodes. This pass joins nodes of one name along the region
 * chain (county → its city → its province's leadership), never across it, when the store shows a
 * career leading from one to the next:
 * <ol>
 *   <li>a county node → the node of its city, when it is the only county node of the name in that
 *       city with no dated report at or after the first dated city report (a county post held while
 *       or after the city post is someone else's; undated reports give no order and do not block);</li>
 *   <li>a local career (a city node with the county node joined to it, or a county or city node
 *       alone), all in one province → the senior node leading that province (its party committee,
 *       government, congress or CPPCC), when every local report is dated before every senior
 *       report of that node and it is the only local career of the name that is (careers lead
 *       upward: a provincial leader is not sent back to a county, so a namesake reported later is
 *       no candidate; two that both fit could either be the leader, and neither is joined).</li>
 * </ol>
 * Two counties, or two cities, are never joined to each other: a move between them reads the same
 * as two namesakes. Undated reports, and senior posts reported as former (their start is unknown),
 * give no order, so no join to the senior node. The answer maps each joined node to the top node of
 * its career, written as {@code owl:sameAs}.
 */
public final class CareerIdentity {
    /**
     * One post a node is reported in.
     *
     * @param org        the organisation's full name
     * @param regionCode the division code of its region, or null
     * @param date       when the report places the post (its start where dated to the day, else the page date), or null
     * @param status     current, appointed, former … as in the extraction's output
     */
    public record Report(String org, String regionCode, String date, String status) {}

    private static final Pattern NATIONAL =
            Pattern.compile("中共中央|中国共产党中央|中央(?:军事委员会|军委|政治局|书记处|委员会)|中华人民共和国国务院|国务院|"
                    + "中华人民共和国|全国人民代表大会|全国人大|全国政协|中国人民政治协商会议全国");
    private static final Pattern DAY = Pattern.compile("\\d{4}-\\d{2}-\\d{2}");

    private final Gazetteer gazetteer;

    public CareerIdentity(Gazetteer gazetteer) {
        this.gazetteer = gazetteer;
    }

    /** A body of the nation's own leadership (the party centre, the State Council, the NPC, the CPPCC). */
    static boolean national(String org) {
        return NATIONAL.matcher(org).lookingAt();
    }

    /** The province's own leading bodies (its party committee, government, congress, CPPCC), not its departments. */
    static boolean leads(String org, Region province) {
        String n = org.startsWith("中共") ? org.substring(2) : org;
        if (!n.startsWith(province.name())) return false;
        String rest = n.substring(province.name().length());
        return rest.equals("委") || rest.equals("党委") || rest.equals("委员会") || rest.equals("人民政府")
                || rest.equals("人大常委会") || rest.equals("政协") || rest.equals("委员会常务委员会");
    }

    /** How one node's reports place it. */
    private final class Career {
        final Map<String, List<Report>> ledProvinces = new TreeMap<>();
        final Set<String> localProvinces = new HashSet<>();
        final Set<String> cities = new HashSet<>();
        final Set<String> counties = new HashSet<>();
        final List<Report> local = new ArrayList<>();
        final List<Report> seniorReports = new ArrayList<>();
        boolean national, outsideCounty;

        Career(Collection<Report> reports) {
            for (Report r : reports) {
                Region region = r.regionCode() == null ? null : gazetteer.byCode(r.regionCode());
                if (region == null) {
                    if (national(r.org())) {
                        national = true;
                        seniorReports.add(r);
                    }
                    continue;
                }
                Region province = gazetteer.province(region);
                if (province == null) continue;
                if (region.level() == Region.Level.PROVINCE && leads(r.org(), region)) {
                    ledProvinces.computeIfAbsent(province.code(), k -> new ArrayList<>()).add(r);
                    seniorReports.add(r);
                } else {
                    localProvinces.add(province.code());
                    local.add(r);
                    Region county = null, city = null;
                    for (Region x : gazetteer.chain(region)) {
                        if (county == null && x.level() == Region.Level.COUNTY) county = x;
                        if (x.level() == Region.Level.PREFECTURE || x.level() == Region.Level.PROVINCE) {
                            city = x;
                            break;
                        }
                    }
                    if (city != null) cities.add(city.code());
                    if (county != null) counties.add(county.code());
                    else outsideCounty = true;
                }
            }
        }

        boolean senior() { return national || !ledProvinces.isEmpty(); }

        /** The one county all its posts lie in, or null. */
        String county() { return senior() || outsideCounty || counties.size() != 1 ? null : counties.iterator().next(); }

        /** The one city all its posts lie in, posts of the city itself among them, or null. */
        String city() { return senior() || county() != null || cities.size() != 1 ? null : cities.iterator().next(); }
    }

    /**
     * For nodes of one store, the local node → the node it is the same person as.
     *
     * @param names   each node's name
     * @param reports each node's reports
     */
    public Map<String, String> sameAs(Map<String, String> names, Map<String, ? extends Collection<Report>> reports) {
        Map<String, List<String>> nodesByName = new TreeMap<>();
        for (Map.Entry<String, String> e : names.entrySet()) {
            nodesByName.computeIfAbsent(e.getValue(), k -> new ArrayList<>()).add(e.getKey());
        }
        Map<String, String> out = new LinkedHashMap<>();
        for (List<String> nodes : nodesByName.values()) {
            if (nodes.size() < 2) continue;
            nodes.sort(null);
            Map<String, Career> careers = new LinkedHashMap<>();
            for (String n : nodes) {
                Collection<Report> r = reports.get(n);
                careers.put(n, new Career(r == null ? List.of() : r));
            }
            // 1. a county's node → its city's node: the one county node of the name in that city whose
            //    dated posts all come before the city posts (namesakes in two counties stay apart)
            Map<String, List<String>> groups = new LinkedHashMap<>();
            Map<String, String> cityOf = new LinkedHashMap<>();
            for (String c : nodes) {
                String city = careers.get(c).city();
                if (city == null) continue;
                List<String> candidates = new ArrayList<>();
                for (String k : nodes) {
                    String county = careers.get(k).county();
                    if (county != null && city.equals(cityOf(county)) && !after(careers.get(k).local, careers.get(c).local)) {
                        candidates.add(k);
                    }
                }
                List<String> group = new ArrayList<>(List.of(c));
                if (candidates.size() == 1 && !cityOf.containsKey(candidates.get(0))) {
                    group.add(candidates.get(0));
                    cityOf.put(candidates.get(0), c);
                }
                groups.put(c, group);
            }
            for (String n : nodes) {
                if (!groups.containsKey(n) && !cityOf.containsKey(n) && !careers.get(n).senior()) groups.put(n, List.of(n));
            }
            // 2. a local career (a group of step 1) → the senior node leading its province, when it is the
            //    only local career of the name there that ends before the senior posts begin
            Map<String, String> toSenior = new LinkedHashMap<>();
            for (String s : nodes) {
                Career sc = careers.get(s);
                if (sc.ledProvinces.isEmpty()) continue;
                List<String> candidates = new ArrayList<>();
                for (var g : groups.entrySet()) {
                    List<Report> local = new ArrayList<>();
                    Set<String> provinces = new HashSet<>();
                    for (String m : g.getValue()) {
                        local.addAll(careers.get(m).local);
                        provinces.addAll(careers.get(m).localProvinces);
                    }
                    if (provinces.size() == 1 && sc.ledProvinces.containsKey(provinces.iterator().next())
                            && before(local, sc.seniorReports)) {
                        candidates.add(g.getKey());
                    }
                }
                if (candidates.size() == 1) for (String m : groups.get(candidates.get(0))) toSenior.put(m, s);
            }
            for (var e : cityOf.entrySet()) out.put(e.getKey(), toSenior.getOrDefault(e.getValue(), e.getValue()));
            out.putAll(toSenior);
        }
        return out;
    }

    private String cityOf(String countyCode) {
        for (Region x : gazetteer.chain(gazetteer.byCode(countyCode))) {
            if (x.level() == Region.Level.PREFECTURE || x.level() == Region.Level.PROVINCE) return x.code();
        }
        return null;
    }

    /** Some dated report of {@code earlier} falls after some dated one of {@code later}; undated and former ones give no order. */
    private static boolean after(List<Report> earlier, List<Report> later) {
        String last = null, first = null;
        for (Report r : earlier) {
            if (r.date() != null && DAY.matcher(r.date()).matches() && (last == null || r.date().compareTo(last) > 0)) last = r.date();
        }
        for (Report r : later) {
            if (r.date() == null || !DAY.matcher(r.date()).matches() || "former".equals(r.status())) continue;
            if (first == null || r.date().compareTo(first) < 0) first = r.date();
        }
        return last != null && first != null && last.compareTo(first) >= 0;
    }

    /** Every earlier report dated before every later one; unknown dates and former senior posts give no order. */
    private static boolean before(List<Report> earlier, List<Report> later) {
        String last = null, first = null;
        for (Report r : earlier) {
            if (r.date() == null || !DAY.matcher(r.date()).matches()) return false;
            if (last == null || r.date().compareTo(last) > 0) last = r.date();
        }
        for (Report r : later) {
            if (r.date() == null || !DAY.matcher(r.date()).matches() || "former".equals(r.status())) return false;
            if (first == null || r.date().compareTo(first) < 0) first = r.date();
        }
        return last != null && first != null && last.compareTo(first) < 0;
    }
}
