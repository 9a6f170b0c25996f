package io.newskg.extract;

import io.newskg.gazetteer.Region;
import io.newskg.gazetteer.RegionMention;
import io.newskg.model.Results.Event;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Events from trigger words (resources/lexicon/event-triggers.tsv) and what their sentences
 * say: date, place, people and organisations. An article tells an event over several
 * sentences and paragraphs; sentences of the same kind of event that do not name another
 * date or place are read as telling more of it.
 */
final class EventExtractor {

    /** What one sentence of an article holds, in body offsets. */
    record SentenceFacts(int begin, int end, String text, int pageBegin, int pageEnd, List<String> people,
                         List<String> organizations, List<RegionMention> regions) {}

    /** Where the sentence says something happened, in sentence offsets; region null when none is written. */
    record Place(String text, int begin, int end, Region region) {}

    /**
     * A date as written: day (2020年11月3日, 3日至5日), month (2017年10月, 今年4月份) or a year opening a
     * clause (2016年,); a bare day (8日上午, 12日,) is read in the month of the article's last date.
     */
    static final Pattern DATE = Pattern.compile(
            "((?:\\d{4}年)?\\d{1,2}月\\d{1,2}日(?:至\\d{1,2}日)?|(?:\\d{4}年|今年|去年)?\\d{1,2}月(?:份)?(?=[,，、起以来])"
            + "|(?<![\\d年月])\\d{4}年(?=[,，])|(?<![\\d年月日])\\d{1,2}日(?=上午|下午|晚|早|清晨|凌晨|中午|夜|[,，]))");
    private static final Pattern BARE_DAY = Pattern.compile("\\d{1,2}日");
    private static final Pattern MONTH_OF = Pattern.compile("^(?:\\d{4}年)?\\d{1,2}月");
    private static final Pattern SAME_DAY = Pattern.compile("^(当日|当天|同日|是日|当晚)|今天|今日(?=上午|下午|晚|[,，])");
    /** 明天上午 in a report read on the day the article last dated (今（15）日…; 明天上午…). */
    private static final Pattern NEXT_DAY = Pattern.compile("^(次日|第二天)|明天|明日(?=上午|下午|晚|[,，])");
    /** 今（15）日: the day of the month the report is dated in, as Taiwan and Hong Kong papers write it. */
    private static final Pattern TODAY_NUMBERED = Pattern.compile("今[（(](\\d{1,2})[）)]日");
    private static final Pattern DATELINE_END = Pattern.compile("[电讯]");
    private static final Pattern MONTH_DAY_END = Pattern.compile("(\\d{1,2})月(\\d{1,2})日$");
    /** Words before a place: where something is held or where people go. */
    private static final Pattern PLACE_MARKER = Pattern.compile("在|赴|走进|来到|深入|前往|调往|派往|赶往|奔赴|下沉到|走入|进入|到");
    /** PLACE_MARKER's words in its order: scanned as literals, as the regex finds them, at a fraction of its cost. */
    private static final String[] PLACE_MARKER_WORDS = PLACE_MARKER.pattern().split("\\|");
    /** The first characters of PLACE_MARKER_WORDS. */
    private static final String PLACE_MARKER_FIRST = firstChars(PLACE_MARKER_WORDS);

    private static String firstChars(String[] words) {
        StringBuilder b = new StringBuilder();
        for (String w : words) if (b.indexOf(w.substring(0, 1)) < 0) b.append(w.charAt(0));
        return b.toString();
    }

