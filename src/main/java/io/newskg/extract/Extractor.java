package io.newskg.extract;

import io.newskg.gazetteer.Gazetteer;
import io.newskg.gazetteer.Region;
import io.newskg.gazetteer.RegionLinker;
import io.newskg.gazetteer.RegionMention;
import io.newskg.ingest.ArticleSplitter;
import io.newskg.model.Article;
import io.newskg.model.MappedText;
import io.newskg.model.Page;
import io.newskg.model.Results.ArticleResult;
import io.newskg.model.Results.Official;
import io.newskg.model.Results.Organization;
import io.newskg.model.Results.PageResult;
import io.newskg.model.Results.Person;
import io.newskg.model.Results.Post;
import io.newskg.model.Results.RegionRef;
import io.newskg.nlp.HanLpTokenizer;
import io.newskg.nlp.Token;
import io.newskg.nlp.Tokenizer;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;

/** Page in, everything we know how to extract out: articles, officials and posts, people, organisations, regions. */
public final class Extractor {
    /** Recorded in the RDF so every fact names the code that produced it. */
    public static final String VERSION = "newskg-extractor/0.1";

    private final ArticleSplitter splitter = new ArticleSplitter();
    private final Lexicon lexicon;
    private final Tokenizer tokenizer;
    private final Gazetteer gazetteer;
    private final RegionLinker linker;
    private final PostExtractor posts;
    private final NameFinder names;
    private final OrgResolver orgs;
    private final OrgMentionFinder orgMentions;
    private final EventExtractor events = new EventExtractor();

    public Extractor() {
        this.lexicon = Lexicon.get();
        this.tokenizer = new HanLpTokenizer(lexicon.segmenterWords());
        this.gazetteer = Gazetteer.get();
        this.linker = new RegionLinker(gazetteer);
        this.names = new NameFinder(lexicon);
        this.posts = new PostExtractor(lexicon, names);
        this.orgs = new OrgResolver(lexicon, linker);
        this.orgMentions = new OrgMentionFinder(lexicon);
    }

    public Gazetteer gazetteer() { return gazetteer; }

    public PageResult extract(Page page) {
        List<Article> articles = splitter.split(page);
        Region province = page.province() != null ? gazetteer.byCode(page.province()) : inferProvince(page.text());
        List<ArticleResult> out = new ArrayList<>();
        for (Article a : articles) out.add(extract(page, a, province));
        return new PageResult(page.file(), page.date() == null ? null : page.date().toString(), page.newspaper(), out);
    }

    /** The province most unambiguous region mentions of the page lie in. */
    Region inferProvince(String text) {
        Map<String, Integer> votes = new HashMap<>();
        for (RegionMention m : linker.link(text, null)) {
            if (!m.resolved()) continue;
            Region p = gazetteer.province(m.region());
            if (p != null) votes.merge(p.code(), 1, Integer::sum);
        }
        return votes.entrySet().stream().max(Map.Entry.comparingByValue())
                .map(e -> gazetteer.byCode(e.getKey())).orElse(null);
    }

