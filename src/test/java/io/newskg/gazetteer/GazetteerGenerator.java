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
 * Builds {@code src/main/resources/gazetteer/regions.tsv} and {@code villages/} from the team's
 * source tables in {@code src/test/resources/gazetteer/source} (a gzipped copy of the team's
 * {@code ../shared/data/regions}; or {@code -Dgazetteer.source=DIR}; see SOURCE.md).
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
    /** The NBS source tables, committed (gzipped) so that a fresh clone checks the resource. */
    static final Path SOURCE = Path.of(System.getProperty("gazetteer.source", "src/test/resources/gazetteer/source"));
    /** The resource folder; files are named relative to it. */
    static final Path TARGET_DIR = Path.of("src", "main", "resources", "gazetteer");
    static final Path TARGET = TARGET_DIR.resolve("regions.tsv");

    public static void main(String[] args) throws IOException {
        Path src = args.length > 0 ? Path.of(args[0]) : SOURCE;
        Path out = args.length > 1 ? Path.of(args[1]) : TARGET_DIR;
        write(generate(src), out);
    }

    /** Writes the files: {@code .gz} names compressed, the rest as UTF-8 text; stale village files are removed. */
    static void write(Map<String, String> files, Path dir) throws IOException {
        Files.createDirectories(dir.resolve("villages"));
        try (var old = Files.list(dir.resolve("villages"))) {
            for (Path p : old.toList()) if (!files.containsKey("villages/" + p.getFileName())) Files.delete(p);
        }
        for (var e : files.entrySet()) {
            Path p = dir.resolve(e.getKey());
            byte[] bytes = e.getValue().getBytes(StandardCharsets.UTF_8);
            if (e.getKey().endsWith(".gz")) {
                var buf = new java.io.ByteArrayOutputStream();
                try (var gz = new java.util.zip.GZIPOutputStream(buf, 1 << 16) {
                    { def.setLevel(java.util.zip.Deflater.BEST_COMPRESSION); }
                }) {
                    gz.write(bytes);
                }
                bytes = buf.toByteArray();
            }
            Files.write(p, bytes);
        }
        System.out.println("wrote " + files.size() + " files to " + dir);
    }

    /** The text of a committed resource file ({@code .gz} decompressed), or null if absent. */
    static String readResource(Path dir, String name) throws IOException {
        Path p = dir.resolve(name);
        if (!Files.exists(p)) return null;
        if (!name.endsWith(".gz")) return Files.readString(p, StandardCharsets.UTF_8);
        try (var in = new java.util.zip.GZIPInputStream(Files.newInputStream(p))) {
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        }
    }

    /** Resource files by name relative to {@link #TARGET_DIR}: regions.tsv, villages/index.tsv, villages/PP.tsv.gz. */
    static Map<String, String> generate(Path src) throws IOException {
        Map<String, String> files = new TreeMap<>();
        Map<String, String[]> rows = new TreeMap<>();
        for (String[] row : read(src.resolve("divisions-cn-to-township.tsv"))) rows.put(row[0], row);
        // Hong Kong, Macao and Taiwan: not in the NBS tables (hk-mo-tw.md)
        for (String[] row : read(src.resolve("hk-mo-tw.tsv"))) {
            if (rows.put(row[0], row) != null) throw new IllegalStateException("code taken: " + row[0]);
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
        Set<String> provinceForms = new HashSet<>();
        for (Region r : regions.values()) if (r.level() == Region.Level.PROVINCE) provinceForms.addAll(NameForms.forms(r));
        for (Region r : regions.values()) {
            Set<String> forms = new LinkedHashSet<>(NameForms.forms(r));
            forms.remove(r.name());
            String stem = NameForms.stem(r);
            if (stem != null && isCommonWord(stem)) forms.remove(stem);
            // 河南蒙古族自治县 is not written 河南: that is the province
            if (stem != null && r.level() == Region.Level.COUNTY && provinceForms.contains(stem)) forms.remove(stem);
            for (String f : forms) if (f.endsWith("旗")) bannerForms.computeIfAbsent(f, k -> new HashSet<>()).add(r.code());
            extra.put(r.code(), forms);
        }
        // a generated banner form shared by two banners is ambiguous: drop it
        for (var e : bannerForms.entrySet()) {
            if (e.getValue().size() > 1) for (String c : e.getValue()) extra.get(c).remove(e.getKey());
        }
        districtForms(regions, extra);
        List<String> bannerNames = regions.values().stream().filter(r -> r.name().endsWith("旗")).map(Region::name).toList();
        for (String[] row : read(src.resolve("abbreviations-nm.tsv"))) {
            String abbr = row[2];
            boolean tailOfOthers = bannerNames.stream().filter(n -> n.endsWith(abbr) && !n.equals(abbr)).count() > 1;
            if (!tailOfOthers && regions.containsKey(row[0])) extra.get(row[0]).add(abbr);
        }
        StringBuilder sb = new StringBuilder(1 << 21);
        sb.append("# NewsKG gazetteer, generated by GazetteerGenerator (src/test/java/io/newskg/gazetteer) from\n")
          .append("# NBS 统计用区划代码: provinces..townships 2023 (cut-off 2023-06-30); villages 2021 in villages/;\n")
          .append("# see SOURCE.md. Columns: code, official name, parent code (empty = code prefix),\n")
          .append("# extra surface forms separated by '|'. Level follows from the code length. Do not edit.\n");
        for (Region r : regions.values()) {
            String derived = Region.derivedParent(r.code());
            String parent = r.parentCode() == null || r.parentCode().equals(derived) ? "" : r.parentCode();
            sb.append(r.code()).append('\t').append(r.name()).append('\t').append(parent)
              .append('\t').append(String.join("|", extra.get(r.code()))).append('\n');
        }
        files.put("regions.tsv", sb.toString());
        villages(src, regions, files);
        return files;
    }

    /**
     * One file per province: {@code >township} lines, then its villages in code order as
     * {@code NNN TAB name}, or {@code name} alone when NNN is the previous one plus one (see
     * {@link VillageTable}). A 2021 township code absent from the 2023 table gets the division its
     * villages hang on: its county, else (recoded development zones) its prefecture, else its province.
     */
    static void villages(Path src, Map<String, Region> regions, Map<String, String> files) throws IOException {
        Map<String, StringBuilder> byProvince = new TreeMap<>();
        Map<String, Integer> counts = new TreeMap<>();
        String township = null;
        long last = -2;
        List<String[]> rows = read(src.resolve("villages-cn.tsv"));
        rows.sort(java.util.Comparator.comparing(r -> r[0]));
        for (String[] row : rows) {
            String code = row[0], name = row[1];
            if (code.length() != 12 || !"village".equals(row[2])) throw new IllegalStateException("not a village row: " + code);
            if (!row[3].equals(code.substring(0, 9))) throw new IllegalStateException("parent is not the code prefix: " + code);
            if (name.indexOf('\t') >= 0 || name.indexOf('\n') >= 0 || name.startsWith(">") || name.startsWith("#") || name.isEmpty()) {
                throw new IllegalStateException("name not writable: " + code);
            }
            String province = code.substring(0, 2);
            StringBuilder sb = byProvince.computeIfAbsent(province, k -> new StringBuilder(1 << 20)
                    .append("# villages and communities of ").append(regions.get(k + "0000").name())
                    .append(", NBS 2021, generated by GazetteerGenerator; see VillageTable for the format. Do not edit.\n"));
            counts.merge(province, 1, Integer::sum);
            String t = code.substring(0, 9);
            if (!t.equals(township)) {
                township = t;
                last = -2;
                sb.append('>').append(t);
                if (!regions.containsKey(t)) sb.append('\t').append(hangOn(t, regions));
                sb.append('\n');
            }
            long seq = Long.parseLong(code.substring(9));
            if (seq == last + 1 && !Character.isDigit(name.charAt(0))) sb.append(name).append('\n');
            else sb.append(code, 9, 12).append('\t').append(name).append('\n');
            last = seq;
        }
        StringBuilder index = new StringBuilder("# province prefix, villages in villages/PP.tsv.gz (generated)\n");
        for (var e : byProvince.entrySet()) {
            files.put("villages/" + e.getKey() + ".tsv.gz", e.getValue().toString());
            index.append(e.getKey()).append('\t').append(counts.get(e.getKey())).append('\n');
        }
        files.put("villages/index.tsv", index.toString());
    }

    /**
     * Short and former forms of county-level districts: news drops 区 from a district's name when
     * it is a proper place name (萧山区 → 萧山, 潼南区 → 潼南) and keeps using the name it had as a
     * county before it became a district or city (撤县设区 斗门县 → 斗门区, 撤县设市 邹平县 → 邹平市).
     * Only stems that HanLP's core dictionary knows as place or proper names or not at all (not 青山
     * n, 朝阳 n, 和平 a), that one district alone has (not 鼓楼, 新华, 桥西: generic names recur), not
     * ending in 矿/新 (井陉矿区, 滨海新区), and only forms no other division has (not 河北 of 河北区).
     * No former X市 for a district: X市场 is too common a word.
     */
    static void districtForms(Map<String, Region> regions, Map<String, Set<String>> extra) {
        Set<String> taken = new HashSet<>();
        for (Region r : regions.values()) {
            taken.add(r.name());
            taken.addAll(extra.get(r.code()));
        }
        Map<String, List<String>> byStem = new TreeMap<>();
        for (Region r : regions.values()) {
            if (r.level() != Region.Level.COUNTY || r.statistical()) continue;
            String n = r.name();
            if (!n.endsWith("区") && !n.endsWith("市")) continue;
            String stem = n.substring(0, n.length() - 1);
            if (stem.length() < 2 || stem.endsWith("矿") || stem.endsWith("新") || !properName(stem)) continue;
            byStem.computeIfAbsent(stem, k -> new ArrayList<>()).add(r.code());
        }
        for (var e : byStem.entrySet()) {
            String stem = e.getKey();
            if (e.getValue().size() > 1) continue;
            String code = e.getValue().get(0);
            boolean district = regions.get(code).name().endsWith("区");
            if (district && taken.contains(stem)) continue;
            if (district) extra.get(code).add(stem);
            if (!taken.contains(stem + "县")) extra.get(code).add(stem + "县");
        }
    }

    /** In HanLP's core dictionary only as a place, organisation-ish or person name (nz, ns, nr, s excluded), or not at all. */
    static boolean properName(String w) {
        CoreDictionary.Attribute a = CoreDictionary.get(w);
        if (a == null) return true;
        for (Nature n : a.nature) {
            String t = n.toString();
            if (!(t.startsWith("ns") || t.startsWith("nz") || t.startsWith("nr"))) return false;
        }
        return true;
    }

    private static String hangOn(String township, Map<String, Region> regions) {
        for (String c : new String[] {township.substring(0, 6), township.substring(0, 4) + "00", township.substring(0, 2) + "0000"}) {
            if (regions.containsKey(c)) return c;
        }
        throw new IllegalStateException("no division for " + township);
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

    /** A source table, read from {@code X.tsv} or, as committed, {@code X.tsv.gz}. */
    private static List<String[]> read(Path p) throws IOException {
        List<String[]> out = new ArrayList<>();
        Path gz = p.resolveSibling(p.getFileName() + ".gz");
        List<String> lines;
        if (!Files.exists(p) && Files.exists(gz)) {
            try (var in = new java.util.zip.GZIPInputStream(Files.newInputStream(gz))) {
                lines = new String(in.readAllBytes(), StandardCharsets.UTF_8).lines().toList();
            }
        } else {
            lines = Files.readAllLines(p, StandardCharsets.UTF_8);
        }
        for (String line : lines.subList(1, lines.size())) if (!line.isBlank()) out.add(line.split("\t", -1));
        return out;
    }
}
