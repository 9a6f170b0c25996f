package io.newskg.extract;

import io.newskg.gazetteer.Region;
import io.newskg.gazetteer.RegionMention;
import io.newskg.model.Article;
import io.newskg.model.MappedText;
import io.newskg.model.Page;
import io.newskg.model.Results.ArticleResult;
import io.newskg.model.Results.Event;
import io.newskg.model.Results.Official;
import io.newskg.model.Results.Organization;
import io.newskg.model.Results.Person;
import io.newskg.model.Results.Post;
import io.newskg.model.Results.RegionRef;
import io.newskg.nlp.NameSpan;
import io.newskg.nlp.Token;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

/**
 * The extraction of one article, sentence by sentence: organisations named, officials with
 * their posts, people without posts; then events over the sentences. Holds what the article
 * has said so far, which later sentences build on (full organisation names, names read).
 */
final class ArticleExtraction {
    /** A party group or committee names the body it leads (乌兰察布市政协党组 → 乌兰察布市政协). */
    private static final Pattern PARTY_GROUP =
            Pattern.compile("^(.{2,}(人大常委会|政协|人民政府|政府|法院|检察院|局|厅|委员会|总社|联合社|协会|联合会|院|所|公司|集团|中心|大学|学院|学校|医院))(党组|机关党组|党委)$");

    /** Ends of administrative units inside a longer name; party bodies (委) are not split off. */
    private static final Pattern ADMINISTRATIVE_PARENT = Pattern.compile("(公安局|税务局|分局|稽查局|派出所|支队|医院|项目|铁路局|客运段|车务段|机务段|工务段|电务段|车辆段|供电段)(?=.)");

    private final Extractor x;
    private final Article article;
    private final MappedText body;
    private final String text;
    private final ArticleContext ctx;
    private final List<RegionMention> regionMentions;
    private final Set<String> bylineNames;

    private final Map<String, OfficialBuilder> officials = new LinkedHashMap<>();
    private final Map<String, Organization> organizations = new LinkedHashMap<>();
    private final List<Person> people = new ArrayList<>();
    private final Set<String> peopleNames = new HashSet<>();
    private final List<EventExtractor.SentenceFacts> facts = new ArrayList<>();
    /** Outlets, firms and listed bodies, added to this article's organisations. */
    private final ListedBodies listedBodies;

    ArticleExtraction(Extractor extractor, Article article, ArticleContext ctx) {
        this.x = extractor;
        this.article = article;
        this.body = article.body();
        this.text = body.text();
        this.ctx = ctx;
        this.regionMentions = ctx.regions;
        List<RegionMention> source = new ArrayList<>();
        for (io.newskg.model.Byline b : article.bylines()) {
            if (io.newskg.model.Byline.SOURCE.equals(b.role())) source.addAll(extractor.linker.link(b.name(), ctx.province == null ? null : ctx.province.code()));
        }
        ctx.sourcePlace(extractor.gazetteer, source);
        this.bylineNames = article.bylines().stream().map(b -> b.name()).collect(Collectors.toSet());
        this.listedBodies = new ListedBodies(extractor, ctx, new ListedBodies.Sink() {
            @Override
            public void add(OrgResolver.Resolved r, String asWritten, int begin, int end, double confidence) {
                addOrg(r, asWritten, begin, end, confidence);
            }

            @Override
            public boolean hasWritten(String asWritten) {
                return organizations.values().stream().anyMatch(o -> o.asWritten().equals(asWritten));
            }

            @Override
            public boolean hasName(String name) {
                return organizations.containsKey(name) || organizations.keySet().stream().anyMatch(o -> o.endsWith(name));
            }
        });
    }

    /** One sentence being read: its text, tokens and the region names in it, in sentence offsets. */
    private record SentenceText(Sentence span, String text, List<Token> tokens, List<int[]> places,
                                int pageBegin, int pageEnd, SecondOpinion.Reading second) {
        int at(int offset) { return span.begin() + offset; }
    }

    /** The page's date (ISO), or null. */
    private String pageDate;

    ArticleResult run(Page page) {
        pageDate = page.date() == null ? null : page.date().toString();
        for (Sentence s : Sentence.split(text)) {
            String st = text.substring(s.begin(), s.end());
            List<RegionMention> sentenceRegions = regionMentions.stream()
                    .filter(m -> m.begin() >= s.begin() && m.end() <= s.end()).toList();
            List<int[]> places = new ArrayList<>();
            for (RegionMention m : sentenceRegions) places.add(new int[] {m.begin() - s.begin(), m.end() - s.begin()});
            SecondOpinion.Reading reading = SecondOpinion.read(st, x.tokenizer.tokenize(st), x.secondNames.get(),
                    x.lexicon::isTitle, x.lexicon.surnames::contains, x.tokenizer::tokenize);
            SentenceText sentence = new SentenceText(s, st, reading.tokens(), places,
                    body.origin(s.begin()), body.originEnd(s.end()), reading);
            Set<String> named = organizationsNamed(sentence);
            officials(sentence);
            people(sentence);
            facts.add(new EventExtractor.SentenceFacts(s.begin(), s.end(), st, sentence.pageBegin(), sentence.pageEnd(),
                    new ArrayList<>(), new ArrayList<>(named), sentenceRegions));
        }
        placeLater();
        careerEnds();
        peopleOfEachSentence();
        people.removeIf(p -> officials.containsKey(p.name()));
        List<Official> officialList = officials.values().stream().filter(o -> !o.posts.isEmpty())
                .map(OfficialBuilder::build).toList();
        List<Event> events = new ArrayList<>(x.events.extract(facts, ctx, mainOrganization(), this::regionOf));
        Map<Integer, String> decided = appointmentEvents(officialList, events);
        officialList = officialList.stream().map(o -> datedByDecision(o, decided)).toList();
        return new ArticleResult(article.title(), article.subtitle(), article.kind(), article.startsWith(page.text()),
                article.begin(), article.end(), article.bylines(), officialList, people,
                new ArrayList<>(organizations.values()), regionRefs(), events);
    }

