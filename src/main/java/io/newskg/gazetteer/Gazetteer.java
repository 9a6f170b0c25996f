package io.newskg.gazetteer;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Official divisions (NBS 统计用区划代码, see resources/gazetteer/SOURCE.md) with every name form
 * news uses for them: official name, name without level suffix, village name without its
 * committee suffix, banner abbreviations. The country to the township is loaded from the
 * generated {@code regions.tsv}; the villages and communities of a province (618,133 in all) from
 * {@code villages/PP.tsv.gz} on first use, held compactly ({@link VillageTable}).
 *
 * <p>{@link #lookup} and {@link #forms} cover the divisions down to the township (and the villages of
 * a gazetteer made by {@link #of}); villages of the loaded tables are found per province with
 * {@link #villages}. {@link #byCode}, {@link #children}, {@link #parent} and {@link #chain} cover all.
 */
public final class Gazetteer {
    static final String RESOURCE = "/gazetteer/regions.tsv";
    static final String VILLAGES = "/gazetteer/villages/";
    private static volatile Gazetteer instance;

    /** Province (2 digits) → number of villages in its table; empty for {@link #of}. */
    private final Map<String, Integer> villageCounts = new java.util.TreeMap<>();
    private final java.util.concurrent.atomic.AtomicReferenceArray<VillageTable> tables = new java.util.concurrent.atomic.AtomicReferenceArray<>(100);

    private final Map<String, Region> byCode = new HashMap<>(80_000);
    private final Map<String, List<Region>> byForm = new HashMap<>(160_000);
    private final Map<String, List<Region>> children = new HashMap<>(40_000);

    public static Gazetteer get() {
        Gazetteer g = instance;
        if (g == null) {
            synchronized (Gazetteer.class) {
                if (instance == null) instance = load();
                g = instance;
            }
        }
        return g;
    }

    static Gazetteer load() {
        Gazetteer g = new Gazetteer();
        try (InputStream in = Gazetteer.class.getResourceAsStream(RESOURCE)) {
            if (in == null) throw new IllegalStateException("missing resource " + RESOURCE);
            BufferedReader r = new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8), 1 << 16);
            for (String line; (line = r.readLine()) != null; ) {
                if (line.isEmpty() || line.charAt(0) == '#') continue;
                int t1 = line.indexOf('\t'), t2 = line.indexOf('\t', t1 + 1), t3 = line.indexOf('\t', t2 + 1);
                String code = line.substring(0, t1);
                String name = line.substring(t1 + 1, t2);
                String parent = t3 > t2 + 1 ? line.substring(t2 + 1, t3) : Region.derivedParent(code);
                Region region = new Region(code, name, Region.Level.ofCode(code), parent);
                g.byCode.put(code, region);
                g.addForm(name, region);
                for (int s = t3 + 1; s < line.length(); ) {
                    int e = line.indexOf('|', s);
                    if (e < 0) e = line.length();
                    g.addForm(line.substring(s, e), region);
                    s = e + 1;
                }
                if (parent != null) g.children.computeIfAbsent(parent, k -> new ArrayList<>(4)).add(region);
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        try (InputStream in = Gazetteer.class.getResourceAsStream(VILLAGES + "index.tsv")) {
            if (in != null) {
                BufferedReader r = new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8));
                for (String line; (line = r.readLine()) != null; ) {
                    if (line.isEmpty() || line.charAt(0) == '#') continue;
                    int t = line.indexOf('\t');
                    g.villageCounts.put(line.substring(0, t), Integer.parseInt(line.substring(t + 1)));
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return g;
    }

    /** The village table of a province (2-digit prefix), loaded on first use; null if there is none. */
    VillageTable table(String province) {
        if (!villageCounts.containsKey(province)) return null;
        int i = Integer.parseInt(province);
        VillageTable t = tables.get(i);
        if (t != null) return t;
        synchronized (tables) {
            t = tables.get(i);
            if (t == null) {
                try (InputStream in = Gazetteer.class.getResourceAsStream(VILLAGES + province + ".tsv.gz")) {
                    if (in == null) throw new IllegalStateException("missing resource " + VILLAGES + province + ".tsv.gz");
                    t = VillageTable.load(province, in);
                } catch (IOException e) {
                    throw new UncheckedIOException(e);
                }
                tables.set(i, t);
            }
        }
        return t;
    }

    /** Provinces (2-digit code prefixes) with a lazily loaded village table. */
    java.util.Set<String> villageProvinces() { return villageCounts.keySet(); }

    /**
     * Villages and communities of a province named by a text form (麻地卜村, 麻地卜村委会,
     * 苏荣贵嘎查村 …): those of its lazily loaded table; empty if it has none.
     *
     * @param provinceCode 6-digit province code (or its 2-digit prefix)
     */
    public List<Region> villages(String form, String provinceCode) {
        VillageTable t = provinceCode == null || provinceCode.length() < 2 ? null : table(provinceCode.substring(0, 2));
        if (t == null) return Collections.emptyList();
        List<Region> out = new ArrayList<>(2);
        t.find(VillageTable.key(form), out);
        return out;
    }

    /**
     * A gazetteer over the given divisions with the forms {@link NameForms} derives (no
     * common-word filter, no abbreviation table): for tests and for callers with their own data.
     */
    public static Gazetteer of(java.util.Collection<Region> regions) {
        Gazetteer g = new Gazetteer();
        for (Region r : regions) {
            g.byCode.put(r.code(), r);
            for (String f : NameForms.forms(r)) g.addForm(f, r);
            if (r.parentCode() != null) g.children.computeIfAbsent(r.parentCode(), k -> new ArrayList<>(4)).add(r);
        }
        return g;
    }

    private void addForm(String form, Region r) {
        List<Region> list = byForm.get(form);
        if (list == null) byForm.put(form, List.of(r));
        else if (!list.contains(r)) {
            List<Region> more = new ArrayList<>(list.size() + 1);
            more.addAll(list);
            more.add(r);
            byForm.put(form, more);
        }
    }

    public Region byCode(String code) {
        Region r = byCode.get(code);
        if (r == null && code != null && code.length() == 12) {
            VillageTable t = table(code.substring(0, 2));
            if (t != null) r = t.byCode(code);
        }
        return r;
    }

    /** Number of divisions, the villages of the (not yet loaded) province tables included. */
    public int size() {
        int n = byCode.size();
        for (int c : villageCounts.values()) n += c;
        return n;
    }

    /**
     * All regions a surface form may denote, down to the township (villages of the province
     * tables: {@link #villages}).
     */
    public List<Region> lookup(String form) {
        return byForm.getOrDefault(form, Collections.emptyList());
    }

    public Iterable<String> forms() { return byForm.keySet(); }

    /** Direct sub-divisions (a county's townships, a township's villages), in code order. */
    public List<Region> children(Region r) {
        List<Region> own = children.getOrDefault(r.code(), Collections.emptyList());
        if (r.level() != Region.Level.TOWNSHIP && r.level() != Region.Level.COUNTY && r.level() != Region.Level.PREFECTURE) return own;
        VillageTable t = table(r.code().substring(0, 2));
        if (t == null) return own;
        List<Region> villages = t.children(r.code());
        if (villages.isEmpty()) return own;
        if (own.isEmpty()) return villages;
        List<Region> all = new ArrayList<>(own);
        all.addAll(villages);
        return all;
    }

    public Region parent(Region r) {
        if (r.parentCode() == null) return null;
        Region p = byCode.get(r.parentCode());
        if (p == null && r.code().length() > 6) {
            // villages under township codes recoded since 2021 hang on their county
            p = byCode.get(r.code().substring(0, 6));
        }
        return p;
    }

    /** True if {@code ancestor} is {@code r} or one of its ancestors. */
    public boolean within(Region r, Region ancestor) {
        for (Region x = r; x != null; x = parent(x)) {
            if (x.code().equals(ancestor.code())) return true;
        }
        return false;
    }

    public Region province(Region r) {
        Region x = r;
        while (x != null && x.level() != Region.Level.PROVINCE) x = parent(x);
        return x;
    }

    /** The region and its ancestors up to the province, nearest first. */
    public List<Region> chain(Region r) {
        List<Region> out = new ArrayList<>();
        for (Region x = r; x != null; x = parent(x)) out.add(x);
        return out;
    }
}
