package io.newskg.gazetteer;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.newskg.eval.GoldSet;
import org.junit.jupiter.api.Test;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.text.Normalizer;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Stream;

import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Scores {@link RegionLinker} against the hand-made gold of the seed pages (eval/seeds): per
 * article (delimited by the gold's starts_with), the set of resolved common names against
 * gold regions[].name; then, for the matched ones, whether level and parent agree.
 * The pages are from Inner Mongolia papers, so the province passed is 150000; the city for
 * 全市 is not passed (the linker infers it from the article).
 */
class RegionGoldTest {
    static final String PROVINCE = "150000";

    @Test
    void regionsAgainstGold() throws Exception {
        Path gold = GoldSet.SEEDS.gold(), seeds = GoldSet.SEEDS.texts().get(0);
        RegionLinker linker = new RegionLinker(Gazetteer.get());
        ObjectMapper json = new ObjectMapper();
        int ptp = 0, pfp = 0, pfn = 0;
        int utp = 0, ufp = 0, ufn = 0; // per article, unresolved mentions counted by their written form
        int tp = 0, fp = 0, fn = 0, levelOk = 0, parentOk = 0, parentStrict = 0, matched = 0;
        List<String> report = new ArrayList<>();
        List<Path> files;
        try (Stream<Path> s = Files.list(gold)) {
            files = s.filter(p -> p.toString().endsWith(".json")).sorted().toList();
        }
        assertTrue(!files.isEmpty(), "no gold files in " + gold);
        for (Path gf : files) {
            JsonNode page = json.readTree(gf.toFile());
            String text = Files.readString(seeds.resolve(page.get("file").asText()), StandardCharsets.UTF_8);
            List<JsonNode> articles = new ArrayList<>();
            page.get("articles").forEach(articles::add);
            // page level: robust to articles continued in another column, which starts_with cannot delimit
            Set<String> pageWant = new LinkedHashSet<>(), pageOptional = new LinkedHashSet<>(), pageGot = new LinkedHashSet<>();
            for (JsonNode a : page.get("articles")) {
                for (JsonNode r : a.get("regions")) {
                    String name = norm(r.get("name").asText());
                    if (r.has("note") && r.get("note").asText().contains("optional")) pageOptional.add(name);
                    else pageWant.add(name);
                }
            }
            pageOptional.removeAll(pageWant);
            for (RegionMention m : linker.link(text, PROVINCE)) if (m.resolved()) pageGot.add(norm(m.region().commonName()));
            for (String g : pageGot) {
                if (pageWant.contains(g) || pageOptional.contains(g)) ptp++;
                else { pfp++; report.add(gf.getFileName() + " page FP " + g); }
            }
            for (String w : pageWant) if (!pageGot.contains(w)) { pfn++; report.add(gf.getFileName() + " page FN " + w); }
            List<String> parts = split(text, articles.stream().map(a -> a.get("starts_with").asText()).toList());
            for (int i = 0; i < articles.size(); i++) {
                JsonNode art = articles.get(i);
                Map<String, JsonNode> want = new LinkedHashMap<>();
                Set<String> optional = new LinkedHashSet<>();
                for (JsonNode r : art.get("regions")) {
                    String name = norm(r.get("name").asText());
                    want.put(name, r);
                    if (r.has("note") && r.get("note").asText().contains("optional")) optional.add(name);
                }
                Map<String, Region> got = new LinkedHashMap<>();
                List<String> unresolved = new ArrayList<>();
                for (RegionMention m : linker.link(parts.get(i), PROVINCE)) {
                    if (m.resolved()) got.putIfAbsent(norm(m.region().commonName()), m.region());
                    else unresolved.add(m.asWritten());
                }
                Set<String> withUnresolved = new LinkedHashSet<>(got.keySet());
                unresolved.forEach(u -> withUnresolved.add(norm(u)));
                for (String g : withUnresolved) if (want.containsKey(g)) utp++; else ufp++;
                for (String w : want.keySet()) if (!withUnresolved.contains(w) && !optional.contains(w)) ufn++;
                List<String> fps = new ArrayList<>(), fns = new ArrayList<>();
                for (var e : got.entrySet()) {
                    JsonNode g = want.get(e.getKey());
                    if (g == null) { fp++; fps.add(e.getKey() + "(" + e.getValue().code() + ")"); continue; }
                    tp++;
                    matched++;
                    Region r = e.getValue();
                    if (r.levelLabel().equals(g.get("level").asText())) levelOk++;
                    else fps.add("LEVEL " + e.getKey() + " " + r.levelLabel() + "≠" + g.get("level").asText());
                    String gp = g.get("parent").isNull() ? null : norm(g.get("parent").asText());
                    Region p = Gazetteer.get().parent(r);
                    if (gp == null ? p == null : p != null && norm(p.commonName()).equals(gp)) parentStrict++;
                    boolean ancestor = gp == null ? p == null
                            : Gazetteer.get().chain(r).stream().skip(1).anyMatch(a -> norm(a.commonName()).equals(gp));
                    if (ancestor) parentOk++;
                    else fps.add("PARENT " + e.getKey() + " " + (p == null ? null : p.name()) + "≠" + gp);
                }
                for (String w : want.keySet()) {
                    if (!got.containsKey(w) && !optional.contains(w)) {
                        fn++;
                        fns.add(w + "[" + want.get(w).get("as_written").asText() + "]");
                    }
                }
                if (!fps.isEmpty() || !fns.isEmpty()) {
                    report.add(gf.getFileName() + " #" + i + " " + art.get("starts_with").asText().substring(0, 8)
                            + "\n    FP " + fps + "\n    FN " + fns + "\n    unresolved " + unresolved);
                }
            }
        }
        double p = tp / (double) (tp + fp), r = tp / (double) (tp + fn), f1 = 2 * p * r / (p + r);
        report.forEach(System.out::println);
        double pp = ptp / (double) (ptp + pfp), pr = ptp / (double) (ptp + pfn);
        System.out.printf("regions per page: tp=%d fp=%d fn=%d P=%.3f R=%.3f F1=%.3f%n", ptp, pfp, pfn, pp, pr, 2 * pp * pr / (pp + pr));
        System.out.printf("regions per article: tp=%d fp=%d fn=%d P=%.3f R=%.3f F1=%.3f%n", tp, fp, fn, p, r, f1);
        double up = utp / (double) (utp + ufp), ur = utp / (double) (utp + ufn);
        System.out.printf("regions per article, unresolved mentions as written: tp=%d fp=%d fn=%d P=%.3f R=%.3f F1=%.3f%n",
                utp, ufp, ufn, up, ur, 2 * up * ur / (up + ur));
        System.out.printf("level agreement %d/%d = %.1f%%; parent (gold parent is an ancestor) %d/%d = %.1f%%;"
                        + " parent strict (direct parent) %d/%d = %.1f%%%n",
                levelOk, matched, 100.0 * levelOk / matched, parentOk, matched, 100.0 * parentOk / matched,
                parentStrict, matched, 100.0 * parentStrict / matched);
        assertTrue(f1 >= 0.80, "regions F1 fell to " + f1);
        assertTrue(levelOk >= 0.95 * matched, "level agreement fell");
    }

    /** Article texts: each from its title block (short lines just before starts_with) to the next one's. */
    static List<String> split(String text, List<String> startsWith) {
        // articles are found independently: the gold's order need not be the page's
        int n = startsWith.size();
        int[] at = new int[n];
        String folded = Normalizer.normalize(text, Normalizer.Form.NFKC);
        for (int i = 0; i < n; i++) {
            at[i] = text.indexOf(startsWith.get(i));
            if (at[i] < 0) at[i] = folded.indexOf(Normalizer.normalize(startsWith.get(i), Normalizer.Form.NFKC));
        }
        Integer[] order = new Integer[n];
        for (int i = 0; i < n; i++) order[i] = i;
        java.util.Arrays.sort(order, (a, b) -> Integer.compare(at[a], at[b]));
        int[] begin = new int[n];
        int floor = 0;
        for (int k = 0; k < n; k++) {
            int i = order[k];
            begin[i] = k == 0 ? 0 : titleStart(text, Math.max(at[i], 0), floor);
            floor = Math.max(at[i], 0) + 1;
        }
        List<String> out = new ArrayList<>();
        for (int k = 0; k < n; k++) out.add(null);
        for (int k = 0; k < n; k++) {
            int i = order[k];
            int end = k + 1 < n ? begin[order[k + 1]] : text.length();
            out.set(i, at[i] < 0 ? "" : text.substring(begin[i], Math.max(begin[i], end)));
        }
        return out;
    }

    /** Walks back over short lines that do not end a sentence (headline, subtitle, byline). */
    private static int titleStart(String text, int at, int floor) {
        int start = at;
        while (start > floor) {
            int lineEnd = start - 1;
            while (lineEnd > floor && text.charAt(lineEnd - 1) == '\n') lineEnd--;
            int lineStart = text.lastIndexOf('\n', lineEnd - 1) + 1;
            if (lineStart < floor || lineEnd <= lineStart) break;
            String line = text.substring(lineStart, lineEnd).strip();
            if (line.length() > 40 || line.endsWith("。") || line.endsWith("”") || line.endsWith("！") || line.endsWith("）")) break;
            start = lineStart;
        }
        return start;
    }

    static String norm(String s) {
        return Normalizer.normalize(s, Normalizer.Form.NFKC).strip();
    }
}