    private static final Set<String> CHANGES = Set.of("appointed", "elected", "proposed", "removed");

    /**
     * A sentence that appoints, elects or removes people (任命X为Y, 免去X的Y职务) reports an event of
     * type 任职挂职 with them as participants, dated as the sentence or else the article's lead; one
     * the event reader already found in that sentence gains the missing participants.
     */
    private Map<Integer, String> appointmentEvents(List<Official> officialList, List<Event> events) {
        Map<Integer, String> decided = new HashMap<>();
        Map<Integer, List<String>> bySentence = new java.util.TreeMap<>();
        Map<Integer, Integer> sentenceEnd = new HashMap<>();
        for (Official o : officialList) {
            for (Post p : o.posts()) {
                if (!CHANGES.contains(p.status())) continue;
                List<String> who = bySentence.computeIfAbsent(p.sentenceBegin(), k -> new ArrayList<>());
                if (!who.contains(o.name())) who.add(o.name());
                sentenceEnd.put(p.sentenceBegin(), p.sentenceEnd());
            }
        }
        // the lead's date (24日下午…闭幕) and place stand for the sentences that only list the changes
        String lead = null;
        Region leadPlace = null;
        for (EventExtractor.SentenceFacts f : facts) {
            if (lead == null) {
                lead = EventExtractor.dateOf(f.text(), null);
                Matcher day = LEAD_DAY.matcher(f.text());
                if (lead == null && day.find()) lead = day.group(1);
            }
            if (leadPlace == null) leadPlace = EventExtractor.deepest(f);
            if (lead != null && leadPlace != null) break;
        }
        // changes listed one per sentence in a row (免去X的…职务。任命Y为…) are one decision
        int lastAdded = -1, lastSentence = -2;
        for (var e : bySentence.entrySet()) {
            int b = e.getKey(), end = sentenceEnd.get(b);
            Event known = events.stream().filter(v -> v.type().equals(APPOINTMENT) && v.sentenceBegin() == b).findFirst().orElse(null);
            int fi = -1;
            for (int i = 0; i < facts.size() && fi < 0; i++) if (facts.get(i).pageBegin() == b) fi = i;
            if (known != null) {
                decided.put(b, known.date());
                lastAdded = events.indexOf(known);
                lastSentence = fi;
                List<String> all = new ArrayList<>(known.participants());
                for (String n : e.getValue()) if (!all.contains(n)) all.add(n);
                events.set(lastAdded, new Event(known.type(), known.summary(), known.date(), known.location(),
                        known.region(), known.regionCode(), all, known.organizers(), known.begin(), known.end(),
                        known.sentenceBegin(), known.sentenceEnd(), known.confidence()));
                continue;
            }
            EventExtractor.SentenceFacts f = fi < 0 ? null : facts.get(fi);
            String sentence = f == null ? "" : f.text();
            String date = EventExtractor.dateOf(sentence, lead);
            if (date == null) date = lead;
            Region deepest = f == null ? null : EventExtractor.deepest(f);
            if (deepest == null) deepest = leadPlace;
            decided.put(b, date);
            Event before = lastAdded < 0 ? null : events.get(lastAdded);
            if (before != null && fi == lastSentence + 1 && java.util.Objects.equals(before.date(), date)
                    && java.util.Objects.equals(before.regionCode(), deepest == null ? null : deepest.code())) {
                List<String> all = new ArrayList<>(before.participants());
                for (String n : e.getValue()) if (!all.contains(n)) all.add(n);
                events.set(lastAdded, new Event(before.type(), before.summary(), before.date(), before.location(),
                        before.region(), before.regionCode(), all, before.organizers(), before.begin(), end,
                        before.sentenceBegin(), end, before.confidence()));
                lastSentence = fi;
                continue;
            }
            events.add(new Event(APPOINTMENT, sentence.strip(), date, null,
                    deepest == null ? null : deepest.commonName(), deepest == null ? null : deepest.code(),
                    e.getValue(), List.of(), b, end, b, end, 0.6));
            lastAdded = events.size() - 1;
            lastSentence = fi;
        }
        return decided;
    }

    private static final Pattern FULL_DATE = Pattern.compile("((?:19|20)\\d\\d)年(\\d{1,2})月(\\d{1,2})日");

