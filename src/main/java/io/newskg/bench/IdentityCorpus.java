package io.newskg.bench;

import io.newskg.extract.Extractor;
import io.newskg.gazetteer.Gazetteer;
import io.newskg.gazetteer.Region;
import io.newskg.ingest.PageReader;
import io.newskg.model.Results.ArticleResult;
import io.newskg.model.Results.Official;
import io.newskg.model.Results.PageResult;
import io.newskg.rdf.RdfMapper;

import java.io.IOException;
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
import java.util.Random;
import java.util.Set;

/**
 * A corpus with known people, to measure the identity rule: invented web articles (dated) in which
 * made-up officials hold posts in real provinces, cities and counties, each person named in two to
 * four articles, and some names shared by two people. {@code truth.tsv} beside the pages says who
 * is who ({@code file TAB name TAB person}).
 *
 * <p>Careers, in fixed shares: a county official promoted within the city (县长 → 县委书记 → 副市长),
 * a city leader (市长, 市委书记), a provincial leader (副省长 → 省长), a national leader with several
 * central posts, a county official promoted to the province (县委书记 → 副省长) and a provincial
 * leader moved to another province, one sixth each. Namesakes (three names in ten): a second
 * person with a county or city career (namesakes are many among local officials, few among senior
 * leaders) in another province (60 %), another city of the same province (25 %) or another county
 * of the same city (15 %).
 */
public final class IdentityCorpus {
    public static final String TRUTH = "truth.tsv";

    private static final String GIVEN = "国建华明伟志军平文春海永红立新德宏光晓玉英秀兰凤芳丽静敏强勇斌超磊涛鹏飞云峰刚亮";
    private static final String[] MEETINGS = {"经济工作会议", "乡村振兴推进会", "安全生产工作会议", "党风廉政建设工作会议",
        "优化营商环境大会", "防汛工作会议", "生态环境保护大会", "项目建设推进会"};

    /** Where a person works: a county, its city and province. */
    private record Place(Region province, Region city, Region county) {}

    /** One report: the post as written before the name, and the place the article is about. */
    private record Report(String post, String place) {}

    private final Random random;
    private final List<Place> places = new ArrayList<>();
    private final List<String> surnames;

    public IdentityCorpus(Gazetteer g, List<String> surnames, long seed) {
        this.random = new Random(seed);
        this.surnames = surnames.stream().filter(s -> s.length() == 1).sorted().toList();
        List<Region> provinces = new ArrayList<>();
        for (String form : g.forms()) {
            for (Region r : g.lookup(form)) {
                if (r.level() == Region.Level.COUNTY && r.mainland() && form.equals(r.name()) && r.name().endsWith("县")
                        && r.name().length() == 3) {
                    Region city = g.parent(r);
                    Region province = city == null ? null : g.parent(city);
                    if (city == null || province == null || city.level() != Region.Level.PREFECTURE
                            || !city.name().endsWith("市") || !province.name().endsWith("省")) continue;
                    Place p = new Place(province, city, r);
                    if (!places.contains(p)) places.add(p);
                }
            }
        }
        places.sort(java.util.Comparator.comparing(p -> p.county().code()));
        if (places.isEmpty()) throw new IllegalStateException("no counties to place people in");
    }

    /** Writes about {@code persons} people's articles and the truth; returns the number of pages. */
    public int write(Path dir, int persons, PrintStream progress) throws IOException {
        Files.createDirectories(dir);
        List<String[]> truth = new ArrayList<>();
        Set<String> used = new HashSet<>();
        int pages = 0;
        for (int id = 0; id < persons; id++) {
            String name = newName(used);
            Place home = pick();
            List<List<Report>> people = new ArrayList<>();
            people.add(career(id, home));
            // three in ten names are shared with a second person
            if (random.nextInt(10) < 3) {
                int where = random.nextInt(20);
                Place other = where < 12 ? otherProvince(home) : where < 17 ? otherCity(home) : otherCounty(home);
                // namesakes are many among local officials, few among a country's senior leaders
                if (other != null) people.add(career(random.nextBoolean() ? 0 : 1, other));
            }
            for (int k = 0; k < people.size(); k++) {
                String person = "P" + id + (k == 0 ? "" : "b");
                for (Report r : people.get(k)) {
                    String file = String.format("%06d.txt", pages++);
                    Files.writeString(dir.resolve(file), article(name, r), StandardCharsets.UTF_8);
                    truth.add(new String[] {file, name, person});
                }
            }
        }
        StringBuilder sb = new StringBuilder("# file\tname\tperson (generated by newskg corpus --identity)\n");
        for (String[] t : truth) sb.append(String.join("\t", t)).append('\n');
        Files.writeString(dir.resolve(TRUTH), sb.toString(), StandardCharsets.UTF_8);
        progress.printf("identity corpus: %d people, %d pages in %s%n", persons, pages, dir);
        return pages;
    }

