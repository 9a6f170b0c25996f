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
 * committee suffix, banner abbreviations.
 */
public final class Gazetteer {
    private static volatile Gazetteer instance;

    private final Map<String, Region> byCode = new HashMap<>();
    private final Map<String, List<Region>> byForm = new HashMap<>();

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
        g.readDivisions("/gazetteer/divisions-cn-to-township.tsv");
        g.readDivisions("/gazetteer/villages-nm.tsv");
        for (Region r : g.byCode.values()) {
            for (String form : NameForms.forms(r)) g.addForm(form, r);
        }
        for (String[] row : rows("/gazetteer/abbreviations-nm.tsv")) {
            Region r = g.byCode.get(row[0]);
            if (r != null) g.addForm(row[2], r);
        }
        return g;
    }

    private void addForm(String form, Region r) {
        List<Region> list = byForm.computeIfAbsent(form, k -> new ArrayList<>(1));
        if (!list.contains(r)) list.add(r);
    }

    private void readDivisions(String resource) {
        for (String[] row : rows(resource)) {
            String parent = row.length > 3 && !row[3].isEmpty() ? row[3] : null;
            Region r = new Region(row[0], row[1], Region.Level.parse(row[2]), parent);
            if (NameForms.isLinkable(r)) byCode.put(r.code(), r);
        }
    }

    private static List<String[]> rows(String resource) {
        try (InputStream in = Gazetteer.class.getResourceAsStream(resource)) {
            if (in == null) throw new IllegalStateException("missing resource " + resource);
            BufferedReader r = new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8));
            List<String[]> out = new ArrayList<>();
            r.readLine();
            for (String line; (line = r.readLine()) != null; ) {
                if (!line.isBlank()) out.add(line.split("\t", -1));
            }
            return out;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    public Region byCode(String code) { return byCode.get(code); }

    /** All regions a surface form may denote. */
    public List<Region> lookup(String form) {
        return byForm.getOrDefault(form, Collections.emptyList());
    }

    public Iterable<String> forms() { return byForm.keySet(); }

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