    /**
     * An appointment or removal takes effect on the day of the decision the article reports
     * (会议于2023年11月29日通过), not on the day the page was published; only a full date replaces it.
     */
    private Official datedByDecision(Official o, Map<Integer, String> decided) {
        List<Post> posts = new ArrayList<>();
        for (Post p : o.posts()) {
            String said = decided.get(p.sentenceBegin());
            Matcher m = FULL_DATE.matcher(said == null ? "" : said);
            String day = m.matches() ? String.format("%s-%02d-%02d", m.group(1), Integer.parseInt(m.group(2)),
                    Integer.parseInt(m.group(3))) : null;
            boolean starts = "appointed".equals(p.status()) || "elected".equals(p.status());
            if (day != null && starts && (p.start() == null || p.start().equals(pageDate))) p = p.withDates(p.status(), day, p.finish());
            if (day != null && "removed".equals(p.status()) && (p.finish() == null || p.finish().equals(pageDate))) {
                p = p.withDates(p.status(), p.start(), day);
            }
            posts.add(p);
        }
        return new Official(o.name(), posts, o.begin(), o.end(), o.confidence());
    }

    private static final String APPOINTMENT = "任职挂职";
    private static final Pattern LEAD_DAY = Pattern.compile("(?<![0-9月])([0-9]{1,2}日)(?:上午|下午|晚|电)");

    /** The organisation the article names most often (by the words it is written with), or null. */
    private String mainOrganization() {
        String best = null;
        int bestCount = 1;
        for (Organization o : organizations.values()) {
            String key = o.asWritten().length() >= 3 ? o.asWritten() : o.name();
            int n = 0;
            for (int i = text.indexOf(key); i >= 0; i = text.indexOf(key, i + key.length())) n++;
            if (n > bestCount) {
                best = o.name();
                bestCount = n;
            }
        }
        return best;
    }

    private Region regionOf(String organization) {
        Organization o = organizations.get(organization);
        return o == null || o.regionCode() == null ? null : x.gazetteer.byCode(o.regionCode());
    }

    private static final Pattern INVITED = Pattern.compile("(之)?邀");

    /** Bodies that are not units of another (associations, firms, universities). */
    private static final Pattern STANDALONE = Pattern.compile("(总会|协会|商会|促进会|基金会|研究会|集团|有限公司|大学)$");

    /** Kinds of bodies the context could not complete (党支部, 村委会, 镇纪委). */
    private static final Pattern BARE_BODY = Pattern.compile("^[村镇乡县区市省]?(党委|党支部|支部|党总支|纪委|村委会|社区|居委会)$");

    /** A name that is only a region (扎赉特旗音德尔镇), which a post's organisation cannot be alone. */
    private boolean placeOnly(String name) {
        if (x.lexicon.orgSuffix(name) != null) return false;
        List<RegionMention> ms = x.linker.link(name, ctx.province == null ? null : ctx.province.code());
        return !ms.isEmpty() && ms.get(ms.size() - 1).end() == name.length();
    }

    /** Organisations the sentence names outside posts; returns their full names. */
    private Set<String> organizationsNamed(SentenceText s) {
        Set<String> named = new LinkedHashSet<>();
        listedBodies.find(s.text(), s.tokens(), s::at, named);
        for (OrgMentionFinder.Mention om : x.orgMentions.find(s.text(), s.tokens(), s.places())) {
            int at = s.at(om.begin());
            String written = om.text();
            // 应工业总会邀请: "at the invitation of" glued to the name
            if (written.startsWith("应") && written.length() > 3 && !com.hankcs.hanlp.dictionary.CoreDictionary.contains(written.substring(0, 2))
                    && INVITED.matcher(s.text()).region(om.end(), s.text().length()).lookingAt()) {
                written = written.substring(1);
                at++;
            }
            // “高中生宣讲团” quoted once and written bare elsewhere: the quotes are not part of the name
            if (written.startsWith("“") && written.endsWith("”") && writtenBare(written.substring(1, written.length() - 1))) {
                written = written.substring(1, written.length() - 1);
            }
            OrgResolver.Resolved r = x.orgs.resolve(written, null, null,
                    nearest(at, Region.Level.VILLAGE), nearest(at, Region.Level.TOWNSHIP), ctx, at);
            // an unanchored unit name counts only when the article's context put a place or parent before it;
            // the rest of the article may still name that parent (党校 before 市委组织部)
            // 县委 in an article whose county is unknown names no one body
            if (r != null && OrgMentionFinder.BARE_LOCAL.matcher(r.name()).matches()) continue;
            // an association or firm stands on its own (应工业总会邀请); other unit names need their parent
            boolean standalone = STANDALONE.matcher(written).find() && written.length() >= 4;
            if (r != null && !om.anchored() && !standalone && r.name().startsWith(om.text().substring(0, 2))) {
                unplaced.add(new Unplaced(written, at, s.at(om.end())));
                continue;
            }
            if (r != null) {
                addOrg(r, written, at, s.at(om.end()), 0.6);
                named.add(r.name());
            }
        }
        return named;
    }

    private record Unplaced(String written, int begin, int end) {}
    private final List<Unplaced> unplaced = new ArrayList<>();

    /** Unit names read before the article named what they belong to, tried again with all it named. */
    private void placeLater() {
        for (Unplaced u : unplaced) {
            OrgResolver.Resolved r = x.orgs.resolve(u.written(), null, null, null, null, ctx, u.begin());
            if (r != null && !r.name().startsWith(u.written().substring(0, 2))) addOrg(r, u.written(), u.begin(), u.end(), 0.5);
        }
    }

    /** Whether the article writes {@code name} somewhere without quotes around it. */
    private boolean writtenBare(String name) {
        for (int i = text.indexOf(name); i >= 0; i = text.indexOf(name, i + 1)) {
            if (i == 0 || text.charAt(i - 1) != '“' || i + name.length() >= text.length()
                    || text.charAt(i + name.length()) != '”') return true;
        }
        return false;
    }

