package io.newskg.eval;

import io.newskg.bench.IdentityCorpus;
import io.newskg.extract.Extractor;
import io.newskg.extract.Lexicon;
import io.newskg.rdf.Iris;
import io.newskg.rdf.NKG;
import io.newskg.rdf.RdfMapper;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The identity rule on a generated corpus of known people and namesakes (newskg corpus --identity). */
class IdentityCorpusTest {
    @TempDir
    Path dir;

    private static final Pattern DATE = Pattern.compile("发布时间：(\\d{4}-\\d{2}-\\d{2})");

    /** One truth line with what its page says: the date and the post written before the name. */
    private record Line(String file, String name, String person, String county, String date, String post) {}

    private List<Line> corpus(long seed, int people) throws Exception {
        new IdentityCorpus(io.newskg.gazetteer.Gazetteer.get(), Lexicon.get().surnameList(), seed)
                .write(dir, people, new PrintStream(new ByteArrayOutputStream()));
        List<Line> out = new ArrayList<>();
        for (String l : Files.readAllLines(dir.resolve(IdentityCorpus.TRUTH), StandardCharsets.UTF_8)) {
            if (l.startsWith("#")) continue;
            String[] f = l.split("\t");
            String page = Files.readString(dir.resolve(f[0]), StandardCharsets.UTF_8);
            Matcher d = DATE.matcher(page);
            assertTrue(d.find(), f[0]);
            Matcher p = Pattern.compile("。([^。]+)" + f[1] + "出席").matcher(page);
            assertTrue(p.find(), f[0]);
            out.add(new Line(f[0], f[1], f[2], f[3], d.group(1), p.group(1)));
        }
        return out;
    }

    @Test
    void eachCareerIsDatedInOrderAndNamesakesNeverShareAPost() throws Exception {
        List<Line> lines = corpus(7, 400);
        Map<String, List<Line>> byPerson = new LinkedHashMap<>();
        Map<String, Map<String, Set<String>>> postsByName = new TreeMap<>();
        for (Line l : lines) {
            byPerson.computeIfAbsent(l.person(), k -> new ArrayList<>()).add(l);
            postsByName.computeIfAbsent(l.name(), k -> new HashMap<>()).computeIfAbsent(l.person(), k -> new HashSet<>())
                    .add(l.post());
        }
        // a person's pages come in career order (truth order), each later post dated later
        for (List<Line> career : byPerson.values()) {
            for (int i = 1; i < career.size(); i++) {
                assertTrue(career.get(i - 1).date().compareTo(career.get(i).date()) < 0, career.toString());
            }
        }
        int shared = 0, sameCity = 0, sameProvince = 0, localAndSenior = 0;
        for (Map<String, Set<String>> people : postsByName.values()) {
            if (people.size() < 2) continue;
            shared++;
            List<Set<String>> posts = new ArrayList<>(people.values());
            Set<String> both = new HashSet<>(posts.get(0));
            both.retainAll(posts.get(1));
            assertTrue(both.isEmpty(), "namesakes holding the same post: " + people);
        }
        Map<String, Set<String>> homesByName = new HashMap<>();
        Map<String, Boolean> seniorByName = new HashMap<>();
        for (Line l : lines) {
            homesByName.computeIfAbsent(l.name(), k -> new HashSet<>()).add(l.person() + "@" + l.county());
            if (l.post().endsWith("省长")) seniorByName.put(l.name(), true);
        }
        for (var e : homesByName.entrySet()) {
            if (e.getValue().size() < 2) continue;
            List<String> counties = e.getValue().stream().map(h -> h.substring(h.indexOf('@') + 1)).toList();
            String a = counties.get(0), b = counties.get(1);
            if (a.substring(0, 4).equals(b.substring(0, 4))) sameCity++;
            if (a.substring(0, 2).equals(b.substring(0, 2))) {
                sameProvince++;
                if (seniorByName.getOrDefault(e.getKey(), false)) localAndSenior++;
            }
        }
        // both cases plentiful, and the hard namesakes are there
        assertTrue(shared > 0.2 * postsByName.size(), shared + " of " + postsByName.size());
        assertTrue(byPerson.size() > 400, "people named in the corpus");
        assertTrue(sameCity >= 5, "namesakes in two counties of one city: " + sameCity);
        assertTrue(sameProvince - sameCity >= 10, "namesakes in two cities of one province: " + (sameProvince - sameCity));
        assertTrue(localAndSenior >= 5, "a local official and a provincial leader of one name and province: " + localAndSenior);
    }

    @Test
    void namesakesStayApartAndRepeatsMerge() throws Exception {
        int pages = new IdentityCorpus(io.newskg.gazetteer.Gazetteer.get(), Lexicon.get().surnameList(), 42)
                .write(dir, 300, new PrintStream(new ByteArrayOutputStream()));
        assertEquals(pages + 1, Files.list(dir).count(), "pages and truth.tsv");
        Extractor extractor = new Extractor();
        RdfMapper mapper = new RdfMapper(new Iris(NKG.DEFAULT_BASE), extractor.gazetteer());
        IdentityCorpus.Result r = IdentityCorpus.measure(dir, extractor, mapper);
        System.out.println(r);
        assertTrue(r.found() > 0.97 * r.mentions(), r.toString());
        // the issue's bar (precision 0.98, recall 0.90); this seed gives about 0.99 and 0.99
        assertTrue(r.precision() >= 0.98, r.toString());
        assertTrue(r.recall() >= 0.95, r.toString());
        // the listing names exactly the nodes and people the figures count as wrong
        assertEquals(r.merged() - r.onePerson(), r.errors().stream().filter(e -> e.startsWith("merged\t")).count());
        assertEquals(r.repeated() - r.oneNode(), r.errors().stream().filter(e -> e.startsWith("split\t")).count());
        assertTrue(r.errors().stream().filter(e -> e.startsWith("merged\t")).allMatch(e -> e.split("\t")[2].contains(",")),
                "a wrong merge lists two people or more");
    }
}