    private Place pick() { return places.get(random.nextInt(places.size())); }

    private Place otherProvince(Place p) {
        for (int i = 0; i < 50; i++) {
            Place q = pick();
            if (!q.province().equals(p.province())) return q;
        }
        return null;
    }

    private Place otherCity(Place p) {
        List<Place> c = places.stream().filter(q -> q.province().equals(p.province()) && !q.city().equals(p.city())).toList();
        return c.isEmpty() ? null : c.get(random.nextInt(c.size()));
    }

    private Place otherCounty(Place p) {
        List<Place> c = places.stream().filter(q -> q.city().equals(p.city()) && !q.county().equals(p.county())).toList();
        return c.isEmpty() ? null : c.get(random.nextInt(c.size()));
    }

    /** The reports of one person's career, by its kind (0..5, see the class comment). */
    private List<Report> career(int kind, Place p) {
        String county = p.county().name(), city = p.city().name(), province = p.province().name();
        String countyPlace = city + county, cityPlace = city, provincePlace = province;
        List<Report> out = new ArrayList<>();
        switch (kind % 6) {
            case 0 -> {
                out.add(new Report(county + "县长", countyPlace));
                out.add(new Report(county.substring(0, county.length() - 1) + "县委书记", countyPlace));
                if (random.nextBoolean()) out.add(new Report(city + "副市长", cityPlace));
            }
            case 1 -> {
                out.add(new Report(city + "市长", cityPlace));
                out.add(new Report(city.substring(0, city.length() - 1) + "市委书记", cityPlace));
            }
            case 2 -> {
                out.add(new Report(province + "副省长", provincePlace));
                out.add(new Report(province + "省长", provincePlace));
            }
            case 3 -> {
                out.add(new Report("国务院副总理", provincePlace));
                out.add(new Report("中共中央政治局委员、国务院副总理", provincePlace));
                if (random.nextBoolean()) out.add(new Report("国务院副总理", cityPlace));
            }
            case 4 -> {
                out.add(new Report(county.substring(0, county.length() - 1) + "县委书记", countyPlace));
                out.add(new Report(province + "副省长", provincePlace));
            }
            default -> {
                out.add(new Report(province + "副省长", provincePlace));
                Place q = otherProvince(p);
                String to = q == null ? province : q.province().name();
                out.add(new Report(to + "省长", to));
            }
        }
        return out;
    }

    private String article(String name, Report r) {
        String meeting = MEETINGS[random.nextInt(MEETINGS.length)];
        int year = 2012 + random.nextInt(12), month = 1 + random.nextInt(12), day = 1 + random.nextInt(28);
        return r.place() + "召开" + meeting + "\n"
                + String.format("发布时间：%d-%02d-%02d 09:30%n", year, month, day)
                + month + "月" + day + "日，" + r.place() + "召开" + meeting + "。" + r.post() + name + "出席会议并讲话。\n"
                + "会议要求，各级各部门要认清形势，压实责任，确保各项工作落到实处。\n";
    }

    private String newName(Set<String> used) {
        for (int i = 0; ; i++) {
            String n = surnames.get(random.nextInt(surnames.size())) + GIVEN.charAt(random.nextInt(GIVEN.length()))
                    + (i % 3 == 2 ? "" : String.valueOf(GIVEN.charAt(random.nextInt(GIVEN.length()))));
            if (used.add(n)) return n;
        }
    }