    /** A résumé line: 1992年6月任珠海市委常委，斗门县委书记 (also 起任, 兼任, 至 … 任). */
    private static final Pattern CAREER_LINE = Pattern.compile(
            "^\\s*((?:19|20)\\d\\d)年(?:(\\d{1,2})月)?(?:[—\\-－至到~～]+(?:(?:19|20)\\d\\d)年(?:\\d{1,2}月)?)?(?:起|后|，)?(?:任|兼任|担任|当选)");
    /** Whose résumé the lines are: 苏泽群简历, or 苏泽群，男，1953年1月出生 (the name opens its clause). */
    private static final Pattern CAREER_SUBJECT =
            Pattern.compile("(?<!\\p{IsHan})(?:(\\p{IsHan}{2,4}?)(?:同志)?简历|(\\p{IsHan}{2,4})，[男女]，)");

    /** The résumé lines read so far: whose, their dates and the posts each names (title|org). */
    private record CareerLine(String subject, String date, Set<String> posts) {}
    private final List<CareerLine> career = new ArrayList<>();
    /** The last résumé subject found, and where the search for it stopped. */
    private String subject;
    private int subjectSearched, subjectAt;

    /** The résumé's subject named before {@code pos}, or null; the text is searched once. */
    private String careerSubject(int pos) {
        Matcher m = CAREER_SUBJECT.matcher(text).useTransparentBounds(true);
        m.region(subjectSearched, pos);
        while (m.find()) {
            String n = m.group(1) != null ? m.group(1) : m.group(2);
            if (x.names.plausible(n)) {
                subject = n;
                subjectAt = m.start();
            }
        }
        subjectSearched = Math.max(subjectSearched, pos);
        return subject;
    }

    /** A résumé line: its posts go to the résumé's subject, dated from the line. */
    private boolean careerLine(SentenceText s) {
        Matcher m = CAREER_LINE.matcher(s.text());
        if (!m.lookingAt()) return false;
        String who = careerSubject(s.span().begin());
        if (who == null || bylineNames.contains(who)) return false;
        String date = m.group(2) == null ? m.group(1) : m.group(1) + "-" + (m.group(2).length() == 1 ? "0" : "") + m.group(2);
        List<PostExtractor.RawPost> posts = x.posts.postsOnly(s.text(), s.tokens(), s.places());
        if (posts.isEmpty()) return false;
        OfficialBuilder ob = officials.computeIfAbsent(who,
                n -> new OfficialBuilder(n, body.origin(subjectAt), body.originEnd(subjectAt + n.length())));
        Set<String> keys = new HashSet<>();
        String previous = null;
        for (PostExtractor.RawPost rp : posts) {
            OrgResolver.Resolved r = resolvePost(rp, previous, s.at(rp.begin()), s.span());
            if (r == null) continue;
            previous = r.name();
            keys.add(rp.title() + "|" + r.name());
            addOrg(r, rp.org().isEmpty() ? rp.title() : rp.org(), s.at(rp.begin()), s.at(rp.end() - rp.title().length()), 0.7);
            ob.add(post(rp, r, s, "former", date));
        }
        career.add(new CareerLine(who, date, keys));
        return true;
    }

    /** A résumé post ends on the first later line of the same résumé that no longer names it. */
    private void careerEnds() {
        for (OfficialBuilder ob : officials.values()) {
            for (int i = 0; i < ob.posts.size(); i++) {
                Post p = ob.posts.get(i);
                if (p.start() == null) continue;
                String key = p.title() + "|" + p.org();
                String end = null;
                for (CareerLine l : career) {
                    if (l.subject().equals(ob.name) && l.date().compareTo(p.start()) > 0 && !l.posts().contains(key)) {
                        end = l.date();
                        break;
                    }
                }
                if (end != null) ob.posts.set(i, p.withDates(p.status(), p.start(), end));
            }
        }
    }

    private Post post(PostExtractor.RawPost rp, OrgResolver.Resolved r, SentenceText s, String status, String start) {
        String regionName = r.region() == null ? defaultRegion(rp.title()) : r.region().commonName();
        String regionCode = r.region() == null ? null : r.region().code();
        // an appointment or election reported without its own date starts on the page's; a removal ends then
        String finish = null;
        if (start == null && pageDate != null && ("appointed".equals(status) || "elected".equals(status))) start = pageDate;
        if (pageDate != null && "removed".equals(status)) finish = pageDate;
        return new Post(rp.title(), r.name(), regionName, regionCode, rp.org() + rp.title(),
                body.origin(s.at(rp.begin())), body.originEnd(s.at(rp.end())), s.pageBegin(), s.pageEnd(), 0.75,
                status, start, finish, pageDate);
    }

    /** A profile opening a sentence (王海涛，男，1975年5月生，…): a 任前公示 or a résumé's head. */
    private static final Pattern PROFILE = Pattern.compile("(?:^|[：:\\n])\\s*(\\p{IsHan}{2,4})，[男女]，");
    /** The verbs of a profile before its posts, with the status they give. */
    private static final Pattern PROFILE_VERB = Pattern.compile("(现任|拟任|拟提名|拟推荐|拟任命|拟进一步使用|曾任|原任)");