    /**
     * The next PLACE_MARKER match at or after {@code from} as [start, end], or null: the leftmost
     * start, and there the first word of the alternation that matches, as the regex would.
     */
    private static int[] nextPlaceMarker(String t, int from) {
        for (int i = from; i < t.length(); i++) {
            if (PLACE_MARKER_FIRST.indexOf(t.charAt(i)) < 0) continue;
            for (String w : PLACE_MARKER_WORDS) if (t.startsWith(w, i)) return new int[] {i, i + w.length()};
        }
        return null;
    }
    /** 受到, 得到, 看到…: 到 closing a verb, not a movement. */
    private static final String NOT_MOVING_BEFORE_DAO = "受得达看感听想做遇见收找学提拿用识觉意注悟拓延伸跟进报接递";
    /** Words that end a place: the action that follows it, or a preposition. */
    private static final List<String> PLACE_STOPS = List.of("开展", "举行", "举办", "召开", "进行", "组织", "参加",
            "参观", "开启", "协助", "支援", "看望", "慰问", "调研", "考察", "检查", "观摩", "讲授", "讲解", "宣讲",
            "宣传", "学习", "挂职", "任职", "帮助", "为", "向", "与", "同", "对", "就", "把", "将", "从", "的");
    private static final String PLACE_STOP_CHARS = ",，。；;：:、\"!！?？（）()《》\n ";
    /** Spans opening with these are no particular place (各小区, 多所学校, 了农村). */
    private static final Pattern NO_PLACE = Pattern.compile("^(各|多|全|了|着|这|那|该|其|有关|相关|一些)|多所|多个|各类");
    /** 受疫情影响: the trigger names a cause; 交流会前,: another event, as a time (研修班后, is often this one). */
    private static final Pattern NOT_THIS_EVENT_AFTER = Pattern.compile("[等的]?影响|前[,，]|之前");
    /** After an outlet's name: the dateline or credit that makes it the report's source. */
    private static final Pattern SOURCE_AFTER = Pattern.compile("(?:\\p{IsHan}{0,4}?\\d{1,2}月\\d{1,2}日)?(?:电|讯|消息|报道|记者)");
    /**
     * A clause placing this sentence before or after an event already told (会前, 交流会后, 活动结束后,):
     * it happened on that event's day.
     */
    private static final Pattern AROUND_EVENT = Pattern.compile("^(?:会前|会后|会上|会议期间|活动期间|\\p{IsHan}{0,8}?(?:会|活动|仪式)(?:结束)?(?:前|后|期间))[,，]");
    /** Bodies whose work is on people (investigation, trial), not on places. */
    private static final Pattern ACTS_ON_PEOPLE = Pattern.compile("(纪委|监委|纪委监委|纪检监察组|巡视组|巡察组|检察院|法院)$");
    /** Place words of a movement to somewhere (not 在, where something merely is). */
    private static final Pattern MOVING = Pattern.compile("赴|走进|来到|深入|前往|赶往|赶到|奔赴|到");
    /**
     * Paragraphs of plain sentences (people, no kind, place or date of their own) that still tell of the
     * current event; a feature story goes on to other things after that.
     */
    private static final int QUIET_PARAGRAPHS = 1;
    private static final Pattern PRONOUN = Pattern.compile("(?<![其吉])[她他](?![们人])");
    // 强调, 叮嘱 … need no colon: 强调要做好防汛救灾 is what was said, not a rescue
    private static final Pattern SAYS = Pattern.compile("(说|表示|指出|认为|坦言)[,，:：]|强调|叮嘱|嘱咐|勉励");
    private static final String SAYS_FIRST = "说表指认坦强叮嘱勉";
    private static final Pattern INTERVIEW = Pattern.compile("告诉记者|向记者|接受记者采访|记者了解到");
    /** Sentences opening with these tell of a long-running programme, not an occurrence. */
    private static final Pattern PROGRAMME = Pattern.compile("^(近年来|多年来|近几年来|长期以来)");
    /** A span followed by one of these is a circumstance (在社区治理中), not a place. */
    private static final String FRAME_AFTER = "中里内上下时后前间";
    /** A trigger followed by one of these is part of a name or a title (宣传部, 会议室, 宣讲员). */
    private static final List<String> NAME_AFTER_TRIGGER = List.of("部", "委员", "干事", "科", "处", "室", "厅",
            "栏", "中心", "站", "员", "群", "片");
    /** A sentence taking the same actors on to the next place (随后,宣讲团还深入…). */
    private static final Pattern THEN = Pattern.compile("^(随后|之后|接着|紧接着|此后)|[还又](?=" + PLACE_MARKER.pattern() + ")");

    private final Map<String, List<String>> triggers = new LinkedHashMap<>();
    private final List<String> placeSuffixes = new ArrayList<>();
    /** One-character province names (赴台, 抵京, 援疆) and their regions. */
    private final Map<Character, Region> abbreviations = new java.util.HashMap<>();
    private final Pattern abbreviatedDestination;
    /** The characters of {@link #abbreviations}. */
    private final String abbreviationChars;

    EventExtractor(io.newskg.gazetteer.Gazetteer gazetteer) {
        StringBuilder chars = new StringBuilder();
        for (String line : Lexicon.lines("province-abbreviations.tsv")) {
            String[] f = line.split("\t");
            Region r = gazetteer.byCode(f[1]);
            if (r == null) throw new IllegalStateException("province-abbreviations.tsv: no division " + f[1]);
            abbreviations.put(f[0].charAt(0), r);
            chars.append(f[0]);
        }
        // the movement verb right before, and a clause end or what the visitors do right after
        abbreviationChars = chars.toString();
        abbreviatedDestination = Pattern.compile("(?:赴|抵达|抵|访|来|进|入|返|援)([" + chars
                + "])(?=[，。、；,;！!）)]|$|访问|考察|调研|交流|学习|参加|出席|期间|后|前|开展|举行|参观|洽谈|招商|采购|签约|进行|参访)");
        for (String line : Lexicon.lines("event-triggers.tsv")) {
            String[] f = line.split("\t");
            triggers.put(f[0], List.of(f[1].split(",")));
        }
        placeSuffixes.addAll(Lexicon.lines("place-suffixes.txt"));
    }

