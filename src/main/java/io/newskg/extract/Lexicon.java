package io.newskg.extract;

import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/** The project's own word lists (resources/lexicon): general government vocabulary, no names. */
public final class Lexicon {
    private static volatile Lexicon instance;

    final Set<String> titles;
    final Map<String, String[]> titleDefaultOrgs;
    final Map<String, String> orgAbbreviations;
    final List<String> orgSuffixes;
    final Set<String> surnames;
    final Set<String> personRoles;
    /** Ministries named without the state's name (教育部). */
    final Set<String> centralBodies;
    /** News outlets (新华社, 人民网). */
    final List<String> media;
    /** Parent unit suffix → suffixes of its child units. */
    final Map<String, List<String>> unitHierarchy;

    private Lexicon() {
        titles = Collections.unmodifiableSet(new LinkedHashSet<>(lines("titles.txt")));
        Map<String, String[]> d = new HashMap<>();
        for (String l : lines("title-default-orgs.tsv")) {
            String[] f = l.split("\t");
            d.put(f[0], new String[] {f[1], f[2]});
        }
        titleDefaultOrgs = Collections.unmodifiableMap(d);
        Map<String, String> a = new HashMap<>();
        for (String l : lines("org-abbreviations.tsv")) {
            String[] f = l.split("\t");
            a.put(f[0], f[1]);
        }
        // longest first, so 全国人大常委会 is read before 全国人大
        Map<String, String> sorted = new java.util.LinkedHashMap<>();
        a.entrySet().stream().sorted((x, y) -> y.getKey().length() - x.getKey().length())
                .forEach(e -> sorted.put(e.getKey(), e.getValue()));
        orgAbbreviations = Collections.unmodifiableMap(sorted);
        List<String> sfx = new ArrayList<>(lines("org-suffixes.txt"));
        sfx.sort((x, y) -> y.length() - x.length());
        orgSuffixes = Collections.unmodifiableList(sfx);
        surnames = Collections.unmodifiableSet(new LinkedHashSet<>(lines("surnames.txt")));
        personRoles = Collections.unmodifiableSet(new LinkedHashSet<>(lines("person-roles.txt")));
        centralBodies = Collections.unmodifiableSet(new LinkedHashSet<>(lines("central-bodies.txt")));
        List<String> m = new ArrayList<>(lines("media.txt"));
        m.sort((x, y) -> y.length() - x.length());
        media = Collections.unmodifiableList(m);
        Map<String, List<String>> h = new java.util.LinkedHashMap<>();
        for (String l : lines("unit-hierarchy.tsv")) {
            String[] f = l.split("\t");
            h.put(f[0], List.of(f[1].split(",")));
        }
        unitHierarchy = Collections.unmodifiableMap(h);
    }

    public static Lexicon get() {
        Lexicon l = instance;
        if (l == null) {
            synchronized (Lexicon.class) {
                if (instance == null) instance = new Lexicon();
                l = instance;
            }
        }
        return l;
    }

    /** Words to add to the segmenter's dictionary with their tags. */
    public Map<String, String> segmenterWords() {
        Map<String, String> m = new HashMap<>();
        for (String t : titles) m.put(t, "nnt");
        return m;
    }

    public boolean isTitle(String w) { return titles.contains(w); }

    /** Surnames, most common first (used to generate test corpora). */
    public List<String> surnameList() { return new ArrayList<>(surnames); }

    /** The organisation suffix {@code s} ends with, or null. */
    public String orgSuffix(String s) {
        for (String x : orgSuffixes) if (s.endsWith(x)) return x;
        return null;
    }

    /** The lines of a lexicon file, without blanks and # comments. */
    static List<String> lines(String name) {
        return io.newskg.model.WordList.lines("/lexicon/" + name);
    }
}