    /**
     * 王海涛，男，…，现任沅陵县委常委、宣传部部长，拟任沅陵县委副书记: the profile's posts are its
     * subject's, current after 现任 and proposed after 拟任 (the 任前公示 of party and government cadres).
     */
    private boolean profile(SentenceText s) {
        Matcher m = PROFILE.matcher(s.text());
        if (!m.find() || !x.names.plausible(m.group(1)) || bylineNames.contains(m.group(1))) return false;
        List<PostExtractor.RawPost> posts = x.posts.postsOnly(s.text(), s.tokens(), s.places());
        if (posts.isEmpty()) return false;
        String who = m.group(1);
        OfficialBuilder ob = officials.computeIfAbsent(who,
                n -> new OfficialBuilder(n, body.origin(s.at(m.start(1))), body.originEnd(s.at(m.end(1)))));
        String previous = null;
        for (PostExtractor.RawPost rp : posts) {
            String status = "current";
            // the segmenter may glue the verb to the body (拟任沅陵县人民政府)
            Matcher glued = PROFILE_VERB.matcher(rp.org());
            if (glued.lookingAt()) {
                rp = new PostExtractor.RawPost(rp.org().substring(glued.end()), rp.title(), rp.begin() + glued.end(), rp.end(), rp.status());
            }
            Matcher v = PROFILE_VERB.matcher(s.text()).region(0, rp.begin());
            while (v.find()) {
                String w = v.group(1);
                status = w.equals("现任") ? "current" : w.startsWith("拟") ? "proposed" : "former";
            }
            OrgResolver.Resolved r = resolvePost(rp, previous, s.at(rp.begin()), s.span());
            if (r == null) continue;
            previous = r.name();
            addOrg(r, rp.org().isEmpty() ? rp.title() : rp.org(), s.at(rp.begin()), s.at(rp.end() - rp.title().length()), 0.7);
            ob.add(post(rp, r, s, status, null));
        }
        return true;
    }

    private void officials(SentenceText s) {
        if (careerLine(s) || profile(s)) return;
        for (PostExtractor.RawOfficial raw : x.posts.find(s.text(), s.tokens(), s.places())) {
            if (bylineNames.contains(raw.name())) continue;
            OfficialBuilder ob = officials.computeIfAbsent(raw.name(),
                    n -> new OfficialBuilder(n, body.origin(s.at(raw.begin())), body.originEnd(s.at(raw.end()))));
            String previous = null;
            for (PostExtractor.RawPost rp : raw.posts()) {
                OrgResolver.Resolved r = resolvePost(rp, previous, s.at(rp.begin()), s.span());
                if (r == null) continue;
                previous = r.name();
                // a national body implied by a title alone (总书记) is not one the article names
                boolean national = rp.org().isEmpty() && x.lexicon.titleDefaultOrgs.containsKey(rp.title());
                // a body the post names, unless it is a bare kind of body (党支部, 社区) the context could not complete
                if (!national && r.name().length() >= 2 && !r.name().equals(x.lexicon.orgSuffix(r.name()))
                        && !BARE_BODY.matcher(r.name()).matches() && !placeOnly(r.name())) {
                    addOrg(r, rp.org().isEmpty() ? rp.title() : rp.org(), s.at(rp.begin()),
                            s.at(rp.end() - rp.title().length()), 0.7);
                }
                ob.add(post(rp, r, s, rp.status() == null ? "current" : rp.status(), null));
            }
        }
    }

    private void people(SentenceText s) {
        List<Token> tokens = s.tokens();
        String st = s.text();
        peopleListed(s);
        for (int ti = 0; ti < tokens.size(); ti++) {
            Token t = tokens.get(ti);
            if (!t.isPerson()) continue;
            NameFinder.Name found = x.names.after(st, tokens, ti);
            int begin = t.begin();
            int nameEnd = found != null ? found.end() : t.end();
            NameSpan other = s.second().inside(begin, nameEnd);
            // 干部任陆静: the second model's shorter name inside HanLP's drops a glued word
            if (other != null) {
                begin = other.begin();
                nameEnd = other.end();
            }
            String name = st.substring(begin, nameEnd);
            String description = describe(st, begin);
            boolean confirmed = s.second().confirms(begin, nameEnd);
            // a name only HanLP reads needs a role word before it and a full three chars (村民马春国)
            if (!confirmed && (description == null || name.length() < 3)) continue;
            // both models reading a name the text goes on from as from a name (肖捷陪同考察) is evidence too
            boolean evidence = listedWithPerson(tokens, ti) || confirmed && NameFinder.followedByCue(st, nameEnd);
            addPerson(s, name, begin, nameEnd, description, evidence);
        }
        // names only the second model reads, where the text goes on as after a name (肖捷陪同考察)
        for (NameSpan n : s.second().names()) {
            boolean hanlp = tokens.stream().anyMatch(t -> t.isPerson() && t.begin() < n.end() && n.begin() < t.end());
            if (hanlp || n.name().length() < 3 || !x.names.followedByCue(st, n.end())) continue;
            addPerson(s, n.name(), n.begin(), n.end(), describe(st, n.begin()), false);
        }
    }

