package io.newskg.extract;

import io.newskg.gazetteer.Region;
import io.newskg.gazetteer.RegionMention;
import io.newskg.model.Results.Event;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Events from trigger words (resources/lexicon/event-triggers.tsv) and what their sentence
 * says: date, place, people and organisations. Sentences that continue the same event (same
 * type, sharing a person, organisation or date) are merged into one.
 */
final class EventExtractor {

    /** What one sentence of an article holds, in body offsets. */
    record SentenceFacts(int begin, int end, String text, int pageBegin, int pageEnd, List<String> people,
                         List<String> organizations, List<RegionMention> regions) {}

    static final Pattern DATE = Pattern.compile(
            "((?:\\d{4}年)?\\d{1,2}月\\d{1,2}日(?:至\\d{1,2}日)?|(?:今年|去年)?\\d{1,2}月(?:份)?(?=[,，、起以来]))");
    private static final Pattern SAME_DAY = Pattern.compile("^(当日|当天|同日|是日|当晚)");
    private static final Pattern NEXT_DAY = Pattern.compile("^(次日|第二天)");
    private static final Pattern LOCATION = Pattern.compile("在([\\p{IsHan}\\d“”]{2,24}?)(?:开展|举行|举办|召开|宣讲|进行|组织|参加|学习|为|向|与|,|，)");

    private final Map<String, List<String>> triggers = new LinkedHashMap<>();