    private static final class Draft {
        String type, trigger, date;
        Place place;
        Region region;
        final Set<String> participants = new LinkedHashSet<>();
        final Set<String> organizers = new LinkedHashSet<>();
        int pageBegin, pageEnd;
        String summary;
        /** the paragraph of its last sentence has ended */
        boolean paragraphEnded;
        /** paragraphs begun since a sentence last told of its kind, place or date */
        int quiet;
        /** the article has moved on to another place: plain sentences no longer tell of this event */
        boolean closed;
        /** a place acting as organiser, or null */
        String subject;
        /** the article's section (under its subheadings) the event is told in */
        int section;
        /** its first sentence writes its date (not carried from the paragraph) */
        boolean ownDate;

        boolean regionFromPlace() { return place != null && place.region() != null; }
    }

    /**
     * @param mainOrganization the organisation the article is about (named most), organiser of
     *                         its events that name none of their own; or null
     * @param regionOf         the region an organisation is based in, or null
     */
    List<Event> extract(List<SentenceFacts> sentences, ArticleContext ctx, String mainOrganization,
                        Function<String, Region> regionOf) {
        List<Draft> drafts = new ArrayList<>();
        String lastDate = null;
        // what the paragraph has said so far: an event told over several sentences
        // (4月25日,…暴风雪天气。…民警一天一夜营救被困群众) takes its date and place from them
        String paragraphDate = null;
        Region paragraphRegion = null;
        String paragraphPerson = null;
        SentenceFacts last = null;
        Draft current = null;
        int section = 0;
        // a place a section opens with (近日,在…苏木胡杨树下,一场“板凳会”正在进行) where its
        // next event sentence happens, though that sentence names no place
        Place scene = null;
        for (int si = 0; si < sentences.size(); si++) {
            SentenceFacts s = sentences.get(si);
            String before = last == null ? "。" : last.text().strip();
            // a line break ends a paragraph: the sentence before ends with it, or blank lines lie between
            boolean paragraphStart = last == null || last.text().endsWith("\n") || s.begin() > last.end();
            last = s;
            if (paragraphStart) {
                paragraphDate = null;
                paragraphRegion = null;
                paragraphPerson = null;
            }
            // 她/他 standing for the person the paragraph last named
            if (s.people().isEmpty() && paragraphPerson != null && PRONOUN.matcher(s.text()).find()) {
                s = new SentenceFacts(s.begin(), s.end(), s.text(), s.pageBegin(), s.pageEnd(),
                        List.of(paragraphPerson), s.organizations(), s.regions());
            }
            paragraphPerson = lastNamed(s, paragraphPerson);
            if (paragraphStart && current != null) {
                current.paragraphEnded = true;
                current.quiet++;
            }
            // a section heading (“板凳会”传递好声音) opens another story of the article; a line
            // after an unfinished sentence is the rest of that sentence, broken by the layout
            if (paragraphStart && isHeading(s.text()) && "。！？!?”…".indexOf(before.charAt(before.length() - 1)) >= 0) {
                section++;
                current = null;
                scene = null;
                continue;
            }
            String own = ownDate(s.text(), lastDate, ctx.pageDate);
            String date = own != null ? own : relativeDate(s.text(), lastDate);
            if (date == null && current != null && current.date != null && AROUND_EVENT.matcher(s.text()).find()) {
                date = current.date;
            }
            // a date the sentence writes, or a relative one (明天上午) that is not the current event's day
            boolean ownDate = own != null || date != null && current != null && current.date != null && !date.equals(current.date);
            if (date != null && own != null) lastDate = date;
            Region here = deepest(s);
            String carriedDate = paragraphDate;
            Region carriedRegion = paragraphRegion;
            if (date != null) paragraphDate = date;
            if (here != null) paragraphRegion = here;
            String[] typed = pick(types(s.text()), current);
            Place place = place(s);
            // a dated sentence taking named people to a named place (8日下午,…经理李成刚赶到黄集村3组) tells an
            // occurrence even without a word for its kind
            if (typed == null && own != null && place != null && place.region() != null && !s.people().isEmpty()
                    && MOVING.matcher(s.text()).region(Math.max(0, place.begin() - 2), place.begin()).find()
                    && !INTERVIEW.matcher(s.text()).find()) {
                typed = new String[] {"其他", s.text().substring(Math.max(0, place.begin() - 2), place.begin())};
            }
            boolean hasActors = !s.people().isEmpty() || !s.organizations().isEmpty();
            // the sentence right after an event that names no new event of its own tells more about it:
            // who attended, who won (awards at a competition belong to it)
            boolean weak = typed == null || typed[0].equals("其他");
            boolean sameKind = typed != null && current != null && (typed[0].equals(current.type)
                    || current.type.equals("比赛") && typed[0].equals("表彰颁奖"));
            // a caption naming what the activity was (…开展活动。图为书记宣讲…) types it
            boolean names = current != null && current.type.equals("其他") && !weak && !current.paragraphEnded
                    && !ownDate && place == null;
            boolean elsewhere = place != null && current != null && current.place != null
                    && !samePlace(place, current.place);
            // a plain sentence saying where the current event took place (演练在…卫生院举行)
            boolean placing = current != null && weak && place != null && current.place == null && !ownDate
                    && !current.paragraphEnded && !THEN.matcher(s.text()).find();
            // a photo caption (图为…) shows the event just told
            boolean caption = current != null && s.text().strip().startsWith("图为");
            boolean follows = current != null && (hasActors || names || placing) && !ownDate && !elsewhere
                    && (weak && place == null && !current.closed && (!current.paragraphEnded || carriedDate == null)
                            && current.quiet <= QUIET_PARAGRAPHS
                        || sameKind || names || placing || caption);
            // a sentence about another place that is no event of its own ends what follows the current one
            if (elsewhere && !follows) current.closed = true;
            if (follows) {
                if (names) {
                    current.type = typed[0];
                    current.trigger = typed[1];
                }
                // someone talking to the reporter explains the work; they are not shown taking part
                if (!INTERVIEW.matcher(s.text()).find()) current.participants.addAll(s.people());
                if (place != null && (current.place == null || place.text().length() > current.place.text().length())) {
                    current.place = place;
                    if (place.region() != null) current.region = place.region();
                }
                // the units of award winners are not organisers of the competition
                boolean awards = typed != null && typed[0].equals("表彰颁奖") && !current.type.equals("表彰颁奖");
                if (!weak && !awards) current.organizers.addAll(actingOrganizations(s, s.text().indexOf(typed[1]), place));
                // the caption (图为旗残联党员志愿者在…协助…) shows who acted
                if (caption) current.organizers.addAll(actingOrganizations(s,
                        place != null ? place.begin() : s.text().length(), place));
                current.pageEnd = s.pageEnd();
                current.paragraphEnded = false;
                if (!weak || place != null || caption) current.quiet = 0;
                continue;
            }
            // the same actors going on to the next place: the next stop of the same kind of event
            if (typed == null && place != null && current != null && THEN.matcher(s.text()).find()) {
                Draft d = draft(s, current.type, current.trigger, place, null, here, carriedRegion, section);
                d.organizers.addAll(actingOrganizations(s, place.begin(), place));
                if (d.organizers.isEmpty()) d.organizers.addAll(current.organizers);
                drafts.add(d);
                current = d;
                continue;
            }
            // an event is reported in the lead, or with its date, or with the place it happened at, or with
            // people; a lead telling of a long-running programme (近年来…) reports none
            boolean lead = si == 0 && !PROGRAMME.matcher(s.text()).find();
            boolean people = !s.people().isEmpty() && !INTERVIEW.matcher(s.text()).find();
            boolean reported = lead || date != null || carriedDate != null || place != null || people || scene != null;
            if (typed == null && place != null && current == null) scene = place;
            if (typed == null || !reported) continue;
            Place at = place != null ? place : scene;
            scene = null;
            Draft d = draft(s, typed[0], typed[1], at, date != null ? date : carriedDate, here, carriedRegion, section);
            d.ownDate = ownDate;
            int trig = s.text().indexOf(d.trigger);
            d.organizers.addAll(actingOrganizations(s, trig, place));
            if (d.organizers.isEmpty()) {
                Region subject = subjectRegion(s, trig);
                if (subject != null) {
                    d.subject = subject.commonName();
                    d.organizers.add(d.subject);
                }
            }
            drafts.add(d);
            current = d;
        }
        List<Event> out = new ArrayList<>();
        for (Draft d : mergeRetold(drafts)) {
            boolean ownOrganizer = d.organizers.stream().anyMatch(o -> !o.equals(d.subject));
            // an event with no actor, date or place of its own is the article's theme, not an occurrence
            if (d.organizers.isEmpty() && d.participants.isEmpty() && d.date == null && d.place == null) continue;
            if (!ownOrganizer && mainOrganization != null) d.organizers.add(mainOrganization);
            if (d.participants.isEmpty() && d.organizers.isEmpty()) continue;
            Region region = d.region;
            if (!d.regionFromPlace() && !d.organizers.isEmpty()) {
                // a place written but not in the gazetteer (教育基地), or none at all: where the organiser
                // is, when the sentence names no place as deep
                Region r = regionOf.apply(d.organizers.iterator().next());
                // a discipline or judicial body acting on someone described by a post inside its region
                // (广东省纪委 … 广州市原副市长): the region is the body's, the place only describes the person
                boolean acting = ownOrganizer && d.place == null && region != null && r != null && region.within(r)
                        && ACTS_ON_PEOPLE.matcher(d.organizers.iterator().next()).find();
                if (r != null && (d.place != null || region == null || acting || r.level().ordinal() > region.level().ordinal())) {
                    region = r;
                }
            }
            // in an article about one village, what its own sentences place nowhere happens in the village,
            // not wherever the article's main organisation (the township's party committee) sits
            if (!d.regionFromPlace() && !ownOrganizer && ctx.village != null && (region == null || ctx.village.within(region))) {
                region = ctx.village;
            }
            if (region == null) region = ctx.county != null ? ctx.county : ctx.prefecture != null ? ctx.prefecture : ctx.pagePrefecture;
            if (d.date == null && region == null) continue;
            List<String> participants = new ArrayList<>(d.participants);
            double conf = 0.4 + (d.date != null ? 0.15 : 0) + (d.region != null ? 0.15 : 0) + (participants.isEmpty() ? 0 : 0.1);
            out.add(new Event(d.type, summary(d.summary), d.date, d.place == null ? null : d.place.text(),
                    region == null ? null : region.commonName(), region == null ? null : region.code(),
                    participants, new ArrayList<>(d.organizers), d.pageBegin, d.pageEnd, d.pageBegin, d.pageEnd,
                    Math.min(conf, 0.9)));
        }
        return out;
    }

