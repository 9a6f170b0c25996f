package io.newskg.gazetteer;

import com.hankcs.hanlp.corpus.tag.Nature;
import com.hankcs.hanlp.dictionary.CoreDictionary;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;

/**
 * Builds {@code src/main/resources/gazetteer/regions.tsv} from the source tables in
 * {@code src/test/resources/gazetteer/source/} (copies of shared/data/regions, see SOURCE.md).
 *
 * <p>Run: {@code mvn -o -q test -Dtest=GazetteerResourceTest -Dgazetteer.regenerate=true}, or
 * {@link #main} with the project root as working directory. Without the flag that test checks
 * that the committed resource equals what this generator produces.
 *
 * <p>What it does, and why:
 * <ul>
 *   <li>merges the three tables into one file, one division a line, sorted by code;</li>
 *   <li>drops NBS placeholder rows (市辖区, 县, 省直辖县级行政区划) and hangs their children on
 *       the placeholder's parent, so every parent is a real, linkable division;</li>
 *   <li>villages whose 2021 township code is gone from the 2023 table hang on their county;</li>
 *   <li>omits level (implied by the code) and the parent when it is the code prefix;</li>
 *   <li>lists the extra surface forms: committee suffix stripped (麻地卜村委会 → 麻地卜村),
 *       level suffix dropped (乌兰察布市 → 乌兰察布) unless the stem is a common word in HanLP's
 *       core dictionary (安宁市 → 安宁 is not a form), regular banner
 *       short forms (察右前旗) and the short names of abbreviations-nm.tsv, minus those that
 *       are ambiguous (左旗, 右旗: the tail of several banner names).</li>
 * </ul>
 */
public final class GazetteerGenerator {
    static final Path SOURCE = Path.of("src", "test", "resources", "gazetteer", "source");
    static final Path TARGET = Path.of("src", "main", "resources", "gazetteer", "regions.tsv");

    public static void main(String[] args) throws IOException {
        Path src = args.length > 0 ? Path.of(args[0]) : SOURCE;
        Path out = args.length > 1 ? Path.of(args[1]) : TARGET;
        Files.writeString(out, generate(src), StandardCharsets.UTF_8);
        System.out.println("wrote " + out + " (" + Files.size(out) + " bytes)");
    }

    static String generate(Path src) throws IOException {
        Map<String, String[]> rows = new TreeMap<>();
        for (String f : new String[] {"divisions-cn-to-township.tsv", "villages-nm.tsv"}) {
            for (String[] row : read(src.resolve(f))) rows.put(row[0], row);
        }
        // placeholders: children go to the placeholder's own parent
        Map<String, String> placeholderParent = new HashMap<>();
        for (String[] row : rows.values()) {
            if (!NameForms.isLinkableName(row[1])) placeholderParent.put(row[0], row[3]);
        }
        Map<String, Region> regions = new LinkedHashMap<>();
        for (String[] row : rows.values()) {
            if (placeholderParent.containsKey(row[0])) continue;
            String parent = row[3].isEmpty() ? null : row[3];
            if (parent != null && placeholderParent.containsKey(parent)) parent = placeholderParent.get(parent);
            if (parent != null && !rows.containsKey(parent)) parent = parent.substring(0, 6); // 2021 → 2023 recoding
            Region.Level level = Region.Level.parse(row[2]);
            if (level != Region.Level.ofCode(row[0])) throw new IllegalStateException("level/code mismatch " + row[0]);
            regions.put(row[0], new Region(row[0], row[1], level, parent));
        }
        Map<String, Set<String>> extra = new HashMap<>();
        Map<String, Set<String>> bannerForms = new HashMap<>();
        for (Region r : regions.values()) {
            Set<String> forms = new LinkedHashSet<>(NameForms.forms(r));
            forms.remove(r.name());
            String stem = NameForms.stem(r);
            if (stem != null && isCommonWord(stem)) forms.remove(stem);
            for (String f : forms) if (f.endsWith("旗")) bannerForms.computeIfAbsent(f, k -> new HashSet<>()).add(r.code());
            extra.put(r.code(), forms);
        }
        // a generated banner form shared by two banners is ambiguous: drop it
        for (var e : bannerForms.entrySet()) {
            if (e.getValue().size() > 1) for (String c : e.getValue()) extra.get(c).remove(e.getKey());
        }
        List<String> bannerNames = regions.values().stream().filter(r -> r.name().endsWith("旗")).map(Region::name).toList();
        for (String[] row : read(src.resolve("abbreviations-nm.tsv"))) {
            String abbr = row[2];
            boolean tailOfOthers = bannerNames.stream().filter(n -> n.endsWith(abbr) && !n.equals(abbr)).count() > 1;
            if (!tailOfOthers && regions.containsKey(row[0])) extra.get(row[0]).add(abbr);
        }
        StringBuilder sb = new StringBuilder(1 << 21);
        sb.append("# NewsKG gazetteer, generated by GazetteerGenerator (src/test/java/io/newskg/gazetteer) from\n")
          .append("# NBS 统计用区划代码: provinces..townships 2023 (cut-off 2023-06-30), Inner Mongolia villages 2021;\n")
          .append("# see SOURCE.md. Columns: code, official name, parent code (empty = code prefix),\n")
          .append("# extra surface forms separated by '|'. Level follows from the code length. Do not edit.\n");
        for (Region r : regions.values()) {
            String derived = Region.derivedParent(r.code());
            String parent = r.parentCode() == null || r.parentCode().equals(derived) ? "" : r.parentCode();
            sb.append(r.code()).append('\t').append(r.name()).append('\t').append(parent)
              .append('\t').append(String.join("|", extra.get(r.code()))).append('\n');
        }
        return sb.toString();
    }

    /**
     * A common word in HanLP's core dictionary: tagged verb, adjective, adverb, pronoun, numeral,
     * time word etc. (安宁 a, 日照 vn). Plain nouns are not enough: the portable dictionary tags
     * many place names n (乌兰浩特, 霍林郭勒).
     */
    static boolean isCommonWord(String w) {
        CoreDictionary.Attribute a = CoreDictionary.get(w);
        if (a == null) return false;
        for (Nature n : a.nature) if ("vadrpcmqtfu".indexOf(n.toString().charAt(0)) >= 0) return true;
        return false;
    }

    private static List<String[]> read(Path p) throws IOException {
        List<String[]> out = new ArrayList<>();
        List<String> lines = Files.readAllLines(p, StandardCharsets.UTF_8);
        for (String line : lines.subList(1, lines.size())) if (!line.isBlank()) out.add(line.split("\t", -1));
        return out;
    }
}