    private void addPerson(SentenceText s, String name, int begin, int nameEnd, String description, boolean listed) {
        String st = s.text();
        if (officials.containsKey(name) || peopleNames.contains(name) || inByline(name)) return;
        if (endsTitle(st, begin)) return;
        // HanLP's short cut of a name already read whole (申月 of 申月奎)
        if (peopleNames.stream().anyMatch(p -> p.startsWith(name))) return;
        if (x.names.insideIdiom(st, begin, nameEnd)) return;
        if (startsInside(s.places(), begin) || overlapsOfficial(st, begin, nameEnd)) return;
        if (notAName(st, begin, nameEnd)) return;
        if (!x.names.isPersonName(name, description != null || listed, x.names.followedBySaying(st, nameEnd),
                s.second().reads(begin, nameEnd))) return;
        peopleNames.add(name);
        people.add(new Person(name, description, body.origin(s.at(begin)), body.originEnd(s.at(nameEnd)),
                s.pageBegin(), s.pageEnd(), description == null ? 0.5 : 0.7));
    }

    /** Names are known only after the whole article is read; a name may recur in later sentences. */
    private void peopleOfEachSentence() {
        for (EventExtractor.SentenceFacts f : facts) {
            for (OfficialBuilder o : officials.values()) {
                if (o.posts.isEmpty()) continue;
                // national leaders are cited everywhere (习近平总书记交给内蒙古的任务), rarely present
                boolean cited = o.posts.stream().allMatch(p -> x.lexicon.titleDefaultOrgs.containsKey(p.title()));
                if (f.text().contains(o.name) && (!cited || actsIn(f.text(), o.name))) f.people().add(o.name);
            }
            for (Person p : people) if (f.text().contains(p.name()) && !f.people().contains(p.name())) f.people().add(p.name());
        }
    }

    /** What a leader does in person (丁薛祥15日在北京调研, 李强来到…, 王沪宁主持), not a citation of them. */
    private static final Pattern IN_PERSON = Pattern.compile(
            "^(?:[0-9一二三四五六七八九十]{1,3}日(?:上午|下午|晚)?在|(?:[0-9一二三四五六七八九十]{1,3}日(?:上午|下午|晚)?)?"
            + "(?:先后)?(?:到|来到|深入|前往|赴|主持|出席|会见|考察|调研|视察|走进|察看|看望))");

    private static boolean actsIn(String sentence, String name) {
        for (int i = sentence.indexOf(name); i >= 0; i = sentence.indexOf(name, i + 1)) {
            if (IN_PERSON.matcher(sentence).region(i + name.length(), sentence.length()).lookingAt()) return true;
        }
        return false;
    }

    /**
     * A 村… body written bare after a village the gazetteer does not hold (长沙县黄兴镇新桥村 … 村党支部书记):
     * the village as the text last wrote it, with the places written right before it; or null.
     */
    private String writtenVillage(int pos) {
        RegionMention village = null;
        int index = -1;
        for (int i = 0; i < regionMentions.size(); i++) {
            RegionMention m = regionMentions.get(i);
            if (m.begin() > pos) break;
            if (!m.resolved() && VILLAGE_WORD.matcher(m.asWritten()).find() && pos - m.end() < 200) {
                village = m;
                index = i;
            }
        }
        if (village == null) return null;
        int begin = village.begin();
        for (int i = index - 1; i >= 0 && regionMentions.get(i).end() == begin; i--) begin = regionMentions.get(i).begin();
        return text.substring(begin, village.end());
    }

    private static final Pattern VILLAGE_COMMITTEE = Pattern.compile("村(委会|委|民委员会)");
    private static final Pattern VILLAGE_WORD = Pattern.compile("(村|社区|嘎查)$");

    private OrgResolver.Resolved resolvePost(PostExtractor.RawPost rp, String previous, int at, Sentence sentence) {
        String org = OrgResolver.spokenForms(rp.org());
        // 说起村支书韦俊，…磊跨村村民: the village the sentence names after the post, before one named earlier
        Region village = org.startsWith("村") ? sentenceVillage(at, sentence) : null;
        if (village == null) village = nearest(at, Region.Level.VILLAGE);
        if (org.startsWith("村") && org.length() > 1 && village == null) {
            String v = writtenVillage(at);
            if (v != null) {
                // 芦茨村 + 村委会 is 芦茨村村民委员会 (the committee's name keeps its 村); 芦茨村 + 村党支部 is 芦茨村党支部
                String named = VILLAGE_COMMITTEE.matcher(org).matches() ? v + "村民委员会" : v + org.substring(1);
                return x.orgs.resolve(named, rp.title(), previous, null,
                        nearest(at, Region.Level.TOWNSHIP), ctx, -1);
            }
        }
        if (rp.org().isEmpty() && previous == null) {
            String[] d = x.lexicon.titleDefaultOrgs.get(rp.title());
            if (d != null) return new OrgResolver.Resolved(d[0], null);
            if (rp.title().startsWith("党的")) return null;
        }
        if (rp.title().contains("大代表")) return new OrgResolver.Resolved(rp.org(), null);
        // 村红白理事会 in an article about one village, written far from its name
        if (village == null && org.startsWith("村") && org.length() > 2) village = ctx.village;
        return x.orgs.resolve(rp.org(), rp.title(), previous, village,
                nearest(at, Region.Level.TOWNSHIP), ctx, at);
    }

    private String defaultRegion(String title) {
        String[] d = x.lexicon.titleDefaultOrgs.get(title);
        return d != null ? d[1] : title.contains("大代表") ? "中华人民共和国" : null;
    }