    private static Draft draft(SentenceFacts s, String type, String trigger, Place place, String date,
                               Region here, Region carriedRegion, int section) {
        Draft d = new Draft();
        d.section = section;
        d.type = type;
        d.trigger = trigger;
        d.date = date;
        d.place = place;
        d.region = place != null && place.region() != null ? place.region() : here != null ? here : carriedRegion;
        if (!INTERVIEW.matcher(s.text()).find()) d.participants.addAll(s.people());
        d.pageBegin = s.pageBegin();
        d.pageEnd = s.pageEnd();
        d.summary = s.text().strip();
        return d;
    }

    /**
     * Organisations named before the trigger act; those after it, or naming the place, are places or
     * objects; an outlet naming itself as the source (人民网北京8月22日电, 央视网消息) reports, it does not act.
     */
    private static List<String> actingOrganizations(SentenceFacts s, int trigger, Place place) {
        List<String> out = new ArrayList<>();
        for (String o : s.organizations()) {
            String written = shortName(o);
            int at = s.text().indexOf(written);
            if (place != null && at >= place.begin() && at < place.end()) continue;
            if (at >= 0 && SOURCE_AFTER.matcher(s.text()).region(at + written.length(), s.text().length()).lookingAt()) continue;
            if (at < 0 || at <= trigger) out.add(o);
        }
        return out;
    }

