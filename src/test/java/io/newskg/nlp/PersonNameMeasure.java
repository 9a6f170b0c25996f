package io.newskg.nlp;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.newskg.extract.Lexicon;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.*;
import java.util.function.Function;

/**
 * Scratch measurement for issue 13 (person names): HanLP's nr words vs mynlp's person-name model
 * against the gold people (officials[].name and people[].name), per file as sets of distinct
 * strings, micro-averaged over files. Also speed (chars/s after a warm-up pass) and mynlp's heap.
 *
 * <pre>mvn -B -q -DskipTests package
 * R=~/.m2/repository/com/mayabot/mynlp/resource
 * java -Xmx4g -cp target/newskg.jar:target/test-classes:$R/mynlp-resource-pos/1.0.0/mynlp-resource-pos-1.0.0.jar:$R/mynlp-resource-cws/1.0.0/mynlp-resource-cws-1.0.0.jar \
 *     io.newskg.nlp.PersonNameMeasure CORE,CORE_POS,PERCEPTRON</pre>
 * (CORE alone needs neither of the two test-scope jars.) Run from the project folder (reads
 * eval/seeds + seeds/, eval/dev/gold + eval/dev/texts). Prints, per file, the errors of each side.
 */
public final class PersonNameMeasure {
    record Doc(String file, List<String> lines, Set<String> gold) {
        int chars() { return lines.stream().mapToInt(String::length).sum() + lines.size(); }
    }

    /** Per-line results of one method: its name spans on each line. */
    record Found(List<List<NameSpan>> perLine) {
        Set<String> strings() {
            Set<String> s = new TreeSet<>();
            perLine.forEach(l -> l.forEach(n -> s.add(n.name())));
            return s;
        }
    }

    public static void main(String[] args) throws Exception {
        List<MynlpPersonNames.Segmenter> modes = new ArrayList<>();
        for (String m : (args.length > 0 ? args[0] : "CORE").split(",")) modes.add(MynlpPersonNames.Segmenter.valueOf(m.trim()));

        Map<String, List<Doc>> sets = new LinkedHashMap<>();
        sets.put("seeds", load(Path.of("eval/seeds"), Path.of("seeds")));
        sets.put("dev", load(Path.of("eval/dev/gold"), Path.of("eval/dev/texts")));
        List<Doc> all = new ArrayList<>();
        sets.values().forEach(all::addAll);
        int totalChars = all.stream().mapToInt(Doc::chars).sum();
        System.out.printf("files: seeds %d, dev %d; %d chars in all%n", sets.get("seeds").size(), sets.get("dev").size(), totalChars);

        // heap: mynlp first, before HanLP is loaded
        Map<MynlpPersonNames.Segmenter, MynlpPersonNames> mynlp = new LinkedHashMap<>();
        long base = usedAfterGc();
        System.out.printf("heap used before mynlp: %d MB%n", base >> 20);
        for (MynlpPersonNames.Segmenter m : modes) {
            long t0 = System.nanoTime();
            mynlp.put(m, new MynlpPersonNames(m));
            long t1 = System.nanoTime();
            long used = usedAfterGc();
            System.out.printf("mynlp %s: load %.1f s, heap used after GC %d MB (+%d MB over before mynlp)%n",
                    m, (t1 - t0) / 1e9, used >> 20, (used - base) >> 20);
        }
        long beforeHan = usedAfterGc();
        long t0 = System.nanoTime();
        HanLpTokenizer han = new HanLpTokenizer(Lexicon.get().segmenterWords());
        han.tokenize("张三说。");
        long t1 = System.nanoTime();
        System.out.printf("HanLP + Lexicon: load %.1f s, heap +%d MB%n", (t1 - t0) / 1e9, (usedAfterGc() - beforeHan) >> 20);

        Function<String, List<NameSpan>> hanNames = line -> {
            List<NameSpan> out = new ArrayList<>();
            for (Token t : han.tokenize(line)) if (t.isPerson()) out.add(new NameSpan(t.word(), t.begin(), t.end()));
            return out;
        };
        // "title before it": the HanLP token just before is a title (nnt), e.g. 县委书记张三
        Function<String, List<NameSpan>> hanTitled = line -> {
            List<NameSpan> out = new ArrayList<>();
            List<Token> ts = han.tokenize(line);
            for (int i = 1; i < ts.size(); i++) {
                Token t = ts.get(i);
                if (t.isPerson() && ts.get(i - 1).isTitle()) out.add(new NameSpan(t.word(), t.begin(), t.end()));
            }
            return out;
        };

        // speed, on all texts: one warm-up pass, then the timed pass
        System.out.printf("speed (all %d chars, second pass after a warm-up pass):%n", totalChars);
        System.out.printf("  HanLP    %,.0f chars/s%n", speed(all, hanNames));
        for (var e : mynlp.entrySet()) System.out.printf("  mynlp %-10s %,.0f chars/s%n", e.getKey(), speed(all, e.getValue()::find));

        for (var set : sets.entrySet()) {
            for (var e : mynlp.entrySet()) {
                System.out.printf("%n== %s, mynlp %s ==%n", set.getKey(), e.getKey());
                table(set.getValue(), hanNames, hanTitled, e.getValue()::find, true);
            }
        }
    }

