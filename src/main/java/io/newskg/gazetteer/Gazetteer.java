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
 * committee suffix, banner abbreviations. Loaded from the generated {@code regions.tsv}.
 */
public final class Gazetteer {
    static final String RESOURCE = "/gazetteer/regions.tsv";
    private static volatile Gazetteer instance;

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
        return g;
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

    public Region byCode(String code) { return byCode.get(code); }

    /** Number of divisions loaded. */
    public int size() { return byCode.size(); }

    /** All regions a surface form may denote. */
    public List<Region> lookup(String form) {
        return byForm.getOrDefault(form, Collections.emptyList());
    }

    public Iterable<String> forms() { return byForm.keySet(); }

    /** Direct sub-divisions (a county's townships, a township's villages), in code order. */
    public List<Region> children(Region r) {
        return children.getOrDefault(r.code(), Collections.emptyList());
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
