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
    final Region province;
    final Region prefecture;
    final Region county;
    final List<RegionMention> regions;
    final List<String> fullOrgs = new ArrayList<>();

    ArticleContext(Gazetteer g, Region province, List<RegionMention> regions) {
        this.province = province;
        this.regions = regions;
        this.prefecture = dominant(g, regions, Region.Level.PREFECTURE);
        this.county = dominant(g, regions, Region.Level.COUNTY);
    }

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
