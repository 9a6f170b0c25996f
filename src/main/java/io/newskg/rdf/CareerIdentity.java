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
 * from the mention alone (the name plus "senior" or the city of the posts, {@link RdfMapper#personScope}),
 * so a county secretary and, years later, a vice-governor of the same province are two nodes. This
 * pass joins such a pair when the store shows a career leading from one to the other:
 * <ul>
 *   <li>the local node's posts all lie in one province, and the senior node leads that province
 *       (its party committee, government, congress or CPPCC);</li>
 *   <li>every report of the local posts is dated before every report of the senior posts in that
 *       province (careers lead upward: a provincial leader is not sent back to a county);</li>
 *   <li>the pair is the only one possible: one local node of that name in the province and one
 *       senior node leading it, else namesakes could be joined and nothing is.</li>
 * </ul>
 * Undated reports, and senior posts reported as former (their start is unknown), give no order, so
 * no join. The answer is a map from the local node to the senior one, written as {@code owl:sameAs}.
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
        final List<Report> local = new ArrayList<>();
        boolean national;

        Career(Collection<Report> reports) {
            for (Report r : reports) {
                Region region = r.regionCode() == null ? null : gazetteer.byCode(r.regionCode());
                if (region == null) {
                    national |= national(r.org());
                    continue;
                }
                Region province = gazetteer.province(region);
                if (province == null) continue;
                if (region.level() == Region.Level.PROVINCE && leads(r.org(), region)) {
                    ledProvinces.computeIfAbsent(province.code(), k -> new ArrayList<>()).add(r);
                } else {
                    localProvinces.add(province.code());
                    local.add(r);
                }
            }
        }

        boolean senior() { return national || !ledProvinces.isEmpty(); }
    }

    /**
     * For nodes of one store, the local node → the senior node it is the same person as.
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
            for (String l : nodes) {
                Career lc = careers.get(l);
                if (lc.senior() || lc.localProvinces.size() != 1) continue;
                String province = lc.localProvinces.iterator().next();
                String only = null;
                int seniors = 0, locals = 0;
                for (String s : nodes) {
                    Career sc = careers.get(s);
                    if (sc.ledProvinces.containsKey(province)) {
                        seniors++;
                        only = s;
                    } else if (!sc.senior() && sc.localProvinces.contains(province)) {
                        locals++;
                    }
                }
                if (seniors == 1 && locals == 1 && before(lc.local, careers.get(only).ledProvinces.get(province))) {
                    out.put(l, only);
                }
            }
        }
        return out;
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