    /**
     * Identity figures of the store's rule on a generated corpus: an official node is the name plus
     * {@link RdfMapper#personScope}, joined across articles by {@link io.newskg.rdf.CareerIdentity}. Of the nodes
     * that gather mentions from two or more articles, how many are one person (precision), and of the
     * people named in two or more articles, how many are one node (recall). Mentions the extractor
     * misses are left out of both.
     */
    public static Result measure(Path dir, Extractor extractor, RdfMapper mapper)
            throws IOException, io.newskg.ingest.InputException {
        Map<String, String> person = new HashMap<>();
        for (String line : Files.readAllLines(dir.resolve(TRUTH), StandardCharsets.UTF_8)) {
            if (line.startsWith("#") || line.isBlank()) continue;
            String[] f = line.split("\t");
            person.put(f[0] + "|" + f[1], f[2]);
        }
        List<String[]> mentions = new ArrayList<>();
        RdfMapper.OfficialNodes nodes = mapper.new OfficialNodes();
        PageReader reader = new PageReader();
        List<Path> pages;
        try (var s = Files.list(dir)) {
            pages = s.filter(p -> p.toString().endsWith(".txt")).sorted().toList();
        }
        for (Path page : pages) {
            PageResult r = extractor.extract(reader.read(page));
            for (ArticleResult a : r.articles()) {
                for (Official o : a.officials()) {
                    String who = person.get(page.getFileName() + "|" + o.name());
                    if (who == null) continue;
                    mentions.add(new String[] {nodes.add(o, r.date()), who});
                }
            }
        }
        Map<String, String> joined = nodes.joined();
        Map<String, Set<String>> personsByNode = new LinkedHashMap<>();
        Map<String, Set<String>> nodesByPerson = new LinkedHashMap<>();
        Map<String, Integer> mentionsByNode = new HashMap<>(), mentionsByPerson = new HashMap<>();
        for (String[] m : mentions) {
            String node = joined.getOrDefault(m[0], m[0]), who = m[1];
            personsByNode.computeIfAbsent(node, k -> new HashSet<>()).add(who);
            nodesByPerson.computeIfAbsent(who, k -> new HashSet<>()).add(node);
            mentionsByNode.merge(node, 1, Integer::sum);
            mentionsByPerson.merge(who, 1, Integer::sum);
        }
        int merged = 0, onePerson = 0, repeated = 0, oneNode = 0;
        List<String> errors = new ArrayList<>();
        for (var e : personsByNode.entrySet()) {
            if (mentionsByNode.get(e.getKey()) < 2) continue;
            merged++;
            if (e.getValue().size() == 1) onePerson++;
            else errors.add("merged\t" + e.getKey() + "\t" + new java.util.TreeSet<>(e.getValue()));
        }
        for (var e : nodesByPerson.entrySet()) {
            if (mentionsByPerson.get(e.getKey()) < 2) continue;
            repeated++;
            if (e.getValue().size() == 1) oneNode++;
            else errors.add("split\t" + e.getKey() + "\t" + new java.util.TreeSet<>(e.getValue()));
        }
        return new Result(person.size(), mentions.size(), merged, onePerson, repeated, oneNode, errors);
    }

    /**
     * @param mentions  mentions in the truth
     * @param found     of them read by the extractor
     * @param merged    official nodes with two or more mentions
     * @param onePerson of them, one person
     * @param repeated  people with two or more mentions found
     * @param oneNode   of them, one node
     * @param errors    one line per node holding several people ({@code merged}, node key, people) and per
     *                  person split over several nodes ({@code split}, person, node keys)
     */
    public record Result(int mentions, int found, int merged, int onePerson, int repeated, int oneNode, List<String> errors) {
        public double precision() { return merged == 0 ? 1 : (double) onePerson / merged; }

        public double recall() { return repeated == 0 ? 1 : (double) oneNode / repeated; }

        @Override
        public String toString() {
            return String.format("identity: %d of %d mentions read; merged nodes %d, one person %d (precision %.3f); "
                    + "people named twice or more %d, one node %d (recall %.3f)",
                    found, mentions, merged, onePerson, precision(), repeated, oneNode, recall());
        }
    }
}
