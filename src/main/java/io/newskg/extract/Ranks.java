package io.newskg.extract;

import io.newskg.gazetteer.Gazetteer;
import io.newskg.gazetteer.Region;
import io.newskg.model.Results.Post;
import io.newskg.model.WordList;

import java.util.HashMap;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * The rank (级别) a post has by the standard rules, from its body's level and its title
 * ({@code lexicon/ranks.tsv}, {@code lexicon/rank-titles.txt}); null when the rules do not say
 * (villages, firms, titles without a class).
 */
public final class Ranks {
    /** 副省级市 (中央编委, 1995): their leaders are a band above other cities'. */
    private static final Set<String> SUB_PROVINCIAL = Set.of("哈尔滨市", "长春市", "沈阳市", "大连市", "济南市", "青岛市",
            "南京市", "杭州市", "宁波市", "厦门市", "武汉市", "广州市", "深圳市", "成都市", "西安市");
    /** A region's own leading bodies, after its name. */
    private static final Pattern LEADING = Pattern.compile("(?:委|党委|党工委|委员会|人民政府|政府|人大常委会|政协|人民代表大会常务委员会)");
    /** A department of a region's party committee or government. */
    private static final Pattern DEPARTMENT = Pattern.compile(".+(?:厅|局|部|委员会|委|办公室|办)");
    /** Units inside a department (分局, 处, a team, a branch): the rules give them no band of their own here. */
    private static final Pattern BELOW_DEPARTMENT = Pattern.compile("分局|支部|工作组|小组|处|科|队|所|站|中心|支队");
    private static final Pattern CENTRAL = Pattern.compile("^(?:中共中央|中国共产党中央|中华人民共和国国务院|全国人民代表大会|中国人民政治协商会议全国|中华人民共和国$)");
    private static final Pattern MINISTRY = Pattern.compile("^中华人民共和国\\p{IsHan}{1,12}(?:部|委员会)$");

    private final Map<String, String> table = new HashMap<>();
    private final Map<String, String> titleClass = new HashMap<>();
    private final Gazetteer gazetteer;

    public Ranks(Gazetteer gazetteer) {
        this.gazetteer = gazetteer;
        for (String line : WordList.lines("/lexicon/ranks.tsv")) {
            String[] f = line.split("\t");
            table.put(f[0] + "|" + f[1] + "|" + f[2], f[3]);
        }
        for (String line : WordList.lines("/lexicon/rank-titles.txt")) {
            String[] f = line.split("\t");
            titleClass.put(f[1], f[0]);
        }
    }

    /** The rank's local name in nkg:Ranks (e.g. BureauDeputy), or null. */
    public String rank(Post p) {
        String cls = titleClass.get(p.title());
        String org = p.org();
        // members of the Politburo and its standing committee are leaders of the nation
        if (org.equals("中共中央政治局常务委员会") || org.equals("中共中央政治局") && p.title().equals("常委")) cls = "central-principal";
        else if (org.equals("中共中央政治局") && p.title().equals("委员")) cls = "central-deputy";
        if (cls == null) return null;
        if (cls.startsWith("central-")) {
            return CENTRAL.matcher(org).find() ? table.get("central|national|" + cls.substring(8)) : null;
        }
        if (p.regionCode() == null) {
            return MINISTRY.matcher(org).matches() ? table.get("ministry|national|" + cls) : null;
        }
        Region r = gazetteer.byCode(p.regionCode());
        if (r == null || !r.mainland()) return null;
        String level = switch (r.level()) {
            case PROVINCE -> "province";
            case PREFECTURE -> SUB_PROVINCIAL.contains(r.name()) ? "subprovincial" : "prefecture";
            case COUNTY -> {
                Region parent = gazetteer.parent(r);
                yield parent != null && parent.level() == Region.Level.PROVINCE && parent.name().endsWith("市") ? "municipal-district" : "county";
            }
            case TOWNSHIP -> "township";
            default -> null;
        };
        if (level == null) return null;
        String name = org.startsWith("中共") ? org.substring(2) : org;
        int at = Math.max(name.lastIndexOf(r.name()), name.lastIndexOf(r.commonName()));
        String rest = at < 0 ? null : name.substring(at + r.name().length());
        String body;
        if (rest != null && LEADING.matcher(rest).matches()) body = "lead";
        else if (rest != null && DEPARTMENT.matcher(rest).matches() && !BELOW_DEPARTMENT.matcher(rest).find()) body = "dept";
        else return null;
        return table.get(body + "|" + level + "|" + cls);
    }
}