    /**
     * A later sentence of the same kind of event that names no other date or place tells more of
     * it (an article reports one campaign over several paragraphs); so does a caption or closing
     * line retelling it. Sentences of events told with their own dates or places stay apart.
     */
    private static List<Draft> mergeRetold(List<Draft> drafts) {
        List<Draft> out = new ArrayList<>();
        for (Draft d : drafts) {
            Draft same = null;
            for (int i = out.size() - 1; i >= 0 && same == null; i--) {
                Draft o = out.get(i);
                if (o.section == d.section && !apart(o, d) && (o.type.equals(d.type) || sameStory(o, d))) same = o;
            }
            if (same == null) {
                out.add(d);
                continue;
            }
            same.participants.addAll(d.participants);
            same.organizers.addAll(d.organizers);
            if (same.date == null) same.date = d.date;
            if (d.place != null && (same.place == null || d.place.text().length() > same.place.text().length())) {
                same.place = d.place;
                if (d.place.region() != null) same.region = d.place.region();
            }
            if (same.region == null) same.region = d.region;
        }
        return out;
    }

    /** The person the sentence names last, or the one named before it. */
    private static String lastNamed(SentenceFacts s, String before) {
        String last = before;
        int at = -1;
        for (String p : s.people()) {
            int i = s.text().lastIndexOf(p);
            if (i > at) {
                at = i;
                last = p;
            }
        }
        return last;
    }

    /** Told of the same people with no date or place of its own: more of the same story, whatever its trigger. */
    private static boolean sameStory(Draft earlier, Draft d) {
        // a meeting or a visit is not swallowed by an untyped occurrence told before it
        if (earlier.type.equals("其他") && !d.type.equals("其他")) return false;
        return d.date == null && d.place == null && !d.participants.isEmpty()
                && earlier.participants.containsAll(d.participants);
    }

    /**
     * Told with different dates or places; or a later sentence writing its own date with people none
     * of whom the earlier one named (8日上午,区委书记…召开紧急会议 after the city's meeting that morning).
     */
    private static boolean apart(Draft a, Draft b) {
        return a.date != null && b.date != null && !a.date.equals(b.date)
                || a.place != null && b.place != null && !samePlace(a.place, b.place)
                || b.ownDate && !a.participants.isEmpty() && !b.participants.isEmpty()
                    && java.util.Collections.disjoint(a.participants, b.participants);
    }