    EventExtractor() {
        try (InputStream in = EventExtractor.class.getResourceAsStream("/lexicon/event-triggers.tsv")) {
            BufferedReader r = new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8));
            for (String line; (line = r.readLine()) != null; ) {
                if (line.isBlank() || line.startsWith("#")) continue;
                String[] f = line.split("\t");
                triggers.put(f[0], List.of(f[1].split(",")));
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static final class Draft {
        String type, trigger, date, location;
        Region region;
        final Set<String> participants = new LinkedHashSet<>();
        final Set<String> organizers = new LinkedHashSet<>();
        int begin, end, pageBegin, pageEnd;
        String summary;
        /** the paragraph of its last sentence has ended */
        boolean paragraphEnded;
        boolean regionFromLocation;
        /** a place acting as organiser, or null */
        String subject;
    }

    /**
     * @param mainOrganization the organisation the article is about (named most), organiser of
     *                         its events that name none of their own; or null
     * @param regionOf         the region an organisation is based in, or null
     */
    List<Event> extract(List<SentenceFacts> sentences, ArticleContext ctx, String mainOrganization,
                        java.util.function.Function<String, Region> regionOf) {
        List<Draft> drafts = new ArrayList<>();
        String lastDate = null;
        // what the paragraph has said so far: an event told over several sentences
        // (4月25日,…暴风雪天气。…民警一天一夜营救被困群众) takes its date and place from them
        String paragraphDate = null;
        Region paragraphRegion = null;
        boolean newParagraph = true;
        Draft current = null;
        for (SentenceFacts s : sentences) {
            if (newParagraph) {
                paragraphDate = null;
                paragraphRegion = null;
            }
            if (newParagraph && current != null) current.paragraphEnded = true;
            newParagraph = s.text().endsWith("\n");
            String date = dateOf(s.text(), lastDate);
            boolean ownDate = DATE.matcher(s.text()).find();
            if (date != null && ownDate) lastDate = date;
            Region here = deepest(s);
            String carriedDate = paragraphDate;
            Region carriedRegion = paragraphRegion;
            if (date != null) paragraphDate = date;
            if (here != null) paragraphRegion = here;
            String[] typed = type(s.text());
            String location = location(s.text());
            boolean hasActors = !s.people().isEmpty() || !s.organizations().isEmpty();
            // the sentence right after an event that names no new event of its own tells more about it:
            // who attended, who won (awards at a competition belong to it)
            boolean weak = typed == null || typed[0].equals("其他");
            boolean sameKind = typed != null && current != null && (typed[0].equals(current.type)
                    || current.type.equals("比赛") && typed[0].equals("表彰颁奖"));
            // a plain sentence continues the event only in the event's own paragraph; the same
            // kind of event (its awards) may come paragraphs later
            boolean follows = current != null && hasActors && !ownDate
                    && (weak && location == null && !current.paragraphEnded
                        || sameKind && (location == null || current.location == null));
            if (follows) {
                current.participants.addAll(s.people());
                if (current.location == null && location != null) {
                    current.location = location;
                    Region r = deepestIn(s, location);
                    if (r != null) current.region = r;
                }
                if (!weak) {
                    int trig = s.text().indexOf(typed[1]);
                    for (String o : s.organizations()) {
                        int at = s.text().indexOf(shortName(o));
                        if (at < 0 || at <= trig) current.organizers.add(o);
                    }
                }
                current.end = s.end();
                current.pageEnd = s.pageEnd();
                current.paragraphEnded = false;
                continue;
            }
            // an event is reported in the lead, or with its date, or with the place it happened at, or with people
            boolean reported = s == sentences.get(0) || date != null || location != null || !s.people().isEmpty();
            if (typed == null || !reported) continue;
            Draft d = new Draft();
            d.type = typed[0];
            d.trigger = typed[1];
            d.date = date != null ? date : carriedDate;
            d.location = location;
            d.region = location != null ? deepestIn(s, location) : null;
            d.regionFromLocation = d.region != null;
            if (d.region == null) d.region = here != null ? here : carriedRegion;
            int trig = s.text().indexOf(d.trigger);
            d.participants.addAll(s.people());
            for (String o : s.organizations()) {
                int at = s.text().indexOf(shortName(o));
                // organisations named before the trigger act; those after it are places or objects
                if (at < 0 || at <= trig) d.organizers.add(o);
            }
            if (d.organizers.isEmpty()) {
                Region subject = subjectRegion(s, trig);
                if (subject != null) {
                    d.subject = subject.commonName();
                    d.organizers.add(d.subject);
                }
            }
            d.begin = s.begin();
            d.end = s.end();
            d.pageBegin = s.pageBegin();
            d.pageEnd = s.pageEnd();
            d.summary = s.text().strip();
            drafts.add(d);
            current = d;
        }
        List<Event> out = new ArrayList<>();
        drafts = mergeRetold(drafts);
        for (Draft d : drafts) {
            boolean ownOrganizer = d.organizers.stream().anyMatch(o -> !o.equals(d.subject));
            if (!ownOrganizer && mainOrganization != null) d.organizers.add(mainOrganization);
            if (d.participants.isEmpty() && d.organizers.isEmpty()) continue;
            // a place written but not found in the gazetteer (教育基地): the organiser's region
            if (d.location != null && !d.regionFromLocation && !d.organizers.isEmpty()) {
                Region r = regionOf.apply(d.organizers.iterator().next());
                if (r != null) d.region = r;
            }
            Region region = d.region != null ? d.region : ctx.county != null ? ctx.county : ctx.prefecture;
            if (d.date == null && region == null) continue;
            List<String> participants = new ArrayList<>(d.participants);
            double conf = 0.4 + (d.date != null ? 0.15 : 0) + (d.region != null ? 0.15 : 0) + (participants.isEmpty() ? 0 : 0.1);
            out.add(new Event(d.type, summary(d.summary), d.date, d.location,
                    region == null ? null : region.commonName(), region == null ? null : region.code(),
                    participants, new ArrayList<>(d.organizers), d.pageBegin, d.pageEnd, d.pageBegin, d.pageEnd,
                    Math.min(conf, 0.9)));
        }
        return out;
    }

    /** A caption or closing line retelling an event (same type, same date) is that event. */
    private static List<Draft> mergeRetold(List<Draft> drafts) {
        List<Draft> out = new ArrayList<>();
        for (Draft d : drafts) {
            Draft same = d.date == null ? null : out.stream()
                    .filter(o -> o.type.equals(d.type) && d.date.equals(o.date)
                            && (o.region == null || d.region == null || o.region.equals(d.region)))
                    .findFirst().orElse(null);
            if (same == null) {
                out.add(d);
            } else {
                same.participants.addAll(d.participants);
                same.organizers.addAll(d.organizers);
            }
        }
        return out;
    }

    /** The deepest region written inside the event's location (乌兰察布市党政大楼报告厅 → 乌兰察布市). */
    private static Region deepestIn(SentenceFacts s, String location) {
        int at = s.text().indexOf(location);
        Region best = null;
        for (RegionMention m : s.regions()) {
            int b = m.begin() - s.begin();
            if (!m.resolved() || b < at || b >= at + location.length()) continue;
            if (best == null || m.region().level().ordinal() > best.level().ordinal()) best = m.region();
        }
        return best;
    }

    /**
     * A place that acts: a chain of region names opening the sentence or its first clause, before
     * the trigger (近日,乌海市海南区赛汗乌素村举行了… → 赛汗乌素村).
     */
    private static Region subjectRegion(SentenceFacts s, int trigger) {
        String t = s.text();
        int comma = firstComma(t);
        List<RegionMention> ms = s.regions();
        for (int i = 0; i < ms.size(); i++) {
            int b = ms.get(i).begin() - s.begin();
            if (b != 0 && b != comma + 1) continue;
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

    private static int firstComma(String t) {
        for (int i = 0; i < t.length(); i++) if (t.charAt(i) == ',' || t.charAt(i) == '，') return i;
        return -2;
    }

    /** The deepest region of the sentence, not counting a dateline (呼和浩特讯). */
    private static Region deepest(SentenceFacts s) {
        Region best = null;
        for (RegionMention m : s.regions()) {
            if (!m.resolved() || s.text().startsWith("讯", m.end() - s.begin())) continue;
            if (best == null || m.region().level().ordinal() > best.level().ordinal()) best = m.region();
        }
        return best;
    }

    /** [type, trigger] of the first type whose trigger occurs, or null. */
    private String[] type(String text) {
        for (Map.Entry<String, List<String>> e : triggers.entrySet()) {
            for (String w : e.getValue()) if (text.contains(w)) return new String[] {e.getKey(), w};
        }
        return null;
    }

    /** The date as written, or the one a relative word refers to; 近日/日前 stay undated. */
    static String dateOf(String text, String previous) {
        Matcher m = DATE.matcher(text);
        if (m.find()) return m.group(1);
        if (previous != null && SAME_DAY.matcher(text).find()) return previous;
        if (previous != null && NEXT_DAY.matcher(text).find()) return nextDay(previous);
        return null;
    }

    private static String nextDay(String date) {
        Matcher m = Pattern.compile("(\\d{1,2})月(\\d{1,2})日$").matcher(date);
        if (!m.find()) return null;
        int month = Integer.parseInt(m.group(1)), day = Integer.parseInt(m.group(2));
        java.time.MonthDay md = java.time.MonthDay.of(month, day);
        java.time.LocalDate next = md.atYear(2001).plusDays(1);
        return next.getMonthValue() + "月" + next.getDayOfMonth() + "日";
    }

    private static String location(String text) {
        Matcher m = LOCATION.matcher(text);
        return m.find() ? m.group(1) : null;
    }

    /** Organisation names are expanded; their last 4 chars are what the sentence writes. */
    private static String shortName(String org) {
        return org.length() <= 4 ? org : org.substring(org.length() - 4);
    }

    private static String summary(String s) {
        return s.length() <= 80 ? s : s.substring(0, 80) + "…";
    }
}