    /** The village the sentence names nearest {@code pos}, before it or else after it, or null. */
    private Region sentenceVillage(int pos, Sentence sentence) {
        Region before = null;
        for (RegionMention m : regionMentions) {
            if (m.end() <= sentence.begin() || !m.resolved() || m.region().level() != Region.Level.VILLAGE) continue;
            if (m.begin() >= sentence.end()) break;
            if (m.begin() < pos) before = m.region();
            else return before != null ? before : m.region();
        }
        return before;
    }

    /** The region of that level mentioned last before {@code pos}, within a paragraph's reach. */
    private Region nearest(int pos, Region.Level level) {
        Region best = null;
        for (RegionMention m : regionMentions) {
            if (m.begin() > pos) break;
            if (m.resolved() && m.region().level() == level && pos - m.end() < 200) best = m.region();
        }
        return best;
    }

    /** Regions named only by the level word of a body (省 of 省供销社, 市 of 市委): see {@link #addOrg}. */
    private final List<RegionMention> levelWords = new ArrayList<>();

    private void addOrg(OrgResolver.Resolved r, String asWritten, int b, int e, double conf) {
        if (r.name().length() < 2) return;
        // 省供销社 in an article about Zhejiang names the province as well, by 省
        Region.Level level = asWritten.length() < 2 || r.region() == null ? null
                : asWritten.charAt(0) == '省' ? Region.Level.PROVINCE : asWritten.charAt(0) == '市' ? Region.Level.PREFECTURE : null;
        if (level != null) {
            for (Region x : this.x.gazetteer.chain(r.region())) {
                if (x.level() == level && r.name().startsWith(x.name())) levelWords.add(new RegionMention(asWritten.substring(0, 1), b, b + 1, x, 0.6));
            }
        }
        String code = r.region() == null ? null : r.region().code();
        int begin = body.origin(b), end = body.originEnd(Math.max(e, b + 1));
        Matcher m = PARTY_GROUP.matcher(r.name());
        if (m.matches()) {
            organizations.putIfAbsent(m.group(1), new Organization(m.group(1), asWritten, code, begin, end, conf - 0.1));
            ctx.named(m.group(1));
        }
        // 通辽市公安局科尔沁分局红星派出所 names the bureau and the branch it belongs to as well
        Matcher a = ADMINISTRATIVE_PARENT.matcher(r.name());
        while (a.find()) {
            String parent = r.name().substring(0, a.end());
            if (parent.length() >= 5 && parent.length() < r.name().length()) {
                organizations.putIfAbsent(parent, new Organization(parent, asWritten, code, begin, end, conf - 0.2));
                ctx.named(parent);
            }
        }
        ctx.named(r.name());
        organizations.putIfAbsent(r.name(), new Organization(r.name(), asWritten, code, begin, end, conf));
    }

    /** 副主任陆静 read as 任陆静: the char at {@code begin} ends a title begun before it. */
    private boolean endsTitle(String st, int begin) {
        return begin > 0 && x.lexicon.isTitle(st.substring(begin - 1, begin + 1));
    }

    /**
     * Lists of names (申月奎、罗秀英; 多松年、荣耀先、张润喜等): when one item of a 、-list is a name
     * HanLP knows, the other items of two or three chars that start with a surname are names too.
     */
    private void peopleListed(SentenceText s) {
        String st = s.text();
        Matcher m = NAME_LIST.matcher(st);
        while (m.find()) {
            String[] items = m.group().split("、");
            boolean anchored = false;
            int from = m.start();
            for (String item : items) {
                int b = st.indexOf(item, from);
                from = b + item.length();
                // the anchor is a name both models read, or one read before (华能、京能、国电 are firms)
                anchored |= peopleNames.contains(item) || officials.containsKey(item) || s.second().confirms(b, b + item.length())
                        && s.tokens().stream().anyMatch(t -> t.isPerson() && t.begin() == b && item.startsWith(t.word()));
            }
            if (!anchored) continue;
            int at = m.start();
            for (String item : items) {
                int b = st.indexOf(item, at);
                at = b + item.length();
                boolean surname = x.lexicon.surnames.contains(item.substring(0, 1));
                if (!surname || officials.containsKey(item) || peopleNames.contains(item) || inByline(item) || endsTitle(st, b)
                        || startsInside(s.places(), b) || !x.names.plausible(item)) continue;
                peopleNames.add(item);
                people.add(new Person(item, describe(st, m.start()), body.origin(s.at(b)), body.originEnd(s.at(b + item.length())),
                        s.pageBegin(), s.pageEnd(), 0.6));
            }
        }
    }

    /** 2–3 char items joined by 、, the list closed by 等, a noun or punctuation. */
    private static final Pattern NAME_LIST = Pattern.compile("\\p{IsHan}{2,3}(?:、\\p{IsHan}{2,3})+(?=等|老两口|夫妇|同志|[，,。；;])");

    /**
     * Words HanLP takes for names that are not: quoted words (“比武争星”), idioms after a numeral
     * (三管齐下), places whose suffix follows (苏荣贵嘎查).
     */
    private static boolean notAName(String st, int b, int e) {
        boolean quoted = b > 0 && "“‘\"".indexOf(st.charAt(b - 1)) >= 0 && e < st.length() && "”’\"".indexOf(st.charAt(e)) >= 0;
        boolean afterNumeral = b > 0 && "一二三四五六七八九十两".indexOf(st.charAt(b - 1)) >= 0;
        boolean placeFollows = PLACE_SUFFIX.matcher(st.substring(e)).lookingAt();
        return quoted || afterNumeral || placeFollows || insideQuotedTerm(st, b, e) || parallelPhrase(st, b, e);
    }