    ArticleResult extract(Page page, Article article, Region province) {
        MappedText body = article.body();
        String text = body.text();
        String provinceCode = province == null ? null : province.code();
        List<RegionMention> regionMentions = linker.link(text, provinceCode);
        ArticleContext ctx = new ArticleContext(gazetteer, province, regionMentions);

        Map<String, OfficialBuilder> officials = new LinkedHashMap<>();
        Map<String, Organization> organizations = new LinkedHashMap<>();
        Set<String> bylineNames = article.bylines().stream().map(b -> b.name()).collect(Collectors.toSet());
        List<Person> people = new ArrayList<>();
        Set<String> peopleNames = new java.util.HashSet<>();

        List<EventExtractor.SentenceFacts> facts = new ArrayList<>();
        for (Sentence s : Sentence.split(text)) {
            String st = text.substring(s.begin(), s.end());
            Set<String> sentenceOrgs = new java.util.LinkedHashSet<>();
            List<Token> tokens = tokenizer.tokenize(st);
            int sb = body.origin(s.begin()), se = body.originEnd(s.end());
            List<int[]> places = new ArrayList<>();
            for (RegionMention m : regionMentions) {
                if (m.begin() >= s.begin() && m.end() <= s.end()) places.add(new int[] {m.begin() - s.begin(), m.end() - s.begin()});
            }
            for (OrgMentionFinder.Mention om : orgMentions.find(st, tokens, places)) {
                int at = s.begin() + om.begin();
                OrgResolver.Resolved r = orgs.resolve(om.text(), null, null,
                        nearest(regionMentions, at, Region.Level.VILLAGE), nearest(regionMentions, at, Region.Level.TOWNSHIP), ctx);
                if (r != null) {
                    addOrg(organizations, ctx, r, om.text(), body, at, s.begin() + om.end(), 0.6);
                    sentenceOrgs.add(r.name());
                }
            }
            for (PostExtractor.RawOfficial raw : posts.find(st, tokens, places)) {
                if (bylineNames.contains(raw.name())) continue;
                OfficialBuilder ob = officials.computeIfAbsent(raw.name(),
                        n -> new OfficialBuilder(n, body.origin(s.begin() + raw.begin()), body.originEnd(s.begin() + raw.end())));
                String previous = null;
                for (PostExtractor.RawPost rp : raw.posts()) {
                    OrgResolver.Resolved r = resolvePost(rp, previous, regionMentions, s.begin(), ctx);
                    if (r == null) continue;
                    previous = r.name();
                    // a national body implied by a title alone (总书记) is not one the article names
                    boolean national = rp.org().isEmpty() && lexicon.titleDefaultOrgs.containsKey(rp.title());
                    if (!national && r.name().length() >= 4) {
                        addOrg(organizations, ctx, r, rp.org().isEmpty() ? rp.title() : rp.org(), body,
                                s.begin() + rp.begin(), s.begin() + rp.end() - rp.title().length(), 0.7);
                    }
                    String regionName = r.region() == null ? defaultRegion(rp.title()) : displayName(r.region());
                    String regionCode = r.region() == null ? null : r.region().code();
                    ob.add(new Post(rp.title(), r.name(), regionName, regionCode, rp.org() + rp.title(),
                            body.origin(s.begin() + rp.begin()), body.originEnd(s.begin() + rp.end()), sb, se, 0.75));
                }
            }
            List<int[]> taken = places;
            for (int ti = 0; ti < tokens.size(); ti++) {
                Token t = tokens.get(ti);
                if (!t.isPerson()) continue;
                NameFinder.Name found = names.after(st, tokens, ti);
                String name = found != null ? found.text() : t.word();
                int nameEnd = found != null ? found.end() : t.end();
                if (officials.containsKey(name) || peopleNames.contains(name) || inByline(bylineNames, name)) continue;
                final String candidate = name;
                // HanLP's short cut of a name already read whole (申月 of 申月奎)
                if (peopleNames.stream().anyMatch(p -> p.startsWith(candidate))) continue;
                if (names.insideIdiom(st, t.begin(), nameEnd)) continue;
                if (startsInside(taken, t.begin()) || overlapsOfficial(st, officials.keySet(), t)) continue;
                String description = describe(st, t.begin());
                boolean listed = listedWithPerson(tokens, ti);
                if (!names.isPersonName(name, description != null || listed, names.followedBySaying(st, nameEnd))) continue;
                peopleNames.add(name);
                people.add(new Person(name, description, body.origin(s.begin() + t.begin()),
                        body.originEnd(s.begin() + nameEnd), sb, se, description == null ? 0.5 : 0.7));
            }
            List<RegionMention> sentenceRegions = regionMentions.stream()
                    .filter(m -> m.begin() >= s.begin() && m.end() <= s.end()).toList();
            facts.add(new EventExtractor.SentenceFacts(s.begin(), s.end(), st, sb, se, new ArrayList<>(),
                    new ArrayList<>(sentenceOrgs), sentenceRegions));
        }
        // names are known only after the whole article is read; a name may recur in later sentences
        for (EventExtractor.SentenceFacts f : facts) {
            for (OfficialBuilder o : officials.values()) {
                // national leaders are cited everywhere (习近平总书记交给内蒙古的任务), rarely present
                boolean cited = !o.posts.isEmpty() && o.posts.stream().allMatch(p -> lexicon.titleDefaultOrgs.containsKey(p.title()));
                if (!cited && f.text().contains(o.name)) f.people().add(o.name);
            }
            for (Person p : people) if (f.text().contains(p.name()) && !f.people().contains(p.name())) f.people().add(p.name());
        }
        people.removeIf(p -> officials.containsKey(p.name()));

        List<RegionRef> regions = regionRefs(regionMentions, body);
        List<Official> officialList = officials.values().stream().filter(o -> !o.posts.isEmpty()).map(OfficialBuilder::build).toList();
        return new ArticleResult(article.title(), article.subtitle(), article.kind(), article.startsWith(page.text()),
                article.begin(), article.end(), article.bylines(), officialList, people,
                new ArrayList<>(organizations.values()), regions, events.extract(facts, ctx, officials.keySet()));
    }