    /** One place written more or less fully (喀喇沁旗 / 喀喇沁旗锦山镇标准化育苗基地). */
    private static boolean samePlace(Place a, Place b) {
        return a.text().contains(b.text()) || b.text().contains(a.text());
    }

    /** A short line without sentence punctuation: a subheading inside the article. */
    private static boolean isHeading(String text) {
        String t = text.strip();
        if (t.isEmpty() || t.length() > 24) return false;
        for (int i = 0; i < t.length(); i++) if ("。！？!?；;，,：:".indexOf(t.charAt(i)) >= 0) return false;
        return true;
    }

    /**
     * The place after 在/到/走进…: the longest span up to the action that follows it that ends
     * with a region name or a place ending (报告厅, 图书馆, 派出所); null when the span names no place
     * (在认真研究…后, 在这里, 在全市范围).
     */
    Place place(SentenceFacts s) {
        String t = s.text();
        for (int[] m = nextPlaceMarker(t, 0); m != null; m = nextPlaceMarker(t, m[1])) {
            int from = m[1];
            if (m[1] - m[0] == 1 && t.charAt(m[0]) == '到' && m[0] > 0 && NOT_MOVING_BEFORE_DAO.indexOf(t.charAt(m[0] - 1)) >= 0) continue;
            int best = -1;
            Region region = null;
            boolean deictic = false;
            int limit = Math.min(t.length(), from + 30);
            for (int j = from; j < limit; ) {
                RegionMention rm = mentionAt(s, j);
                if (rm != null) {
                    if (rm.asWritten().startsWith("全") || rm.asWritten().startsWith("该") || rm.asWritten().startsWith("我")) {
                        deictic = true;
                        break;
                    }
                    j = rm.end() - s.begin();
                    best = j;
                    if (rm.resolved() && (region == null || rm.region().level().ordinal() > region.level().ordinal())) {
                        region = rm.region();
                    }
                    continue;
                }
                if (PLACE_STOP_CHARS.indexOf(t.charAt(j)) >= 0 || stopsAt(t, j)) break;
                j++;
                if (endsWithPlace(t, from, j)) best = j;
            }
            if (deictic || best < 0) continue;
            // 在小区里, / 在活动中, : the span frames a circumstance
            if (best + 1 < t.length() && FRAME_AFTER.indexOf(t.charAt(best)) >= 0
                    && PLACE_STOP_CHARS.indexOf(t.charAt(best + 1)) >= 0) continue;
            String span = t.substring(from, best);
            // 在市直机关工作的她: a place describing someone, not where the event is
            if (describesSomeone(t, best)) continue;
            if (region == null && span.length() < 3 || NO_PLACE.matcher(span).find()) continue;
            return new Place(span, from, best, region);
        }
        if (!mayNameAbbreviatedDestination(t)) return null;
        Matcher a = abbreviatedDestination.matcher(t);
        return a.find() ? new Place(a.group(1), a.start(1), a.end(1), abbreviations.get(a.group(1).charAt(0))) : null;
    }

    /** Last characters of abbreviatedDestination's verbs (赴, 抵达, 抵 …). */
    private static final String DESTINATION_VERB_ENDS = "赴达抵访来进入返援";

    /** Whether an abbreviation follows one of the verbs' last characters: without that the regex cannot match. */
    private boolean mayNameAbbreviatedDestination(String t) {
        for (int i = 1; i < t.length(); i++) {
            if (abbreviationChars.indexOf(t.charAt(i)) >= 0 && DESTINATION_VERB_ENDS.indexOf(t.charAt(i - 1)) >= 0) return true;
        }
        return false;
    }

    private static boolean describesSomeone(String t, int end) {
        if (stopsAt(t, end)) return false;
        for (int k = end; k < Math.min(t.length(), end + 3); k++) {
            char c = t.charAt(k);
            if (c == '的') return true;
            if (PLACE_STOP_CHARS.indexOf(c) >= 0) return false;
        }
        return false;
    }

    private static boolean stopsAt(String t, int j) {
        for (String w : PLACE_STOPS) if (t.startsWith(w, j)) return true;
        return false;
    }

    private boolean endsWithPlace(String t, int from, int end) {
        for (String x : placeSuffixes) {
            // a one-character ending needs a name before it (民族幼儿园, not 乡村)
            int min = x.length() == 1 ? 4 : x.length();
            if (end - from >= min && t.startsWith(x, end - x.length())) return true;
        }
        return false;
    }

    private static RegionMention mentionAt(SentenceFacts s, int offset) {
        for (RegionMention m : s.regions()) if (m.begin() - s.begin() == offset) return m;
        return null;
    }

