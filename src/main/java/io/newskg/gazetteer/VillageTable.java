package io.newskg.gazetteer;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.BitSet;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.zip.GZIPInputStream;

/**
 * The villages and communities of one province, held compactly (codes in a {@code long[]}, names
 * in one {@code char[]}, a sorted hash index over their common forms); {@link Region} objects are
 * made only for the rows asked for. Loaded on first use from {@code villages/PP.tsv.gz}.
 *
 * <p>File format (generated, see GazetteerGenerator): a line {@code >TTTTTTTTT} opens the villages
 * of township TTTTTTTTT ({@code >TTTTTTTTT TAB PARENT} when that 2021 township code is gone and
 * its villages hang on PARENT); then one village a line, {@code NNN TAB name}, or just
 * {@code name} when its last three digits are the previous village's plus one.
 */
final class VillageTable {
    final String province;
    private final long[] codes;
    private final char[] pool;
    private final int[] offsets;
    /** (hash of the key form << 32) | row, sorted. */
    private final long[] index;
    /** Townships gone by 2023 → the division their villages hang on. */
    private final Map<String, String> parentOverride;
    /** Division → rows of villages hung on it by override (recoded townships). */
    private final Map<String, int[]> overrideChildren;
    /** Last characters of the indexed forms, and of text forms that map onto them (委员会, 嘎查村). */
    final BitSet anchors = new BitSet(1 << 16);
    /**
     * First characters of the indexed keys. {@link #key} changes only a form's end, so a text
     * span whose first character is not here names no village of this table.
     */
    final BitSet firsts = new BitSet(1 << 16);
    int maxFormLength;

    private VillageTable(String province, long[] codes, char[] pool, int[] offsets, Map<String, String> parentOverride) {
        this.province = province;
        this.codes = codes;
        this.pool = pool;
        this.offsets = offsets;
        this.parentOverride = parentOverride;
        int n = codes.length;
        long[] idx = new long[n];
        int k = 0;
        for (int i = 0; i < n; i++) {
            String name = name(i);
            if (!linkableName(name)) continue;
            String key = key(name);
            idx[k++] = ((long) key.hashCode() << 32) | i;
            anchors.set(key.charAt(key.length() - 1));
            firsts.set(key.charAt(0));
            maxFormLength = Math.max(maxFormLength, name.length());
        }
        index = Arrays.copyOf(idx, k);
        Arrays.sort(index);
        anchors.set('会');
        anchors.set('村');
        Map<String, List<Integer>> oc = new HashMap<>();
        if (!parentOverride.isEmpty()) {
            for (int i = 0; i < n; i++) {
                String p = parentOverride.get(township(i));
                if (p != null) oc.computeIfAbsent(p, x -> new ArrayList<>()).add(i);
            }
        }
        overrideChildren = new HashMap<>();
        oc.forEach((p, l) -> overrideChildren.put(p, l.stream().mapToInt(Integer::intValue).toArray()));
    }

    /**
     * The form a village is indexed under: its common name (麻地卜村委会 → 麻地卜村), 嘎查村 read as
     * 嘎查 (苏荣贵嘎查村 → 苏荣贵嘎查). A text form is looked up under the same key.
     */
    static String key(String form) {
        String s = NameForms.villageShort(form);
        return s.endsWith("嘎查村") ? s.substring(0, s.length() - 1) : s;
    }

    /** Names whose characters the source lost (a Private Use Area character, a literal ?) are not matched in text. */
    static boolean linkableName(String name) {
        for (int i = 0; i < name.length(); i++) {
            char c = name.charAt(i);
            if (c == '?' || c == '？' || (c >= '\uE000' && c <= '\uF8FF') || Character.isSurrogate(c)) return false;
        }
        return name.length() >= 2;
    }

    int size() { return codes.length; }

    private String name(int i) {
        return new String(pool, offsets[i], offsets[i + 1] - offsets[i]);
    }

    private String township(int i) {
        return Long.toString(codes[i] / 1000);
    }

    private Region region(int i) {
        String code = Long.toString(codes[i]);
        String t = code.substring(0, 9);
        return new Region(code, name(i), Region.Level.VILLAGE, parentOverride.getOrDefault(t, t));
    }

    Region byCode(String code) {
        int i;
        try {
            i = Arrays.binarySearch(codes, Long.parseLong(code));
        } catch (NumberFormatException e) {
            return null;
        }
        return i >= 0 ? region(i) : null;
    }

    /** Villages under a division: a township's own, or those of recoded townships hung on it. */
    List<Region> children(String code) {
        List<Region> out = new ArrayList<>();
        if (code.length() == 9 && !parentOverride.containsKey(code)) {
            long t;
            try {
                t = Long.parseLong(code);
            } catch (NumberFormatException e) {
                return out;
            }
            int i = lowerBound(codes, t * 1000);
            for (; i < codes.length && codes[i] < t * 1000 + 1000; i++) out.add(region(i));
        }
        int[] more = overrideChildren.get(code);
        if (more != null) for (int i : more) out.add(region(i));
        return out;
    }

    /** Villages whose key form equals {@code key(form)}, added to {@code out}. */
    void find(String key, List<Region> out) {
        int h = key.hashCode();
        for (int j = lowerBound(index, (long) h << 32); j < index.length && (int) (index[j] >> 32) == h; j++) {
            int row = (int) index[j];
            if (key(name(row)).equals(key)) out.add(region(row));
        }
    }

    private static int lowerBound(long[] a, long v) {
        int lo = 0, hi = a.length;
        while (lo < hi) {
            int mid = (lo + hi) >>> 1;
            if (a[mid] < v) lo = mid + 1;
            else hi = mid;
        }
        return lo;
    }

    static VillageTable load(String province, InputStream raw) {
        long[] codes = new long[1 << 12];
        int[] offsets = new int[(1 << 12) + 1];
        StringBuilder pool = new StringBuilder(1 << 16);
        Map<String, String> override = new HashMap<>();
        int n = 0;
        try (BufferedReader r = new BufferedReader(new InputStreamReader(new GZIPInputStream(raw, 1 << 16), StandardCharsets.UTF_8), 1 << 16)) {
            long township = -1, last = -1;
            for (String line; (line = r.readLine()) != null; ) {
                if (line.isEmpty() || line.charAt(0) == '#') continue;
                if (line.charAt(0) == '>') {
                    int tab = line.indexOf('\t');
                    String t = tab < 0 ? line.substring(1) : line.substring(1, tab);
                    if (tab >= 0) override.put(t, line.substring(tab + 1));
                    township = Long.parseLong(t);
                    last = -1;
                    continue;
                }
                int tab = line.indexOf('\t');
                long seq = tab < 0 ? last + 1 : Long.parseLong(line, 0, tab, 10);
                if (n == codes.length) {
                    codes = Arrays.copyOf(codes, n * 2);
                    offsets = Arrays.copyOf(offsets, n * 2 + 1);
                }
                codes[n] = township * 1000 + seq;
                offsets[n] = pool.length();
                pool.append(line, tab + 1, line.length());
                n++;
                last = seq;
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        offsets[n] = pool.length();
        char[] chars = new char[pool.length()];
        pool.getChars(0, pool.length(), chars, 0);
        return new VillageTable(province, Arrays.copyOf(codes, n), chars, Arrays.copyOf(offsets, n + 1), override);
    }
}