    /** Part of a credited name (巴依斯 of 巴依斯古楞 摄). */
    private static boolean inByline(Set<String> bylineNames, String name) {
        for (String b : bylineNames) if (b.contains(name)) return true;
        return false;
    }

    /** 吴大伟、庞凡、陈帅: a name in a list with another name is a name. */
    private static boolean listedWithPerson(List<Token> tokens, int i) {
        boolean before = i >= 2 && tokens.get(i - 1).word().equals("、") && tokens.get(i - 2).isPerson();
        boolean after = i + 2 < tokens.size() && tokens.get(i + 1).word().equals("、") && tokens.get(i + 2).isPerson();
        return before || after;
    }

    /** A place name covering the first char of a word: the word is (part of) that place, not a name. */
    private static boolean startsInside(List<int[]> spans, int b) {
        for (int[] x : spans) if (x[0] <= b && b < x[1]) return true;
        return false;
    }

    /** HanLP's piece of a name we already read whole (刘星 of 刘星成). */
    private static boolean overlapsOfficial(String sentence, Set<String> officialNames, Token t) {
        for (String n : officialNames) {
            int from = Math.max(0, t.end() - n.length());
            int i = sentence.indexOf(n, from);
            if (i >= 0 && i < t.end() && i + n.length() > t.begin()) return true;
        }
        return false;
    }

    private OrgResolver.Resolved resolvePost(PostExtractor.RawPost rp, String previous,
                                             List<RegionMention> regions, int sentenceBegin, ArticleContext ctx) {
        if (rp.org().isEmpty() && previous == null) {
            String[] d = lexicon.titleDefaultOrgs.get(rp.title());
            if (d != null) return new OrgResolver.Resolved(d[0], null);
            if (rp.title().startsWith("党的")) return null;
        }
        if (rp.title().contains("大代表")) return new OrgResolver.Resolved(rp.org(), null);
        int at = sentenceBegin + rp.begin();
        return orgs.resolve(rp.org(), rp.title(), previous, nearest(regions, at, Region.Level.VILLAGE),
                nearest(regions, at, Region.Level.TOWNSHIP), ctx);
    }

    private String defaultRegion(String title) {
        String[] d = lexicon.titleDefaultOrgs.get(title);
        return d != null ? d[1] : title.contains("大代表") ? "中华人民共和国" : null;
    }

    /** The region of that level mentioned last before {@code pos}, within a paragraph's reach. */
    private static Region nearest(List<RegionMention> mentions, int pos, Region.Level level) {
        Region best = null;
        for (RegionMention m : mentions) {
            if (m.begin() > pos) break;
            if (m.resolved() && m.region().level() == level && pos - m.end() < 200) best = m.region();
        }
        return best;
    }