    static void table(List<Doc> docs, Function<String, List<NameSpan>> han, Function<String, List<NameSpan>> hanTitled,
                      Function<String, List<NameSpan>> my, boolean verbose) {
        String[] names = {"(a) HanLP alone", "(b) mynlp alone", "(c) both agree (same string)", "(d) union",
                "(e) overlap, mynlp's string", "(f) (e) + HanLP after a title", "(g) (c) + HanLP after a title"};
        int[][] c = new int[names.length][3]; // tp, found, gold
        StringBuilder errors = new StringBuilder();
        for (Doc d : docs) {
            List<List<NameSpan>> h = new ArrayList<>(), m = new ArrayList<>(), ht = new ArrayList<>();
            for (String line : d.lines) {
                h.add(han.apply(line));
                m.add(my.apply(line));
                ht.add(hanTitled.apply(line));
            }
            Set<String> a = new Found(h).strings(), b = new Found(m).strings(), titled = new Found(ht).strings();
            Set<String> both = new TreeSet<>(a); both.retainAll(b);
            Set<String> union = new TreeSet<>(a); union.addAll(b);
            Set<String> overlap = new TreeSet<>();
            for (int i = 0; i < h.size(); i++) {
                for (NameSpan x : h.get(i)) for (NameSpan y : m.get(i)) {
                    if (x.begin() < y.end() && y.begin() < x.end()) overlap.add(y.name());
                }
            }
            Set<String> f = new TreeSet<>(overlap); f.addAll(titled);
            Set<String> g = new TreeSet<>(both); g.addAll(titled);
            List<Set<String>> got = List.of(a, b, both, union, overlap, f, g);
            for (int k = 0; k < names.length; k++) {
                Set<String> tp = new TreeSet<>(got.get(k)); tp.retainAll(d.gold);
                c[k][0] += tp.size(); c[k][1] += got.get(k).size(); c[k][2] += d.gold.size();
            }
            if (verbose) {
                errors.append(String.format("  %s: HanLP-only wrong %s | mynlp-only wrong %s | missed by both %s | HanLP missed, mynlp found %s | mynlp missed, HanLP found %s%n",
                        d.file, minus(minus(a, b), d.gold), minus(minus(b, a), d.gold),
                        minus(minus(d.gold, a), b), minus(intersect(d.gold, b), a), minus(intersect(d.gold, a), b)));
            }
        }
        System.out.printf("%-32s %5s %5s %5s %6s %6s %6s%n", "method", "tp", "found", "gold", "P", "R", "F1");
        for (int k = 0; k < names.length; k++) {
            double p = c[k][1] == 0 ? 0 : (double) c[k][0] / c[k][1], r = (double) c[k][0] / c[k][2];
            double f1 = p + r == 0 ? 0 : 2 * p * r / (p + r);
            System.out.printf("%-32s %5d %5d %5d %6.3f %6.3f %6.3f%n", names[k], c[k][0], c[k][1], c[k][2], p, r, f1);
        }
        if (verbose) System.out.print(errors);
    }

    static Set<String> minus(Set<String> x, Set<String> y) { Set<String> s = new TreeSet<>(x); s.removeAll(y); return s; }
    static Set<String> intersect(Set<String> x, Set<String> y) { Set<String> s = new TreeSet<>(x); s.retainAll(y); return s; }

    static double speed(List<Doc> docs, Function<String, List<NameSpan>> f) {
        for (Doc d : docs) for (String l : d.lines) f.apply(l);
        long chars = 0, t0 = System.nanoTime();
        for (Doc d : docs) for (String l : d.lines) { f.apply(l); chars += l.length() + 1; }
        return chars / ((System.nanoTime() - t0) / 1e9);
    }

    static long usedAfterGc() throws InterruptedException {
        Runtime rt = Runtime.getRuntime();
        for (int i = 0; i < 3; i++) { System.gc(); Thread.sleep(100); }
        return rt.totalMemory() - rt.freeMemory();
    }

    static List<Doc> load(Path goldDir, Path textDir) throws IOException {
        ObjectMapper om = new ObjectMapper();
        List<Doc> docs = new ArrayList<>();
        try (var s = Files.list(goldDir)) {
            for (Path g : s.filter(p -> p.toString().endsWith(".json")).sorted().toList()) {
                JsonNode root = om.readTree(g.toFile());
                Set<String> gold = new TreeSet<>();
                for (JsonNode a : root.path("articles")) {
                    for (JsonNode o : a.path("officials")) gold.add(o.path("name").asText());
                    for (JsonNode p : a.path("people")) gold.add(p.isTextual() ? p.asText() : p.path("name").asText());
                }
                gold.remove("");
                String file = root.path("file").asText();
                List<String> lines = Files.readAllLines(textDir.resolve(file), StandardCharsets.UTF_8);
                docs.add(new Doc(file, lines, gold));
            }
        }
        return docs;
    }
}