    /**
     * A place that acts: a chain of region names opening the sentence or one of its clauses, before
     * the trigger (近日,乌海市海南区赛汗乌素村举行了… → 赛汗乌素村; “…”11月3日,鄂尔多斯市发布… → 鄂尔多斯市).
     */
    private static Region subjectRegion(SentenceFacts s, int trigger) {
        String t = s.text();
        List<RegionMention> ms = s.regions();
        for (int i = 0; i < ms.size(); i++) {
            int b = ms.get(i).begin() - s.begin();
            if (b >= trigger) return null;
            if (b != 0 && ",，”".indexOf(t.charAt(b - 1)) < 0) continue;
            Region last = null;
            int end = b;
            for (int j = i; j < ms.size() && ms.get(j).begin() - s.begin() == end; j++) {
                if (!ms.get(j).resolved()) break;
                last = ms.get(j).region();
                end = ms.get(j).end() - s.begin();
            }
            if (last == null || end > trigger || t.startsWith("讯", end)) return null;
            return last;
        }
        return null;
    }

    /** The deepest region of the sentence, not counting a dateline (呼和浩特讯). */
    static Region deepest(SentenceFacts s) {
        Region best = null;
        for (RegionMention m : s.regions()) {
            if (!m.resolved() || s.text().startsWith("讯", m.end() - s.begin())) continue;
            if (best == null || m.region().level().ordinal() > best.level().ordinal()) best = m.region();
        }
        return best;
    }

    /**
     * The [type, trigger] pairs a sentence names, most telling first: paired triggers (讲授+党课:
     * the object tells the kind), then a trigger naming an activity (志愿服务活动), then the
     * lexicon's order; triggers inside a name or title (宣传部, 会议室) do not count.
     */
    List<String[]> types(String text) {
        List<String[]> paired = new ArrayList<>(), activity = new ArrayList<>(), plain = new ArrayList<>();
        // where SAYS first ends (reportedSpeech), found once per sentence, not per trigger
        int saysEnd = -2;
        for (Map.Entry<String, List<String>> e : triggers.entrySet()) {
            for (String w : e.getValue()) {
                int plus = w.indexOf('+');
                if (plus >= 0) {
                    String head = w.substring(0, plus);
                    int at = text.indexOf(head);
                    if (at >= 0 && text.indexOf(w.substring(plus + 1), at + head.length()) >= 0) {
                        paired.add(new String[] {e.getKey(), head});
                    }
                    continue;
                }
                for (int at = text.indexOf(w); at >= 0; at = text.indexOf(w, at + 1)) {
                    if (partOfName(text, at + w.length()) || inQuotedSpeech(text, at)) continue;
                    if (saysEnd == -2) saysEnd = saysEnd(text);
                    if (saysEnd <= at || planned(text, at)
                            || NOT_THIS_EVENT_AFTER.matcher(text).region(at + w.length(), text.length()).lookingAt()) continue;
                    (text.startsWith("活动", at + w.length()) ? activity : plain).add(new String[] {e.getKey(), w});
                    break;
                }
            }
        }
        List<String[]> out = new ArrayList<>(paired);
        out.addAll(activity);
        out.addAll(plain);
        return out;
    }

    /** The sentence's event kind: the current event's if the sentence names it too, else the most telling. */
    private static String[] pick(List<String[]> types, Draft current) {
        if (types.isEmpty()) return null;
        if (current != null && !current.type.equals("其他")) {
            for (String[] t : types) if (t[0].equals(current.type)) return t;
        }
        return types.get(0);
    }

    /** Inside a quotation that is speech (with clauses), not a name: what someone says, not what the article reports. */
    private static boolean inQuotedSpeech(String text, int at) {
        int open = text.lastIndexOf('“', at);
        if (open < 0 || text.lastIndexOf('”', at) > open) return false;
        int close = text.indexOf('”', at);
        String quoted = text.substring(open + 1, close < 0 ? text.length() : close);
        return quoted.length() > 24 || quoted.chars().anyMatch(c -> "，,。！!？?；;".indexOf(c) >= 0);
    }

    /** 将/拟/计划 earlier in the trigger's clause, in a sentence giving no day or hour before it: a plan, not an occurrence. */
    private static final Pattern PLAN = Pattern.compile("(?:将|拟|计划|准备|力争|争取)[^，,；;。：:]*$");
    private static final Pattern WHEN = Pattern.compile("\\d日|上午|下午|晚上|明天|明日|今天|近日|本周|下周");

    private static final String[] PLAN_WORDS = {"将", "拟", "计划", "准备", "力争", "争取"};
    private static final String CLAUSE_BREAKS = "，,；;。：:";