    /** Part of a short quoted term (“比武争星”): a slogan's words, not a name. */
    private static boolean insideQuotedTerm(String st, int b, int e) {
        for (String q : new String[] {"“”", "‘’"}) {
            int open = st.lastIndexOf(q.charAt(0), b - 1), close = st.indexOf(q.charAt(1), e);
            if (open < 0 || close < 0 || st.lastIndexOf(q.charAt(1), b - 1) > open) continue;
            String term = st.substring(open + 1, close);
            if (term.length() <= 10 && term.chars().noneMatch(c -> "，,。、；;".indexOf(c) >= 0)) return true;
        }
        return false;
    }

    /** 问计于民、问需于民、问效于民: a "given name" repeated after other characters is a parallel phrase. */
    private static boolean parallelPhrase(String st, int b, int e) {
        if (e - b < 3) return false;
        String given = st.substring(b + 1, e);
        int others = 0;
        for (int i = st.indexOf(given); i >= 0; i = st.indexOf(given, i + 1)) if (i != b + 1) others++;
        return others >= 2;
    }

    /** A place's level after a name-like stem, past a numbered part (喀拉艾肯（10）村). */
    private static final Pattern PLACE_SUFFIX = Pattern.compile("(?:[（(][0-9０-９]{1,3}[）)])?(嘎查|苏木|社区|村|镇|乡|旗|县)");

    /** Part of a credited name (巴依斯 of 巴依斯古楞 摄). */
    private boolean inByline(String name) {
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
    private boolean overlapsOfficial(String sentence, int begin, int end) {
        for (String n : officials.keySet()) {
            int from = Math.max(0, end - n.length());
            int i = sentence.indexOf(n, from);
            if (i >= 0 && i < end && i + n.length() > begin) return true;
        }
        return false;
    }

    /** A role word right before a name (村民马春国 → 村民), if any. */
    private String describe(String sentence, int nameBegin) {
        for (String role : x.lexicon.personRoles) {
            if (nameBegin >= role.length() && sentence.startsWith(role, nameBegin - role.length())) {
                int from = nameBegin - role.length();
                while (from > 0 && NameFinder.isHan(sentence.charAt(from - 1)) && nameBegin - from < 16) from--;
                return sentence.substring(from, nameBegin);
            }
        }
        return null;
    }

    /**
     * Regions once each, with the parent as the text places them: a village whose township the
     * article does not write is placed in its county (山丹社区 under 赛罕区 when no 街道 is
     * written). The graph keeps the whole official chain (nkg:partOf).
     */
    private static final Pattern DATELINE = Pattern.compile("(?:[0-9０-９]{1,2}月)?[0-9０-９]{1,2}日(?:电|讯)");

    private List<RegionRef> regionRefs() {
        Set<String> named = new HashSet<>();
        for (RegionMention m : regionMentions) if (m.resolved()) named.add(m.region().code());
        Map<String, RegionRef> out = new LinkedHashMap<>();
        List<RegionMention> all = new ArrayList<>(regionMentions);
        all.addAll(levelWords);
        for (RegionMention m : all) {
            String key = m.resolved() ? m.region().code() : "?" + m.asWritten();
            if (out.containsKey(key)) continue;
            // where a wire story was filed (人民网北京8月22日电) is not what it is about
            if (DATELINE.matcher(text).region(m.end(), Math.min(text.length(), m.end() + 8)).lookingAt()) continue;
            // 农业农村局: a name the linker could not place that runs on into a department's name is no place
            if (!m.resolved() && m.end() < text.length() && "局厅部办处科".indexOf(text.charAt(m.end())) >= 0) continue;
            Region r = m.region();
            Region parent = r == null ? null : x.gazetteer.parent(r);
            if (parent != null && parent.level() == Region.Level.TOWNSHIP && !named.contains(parent.code())
                    && x.gazetteer.parent(parent) != null) {
                parent = x.gazetteer.parent(parent);
            }
            out.put(key, new RegionRef(m.asWritten(), r == null ? m.asWritten() : r.commonName(),
                    r == null ? null : r.levelLabel(), parent == null ? null : parent.commonName(),
                    r == null ? null : r.code(), parent == null ? null : parent.code(),
                    body.origin(m.begin()), body.originEnd(m.end()), m.confidence()));
        }
        return new ArrayList<>(out.values());
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
            for (int i = 0; i < posts.size(); i++) {
                Post y = posts.get(i);
                if (!y.title().equals(p.title()) || !y.org().equals(p.org())) continue;
                // a résumé line dates a post the lead named (原副市长 … 2003年8月任副市长)
                if (y.start() == null && p.start() != null) posts.set(i, y.withDates(p.status(), p.start(), p.finish()));
                return;
            }
            posts.add(p);
        }

        Official build() {
            double conf = posts.stream().mapToDouble(Post::confidence).max().orElse(0.5);
            // 院领导 (one of the body's leaders) says less than the post the article also gives (副院长 of it)
            List<Post> kept = posts.stream().filter(p -> !p.title().endsWith("领导") || posts.stream()
                    .noneMatch(q -> q != p && q.org().equals(p.org()) && !q.title().endsWith("领导"))).toList();
            return new Official(name, kept, begin, end, conf);
        }
    }
}
