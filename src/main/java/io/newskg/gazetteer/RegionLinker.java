package io.newskg.gazetteer;

import com.hankcs.hanlp.collection.AhoCorasick.AhoCorasickDoubleArrayTrie;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.TreeMap;

/**
 * Finds region mentions in a text and resolves each to one division, using the chain of
 * regions written before it (乌兰察布市卓资县大榆树乡麻地卜村), the other regions of the text and
 * the paper's province.
 */
public final class RegionLinker {
    private final Gazetteer gazetteer;
    private final AhoCorasickDoubleArrayTrie<String> trie = new AhoCorasickDoubleArrayTrie<>();

    public RegionLinker(Gazetteer gazetteer) {
        this.gazetteer = gazetteer;
        TreeMap<String, String> forms = new TreeMap<>();
        for (String f : gazetteer.forms()) {
            if (f.length() >= 2) forms.put(f, f);
        }
        trie.build(forms);
    }

    public Gazetteer gazetteer() { return gazetteer; }

    /**
     * @param provinceCode the paper's province (e.g. 150000), or null if unknown
     */
    public List<RegionMention> link(String text, String provinceCode) {
        List<int[]> spans = longestMatches(text);
        Region province = provinceCode == null ? null : gazetteer.byCode(provinceCode);
        // first pass: unambiguous mentions become context for the rest
        List<Region> context = new ArrayList<>();
        for (int[] s : spans) {
            List<Region> cands = candidates(text.substring(s[0], s[1]), province);
            if (cands.size() == 1) context.add(cands.get(0));
        }
        List<RegionMention> out = new ArrayList<>();
        Region previous = null;
        int previousEnd = -1;
        for (int[] s : spans) {
            String form = text.substring(s[0], s[1]);
            List<Region> cands = candidates(form, province);
            Region chosen = null;
            double conf = 0.0;
            if (cands.size() == 1) {
                chosen = cands.get(0);
                conf = form.equals(chosen.name()) ? 0.95 : 0.85;
            } else if (cands.size() > 1) {
                Region chainParent = previousEnd == s[0] ? previous : null;
                chosen = pick(cands, chainParent != null ? List.of(chainParent) : List.of());
                if (chosen != null) conf = 0.9;
                else {
                    chosen = pick(cands, context);
                    if (chosen != null) conf = 0.7;
                }
            }
            out.add(new RegionMention(form, s[0], s[1], chosen, conf));
            previous = chosen;
            previousEnd = s[1];
        }
        return out;
    }

    private List<Region> candidates(String form, Region province) {
        List<Region> all = gazetteer.lookup(form);
        if (province == null || all.size() <= 1) return all;
        List<Region> inProvince = all.stream().filter(r -> gazetteer.within(r, province)).toList();
        return inProvince.isEmpty() ? all : inProvince;
    }

    /** The single candidate lying within one of the context regions, or null. */
    private Region pick(List<Region> cands, List<Region> context) {
        Region found = null;
        for (Region c : cands) {
            boolean inside = context.stream().anyMatch(x -> !x.code().equals(c.code()) && gazetteer.within(c, x));
            if (inside) {
                if (found != null && !found.code().equals(c.code())) return null;
                found = c;
            }
        }
        return found;
    }

    /** Leftmost-longest, non-overlapping dictionary matches. */
    private List<int[]> longestMatches(String text) {
        List<int[]> hits = new ArrayList<>();
        trie.parseText(text, (b, e, v) -> hits.add(new int[] {b, e}));
        hits.sort(Comparator.<int[]>comparingInt(h -> h[0]).thenComparingInt(h -> -(h[1] - h[0])));
        List<int[]> out = new ArrayList<>();
        int covered = 0;
        for (int[] h : hits) {
            if (h[0] >= covered) {
                out.add(h);
                covered = h[1];
            }
        }
        return out;
    }
}