    private static boolean planned(String text, int at) {
        // PLAN ends at the trigger with no clause break after the modal word
        return modalInClause(text, at) && PLAN.matcher(text).region(0, at).find() && !WHEN.matcher(text).region(0, at).find();
    }

    /** A PLAN word after the last clause break before {@code at} and ending by it: what PLAN needs, without the regex. */
    private static boolean modalInClause(String text, int at) {
        int k = at - 1;
        while (k >= 0 && CLAUSE_BREAKS.indexOf(text.charAt(k)) < 0) k--;
        for (String w : PLAN_WORDS) {
            int p = text.indexOf(w, k + 1);
            if (p >= 0 && p + w.length() <= at) return true;
        }
        return false;
    }

    /**
     * After 他说, / 表示, / 指出: what someone says or plans, not what the article reports. A trigger
     * at or after this offset (where SAYS first ends; MAX_VALUE when it does not match) is reported speech.
     */
    private static int saysEnd(String text) {
        // every SAYS word opens with one of these: a sentence without them has none
        boolean may = false;
        for (int i = 0; i < text.length() && !may; i++) may = SAYS_FIRST.indexOf(text.charAt(i)) >= 0;
        if (!may) return Integer.MAX_VALUE;
        Matcher m = SAYS.matcher(text);
        return m.find() ? m.end() : Integer.MAX_VALUE;
    }

    private static boolean partOfName(String text, int end) {
        for (String x : NAME_AFTER_TRIGGER) {
            if (!text.startsWith(x, end)) continue;
            // 调研科技工作, 宣传处理: the char opens a word of its own, not a unit's name (调研科, 宣传处)
            // (宣传部长 is the department's head: a title, so a name)
            if (x.length() == 1 && end + 2 <= text.length() && text.charAt(end + 1) != '长'
                    && com.hankcs.hanlp.dictionary.CoreDictionary.contains(text.substring(end, end + 2))) return false;
            return true;
        }
        return false;
    }

    /** The date as written, or the one a relative word refers to; 近日/日前 stay undated. */
    static String dateOf(String text, String previous) {
        return dateOf(text, previous, null);
    }

    /** As {@link #dateOf(String, String)}, reading 今（15）日 in a report dated {@code pageDate}. */
    static String dateOf(String text, String previous, java.time.LocalDate pageDate) {
        String own = ownDate(text, previous, pageDate);
        return own != null ? own : relativeDate(text, previous);
    }

    /** The date the sentence itself writes, or null; a bare day takes the month of {@code previous}. */
    private static String ownDate(String text, String previous, java.time.LocalDate pageDate) {
        // DATE and TODAY_NUMBERED both need an ASCII digit (\d): most sentences have none
        if (!hasDigit(text)) return null;
        Matcher m = DATE.matcher(text);
        while (m.find()) {
            // 新华社重庆8月23日电: the day of the report, not of what it tells
            if (DATELINE_END.matcher(text).region(m.end(), text.length()).lookingAt()) continue;
            String d = m.group(1);
            if (BARE_DAY.matcher(d).matches() && previous != null) {
                Matcher month = MONTH_OF.matcher(previous);
                if (month.find()) return month.group() + d;
            }
            return d;
        }
        if (pageDate != null) {
            Matcher t = TODAY_NUMBERED.matcher(text);
            if (t.find()) {
                int day = Integer.parseInt(t.group(1));
                // a report dated early in a month may say 今（30）日 of the month before
                java.time.LocalDate month = day > pageDate.getDayOfMonth() ? pageDate.minusMonths(1) : pageDate;
                if (day >= 1 && day <= month.lengthOfMonth()) return month.getMonthValue() + "月" + day + "日";
            }
        }
        return null;
    }

    private static boolean hasDigit(String text) {
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (c >= '0' && c <= '9') return true;
        }
        return false;
    }

    /** 当日, 次日 …: the date the sentence refers to through {@code previous}, or null. */
    private static String relativeDate(String text, String previous) {
        if (previous != null && SAME_DAY.matcher(text).find()) return previous;
        if (previous != null && NEXT_DAY.matcher(text).find()) return nextDay(previous);
        return null;
    }

    private static String nextDay(String date) {
        Matcher m = MONTH_DAY_END.matcher(date);
        if (!m.find()) return null;
        int month = Integer.parseInt(m.group(1)), day = Integer.parseInt(m.group(2));
        java.time.MonthDay md = java.time.MonthDay.of(month, day);
        java.time.LocalDate next = md.atYear(2001).plusDays(1);
        return next.getMonthValue() + "月" + next.getDayOfMonth() + "日";
    }

    /** Organisation names are expanded; their last 4 chars are what the sentence writes. */
    private static String shortName(String org) {
        return org.length() <= 4 ? org : org.substring(org.length() - 4);
    }

    private static String summary(String s) {
        return s.length() <= 80 ? s : s.substring(0, 80) + "…";
    }
}