    /** A party group names the body it leads (乌兰察布市政协党组 → 乌兰察布市政协). */
    private static final java.util.regex.Pattern PARTY_GROUP =
            java.util.regex.Pattern.compile("^(.{2,}(人大常委会|政协|人民政府|政府|法院|检察院|局|厅|委员会))(党组|机关党组)$");

    private void addOrg(Map<String, Organization> orgsByName, ArticleContext ctx, OrgResolver.Resolved r,
                        String asWritten, MappedText body, int b, int e, double conf) {
        if (r.name().length() < 2) return;
        for (java.util.regex.Pattern p : List.of(PARTY_GROUP)) {
            java.util.regex.Matcher m = p.matcher(r.name());
            if (m.matches() && !orgsByName.containsKey(m.group(1))) {
                orgsByName.put(m.group(1), new Organization(m.group(1), asWritten,
                        r.region() == null ? null : r.region().code(), body.origin(b), body.originEnd(Math.max(e, b + 1)), conf - 0.1));
            }
        }
        if (!ctx.fullOrgs.contains(r.name())) ctx.fullOrgs.add(r.name());
        orgsByName.putIfAbsent(r.name(), new Organization(r.name(), asWritten,
                r.region() == null ? null : r.region().code(), body.origin(b), body.originEnd(Math.max(e, b + 1)), conf));
    }

    /** A role word right before a name (村民马春国 → 村民), if any. */
    private String describe(String sentence, int nameBegin) {
        for (String role : lexicon.personRoles) {
            if (sentence.startsWith(role, nameBegin - role.length()) && nameBegin >= role.length()) {
                int from = nameBegin - role.length();
                while (from > 0 && NameFinder.isHan(sentence.charAt(from - 1)) && nameBegin - from < 16) from--;
                return sentence.substring(from, nameBegin);
            }
        }
        return null;
    }

    private List<RegionRef> regionRefs(List<RegionMention> mentions, MappedText body) {
        Map<String, RegionRef> out = new LinkedHashMap<>();
        for (RegionMention m : mentions) {
            String key = m.resolved() ? m.region().code() : "?" + m.asWritten();
            if (out.containsKey(key)) continue;
            Region r = m.region();
            Region parent = r == null ? null : gazetteer.parent(r);
            out.put(key, new RegionRef(m.asWritten(), r == null ? m.asWritten() : displayName(r),
                    r == null ? null : levelLabel(r), parent == null ? null : displayName(parent),
                    r == null ? null : r.code(), parent == null ? null : parent.code(),
                    body.origin(m.begin()), body.originEnd(m.end()), m.confidence()));
        }
        return new ArrayList<>(out.values());
    }

    /** Names as news and the gold write them: villages without their committee suffix (麻地卜村). */
    public static String displayName(Region r) {
        return r.level() == Region.Level.VILLAGE ? OrgResolver.villageName(r) : r.name();
    }

    public static String levelLabel(Region r) {
        if (r.level() != Region.Level.VILLAGE) return r.level().label();
        return r.name().contains("社区") || r.name().contains("居委会") || r.name().contains("居民委员会") ? "community" : "village";
    }

    private static final class OfficialBuilder {
        final String name;
        final int begin, end;
        final List<Post> posts = new ArrayList<>();

        OfficialBuilder(String name, int begin, int end) {
            this.name = name;
            this.begin = begin;
            this.end = end;
        }

        void add(Post p) {
            boolean dup = posts.stream().anyMatch(x -> x.title().equals(p.title()) && x.org().equals(p.org()));
            if (!dup) posts.add(p);
        }

        Official build() {
            double conf = posts.stream().mapToDouble(Post::confidence).max().orElse(0.5);
            return new Official(name, List.copyOf(posts), begin, end, conf);
        }
    }
}
