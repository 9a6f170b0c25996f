package io.newskg.extract;

import io.newskg.gazetteer.Gazetteer;
import io.newskg.gazetteer.Region;
import io.newskg.gazetteer.RegionMention;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * What an article is about: the paper's province, the prefecture and county it mostly
 * speaks of (for 市委, 县委, 该市), and the organisations it has named in full so far.
 */
final class ArticleContext {
    Region province;
    Region prefecture;
    Region county;
    /**
     * The city 市委, 市长 and 该市 speak of: the prefecture, or the county-level city (宁乡市) when the
     * article names it more often than its prefecture (a county-level city's own news).
     */
    Region city;
    /** The township the article mostly speaks of, for a 镇长 written without his town. */
    final Region township;
    /**
     * The village an article about one village speaks of (most of its village names, at least twice),
     * for a 村… body written far from the village's name; else null.
     */
    final Region village;
    /** The prefecture most of the page speaks of (a city paper's city), or null; set once the whole page is read. */
    Region pagePrefecture;
    /** The date the page or web article is dated, or null. */
    java.time.LocalDate pageDate;
    final List<RegionMention> regions;
    /** Organisations by their full names, the one named last at the end. */
    final List<String> fullOrgs = new ArrayList<>();

    /** Records that the article names {@code org} here: it becomes the one named last. */
    void named(String org) {
        fullOrgs.remove(org);
        fullOrgs.add(org);
    }

    ArticleContext(Gazetteer g, Region province, List<RegionMention> regions) {
        this.province = province;
        this.regions = regions;
        Region pref = dominant(g, regions, Region.Level.PREFECTURE);
        // a municipality (北京, 重庆 …) is its own city: its 市委 and 市长 are the municipality's
        if (pref == null && province != null && province.name().endsWith("市")) pref = province;
        this.prefecture = pref;
        this.county = dominant(g, regions, Region.Level.COUNTY);
        this.city = county != null && county.name().endsWith("市") && timesWritten(regions, county) > timesWritten(regions, pref) ? county : pref;
        this.township = dominant(g, regions, Region.Level.TOWNSHIP);
        this.village = mostly(regions, Region.Level.VILLAGE);
    }

    /**
     * The outlet's own place stands for what the article leaves unsaid (来源：仪陇县融媒体中心 … 县委书记):
     * a county (or else a prefecture) named by the source, inside what the article itself names.
     */
    void sourcePlace(Gazetteer g, List<RegionMention> source) {
        for (RegionMention m : source) {
            if (!m.resolved()) continue;
            Region r = m.region();
            if (province != null && !r.within(province) || prefecture != null && !r.within(prefecture)) continue;
            List<Region> chain = g.chain(r);
            if (county == null && r.level() == Region.Level.COUNTY) {
                county = r;
                // a county-level city's own outlet means itself by 市
                if (r.name().endsWith("市")) city = r;
            }
            for (Region x : chain) {
                if (province == null && x.level() == Region.Level.PROVINCE) province = x;
                if (prefecture == null && x.level() == Region.Level.PREFECTURE) prefecture = x;
            }
            if (city == null) city = prefecture;
            return;
        }
    }

    /** How often the article writes the region's own name (not 全市, 本县: those follow what the article is about). */
    private static int timesWritten(List<RegionMention> mentions, Region r) {
        int n = 0;
        for (RegionMention m : mentions) {
            if (r != null && m.resolved() && m.region().code().equals(r.code()) && !LEVEL_WORD.matcher(m.asWritten()).matches()) n++;
        }
        return n;
    }

    private static final java.util.regex.Pattern LEVEL_WORD = java.util.regex.Pattern.compile("[全本该我]?[省市州盟县区旗]");

    /** The region of that level named at least twice and in at least {@value #PAGE_SHARE} of that level's names. */
    private static Region mostly(List<RegionMention> mentions, Region.Level level) {
        Map<String, Integer> counts = new LinkedHashMap<>();
        Map<String, Region> byCode = new HashMap<>();
        int all = 0;
        for (RegionMention m : mentions) {
            if (!m.resolved() || m.region().level() != level) continue;
            all++;
            counts.merge(m.region().code(), 1, Integer::sum);
            byCode.put(m.region().code(), m.region());
        }
        int n = all;
        return counts.entrySet().stream().max(Map.Entry.comparingByValue())
                .filter(e -> e.getValue() >= 2 && e.getValue() >= PAGE_SHARE * n)
                .map(e -> byCode.get(e.getKey())).orElse(null);
    }

    /**
     * The prefecture that at least {@value #PAGE_SHARE} of the page's articles with a prefecture
     * mostly speak of: the city of a city paper's page; null on a provincial paper's mixed page.
     */
    static Region pagePrefecture(List<ArticleContext> articles) {
        Map<String, Integer> votes = new LinkedHashMap<>();
        Map<String, Region> byCode = new HashMap<>();
        int voters = 0;
        for (ArticleContext a : articles) {
            Region p = a.prefecture;
            if (p == null) continue;
            voters++;
            votes.merge(p.code(), 1, Integer::sum);
            byCode.put(p.code(), p);
        }
        int n = voters;
        return votes.entrySet().stream().max(Map.Entry.comparingByValue())
                .filter(e -> n >= 2 && e.getValue() >= PAGE_SHARE * n)
                .map(e -> byCode.get(e.getKey())).orElse(null);
    }

    static final double PAGE_SHARE = 0.6;

    /** The region of the given level that most resolved mentions lie in; the first one on ties. */
    private static Region dominant(Gazetteer g, List<RegionMention> mentions, Region.Level level) {
        Map<String, Integer> counts = new LinkedHashMap<>();
        Map<String, Region> byCode = new HashMap<>();
        for (RegionMention m : mentions) {
            if (!m.resolved()) continue;
            for (Region r : g.chain(m.region())) {
                if (r.level() == level) {
                    counts.merge(r.code(), 1, Integer::sum);
                    byCode.put(r.code(), r);
                }
            }
        }
        return counts.entrySet().stream().max(Map.Entry.comparingByValue())
                .map(e -> byCode.get(e.getKey())).orElse(null);
    }
}
