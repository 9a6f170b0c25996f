package io.newskg.ingest;

import io.newskg.model.Byline;

import java.time.DateTimeException;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * What a news web site prints around an article, judged line by line: chrome (breadcrumbs,
 * share widgets, print/close buttons, HTML residue, bare URLs) that is neither article nor
 * body, and metadata lines ("发布时间：2021-03-05 来源：某某网 作者：张三", "《 某某日报 》（ 2020年08月25日
 * 05 版）") that give the article's credits and the page's date. The word lists are in
 * {@code resources/ingest/web-chrome.txt} and {@code web-meta.tsv}.
 */
final class WebPage {
    private WebPage() {}

    /** Longest metadata line; longer lines are paragraphs. */
    static final int META_MAX = 100;
    /** Longest line of chrome words. */
    private static final int CHROME_MAX = 40;
    /** Steps of a breadcrumb printed one a line, and share widget names, are this short. */
    static final int STEP_MAX = 6;

    private static final String SP = BylineParser.SP;
    /** Value of the metadata keys whose value is the page's date. */
    static final String DATE_ROLE = "日期";
    /** Publisher field: an outlet in it is the source, a person (the web editor) no credit. */
    static final String PUBLISHER_ROLE = "发布人";
    private static final String NO_CREDIT = "-";

    private static final Set<String> NAV = new HashSet<>(), CHROME = new HashSet<>(), SHARE = new HashSet<>();
    private static final Map<String, String> META_KEYS = new LinkedHashMap<>();
    static {
        Set<String> into = null;
        for (String l : lines("web-chrome.txt")) {
            switch (l) {
                case "[nav]" -> into = NAV;
                case "[chrome]" -> into = CHROME;
                case "[share]" -> into = SHARE;
                default -> { if (into != null) into.add(l); }
            }
        }
        for (String l : lines("web-meta.tsv")) {
            String[] f = l.split("\t");
            if (f.length == 2) META_KEYS.put(f[0].strip(), f[1].strip());
        }
    }

    /** Separators between chrome words: spaces, bars, slashes, arrows, brackets, colons. */
    private static final Pattern SEPARATORS = Pattern.compile("[\\s\\u3000\\u00a0|｜/／>＞»›·•、【】\\[\\]()（）:：\\-]+");
    private static final Pattern BREADCRUMB_ARROW = Pattern.compile("[>＞»›]");
    private static final Pattern HTML = Pattern.compile(
            "<\\s*/?[a-zA-Z!]|\\b(?:src|href|style|class|alt|width|height|target)\\s*=|\\.(?:jpe?g|png|gif|bmp|webp)\\b"
                    + "|&(?:nbsp|amp|lt|gt|quot);|\"\\s*/?>");
    private static final Pattern URL_LINE = Pattern.compile("^(?:https?://|www\\.)\\S+$");
    /** Share widget names beyond the list: 某某微博, 某某空间, 某某好友. */
    private static final Pattern SHARE_LIKE = Pattern.compile("^[\\p{IsHan}A-Za-z]{1,4}(?:微博|空间|好友|贴吧|网|圈)$");

    /** A date as sites print it: 2021-03-05, 2021/3/5, 2021年3月5日 (also without the 日). */
    private static final Pattern DATE = Pattern.compile("(\\d{4})\\s*[-/.年]\\s*(\\d{1,2})\\s*[-/.月]\\s*(\\d{1,2})(?!\\d)日?");
    private static final String DATE_PREFIX = "(?:\\d{4}\\s*[-/.年]\\s*\\d{1,2}\\s*[-/.月]\\s*\\d{1,2}(?!\\d)日?"
            + "(?:" + SP + "*\\d{1,2}[:：]\\d{2}(?:[:：]\\d{2})?)?" + SP + "*)?";
    /** Any metadata key with its colon; longest keys first so 发布时间 wins over 时间. */
    private static final Pattern KEY;
    private static final Pattern META_START;
    static {
        List<String> keys = new ArrayList<>(META_KEYS.keySet());
        keys.sort(Comparator.comparingInt(String::length).reversed());
        String alt = String.join("|", keys.stream().map(Pattern::quote).toList());
        KEY = Pattern.compile("(" + alt + ")" + SP + "*[：:]");
        META_START = Pattern.compile("^" + DATE_PREFIX + "(?:" + alt + ")" + SP + "*[：:]");
    }
    /** A print-edition line under a reprinted newspaper article: "《 某某日报 》（ 2020年08月25日 05 版）". */
    private static final Pattern EDITION = Pattern.compile("^《" + SP + "*([^《》]{2,20}?)" + SP + "*》" + SP + "*[（(]" + SP
            + "*(\\d{4})年(\\d{1,2})月(\\d{1,2})日" + SP + "*(?:第?" + SP + "*[0-9A-Za-z]{1,4}" + SP + "*版)?" + SP + "*[)）]$");
    /** Sentence punctuation: a line with it is a paragraph, not metadata. */
    private static final String SENTENCE = "。？！?!";
    /** Separators between several credits in one value: "人民网-人民日报", "张三 李四", "张三、李四". */
    private static final Pattern VALUE_TOKEN = Pattern.compile("[^\\s\\u3000\\u00a0、,，;；/|｜]+");
    private static final Pattern SPACES = Pattern.compile("[\\s\\u3000\\u00a0]+");
    private static final Pattern DASHES = Pattern.compile("[-－—]+");
    private static final Pattern DOMAIN = Pattern.compile("^[A-Za-z0-9.-]+\\.[A-Za-z]{2,}$");
    /** How the names of news outlets end (新华网, 大河报, 新华社, 某某电视台, 某某客户端). */
    private static final Pattern OUTLET = Pattern.compile("(?:网|报|社|台|新闻|在线|频道|客户端|杂志|传媒|融媒|融媒体中心)$");
    /** Roles whose value is a person's name. */
    private static final Set<String> PERSON_ROLES = Set.of(Byline.AUTHOR, Byline.REPORTER, Byline.CORRESPONDENT, Byline.PHOTO);

    /** True when the line is chrome: not article, not body, no credit. */
    static boolean isChrome(String s) {
        if (s.isEmpty()) return false;
        if (URL_LINE.matcher(s).matches()) return true;
        if (mayBeMarkup(s) && hanCount(s) * 3 < s.length() && HTML.matcher(s).find()) return true;
        if (s.length() > CHROME_MAX) return false;
        String[] words = words(s);
        if (words.length == 0) return false;
        if (NAV.contains(words[0]) && BREADCRUMB_ARROW.matcher(s).find()) return true;
        for (String w : words) if (!NAV.contains(w) && !CHROME.contains(w) && !SHARE.contains(w)) return false;
        return true;
    }

    /** A chrome line that opens a breadcrumb ("首页", "当前位置："). */
    static boolean opensBreadcrumb(String s) {
        String[] words = words(s);
        return words.length > 0 && NAV.contains(words[0]) && isChrome(s);
    }

    /** A chrome line that opens a share widget ("分享到："). */
    static boolean opensShare(String s) {
        if (!isChrome(s)) return false;
        for (String w : words(s)) if (w.startsWith("分享")) return true;
        return false;
    }

    /** A short line of a breadcrumb printed one step a line: a word, no punctuation. */
    static boolean isStep(String s) {
        return s.length() <= STEP_MAX && s.codePoints().allMatch(c -> Character.isLetterOrDigit(c));
    }

    /** A share widget's name in a run after 分享到. */
    static boolean isShareName(String s) {
        return SHARE.contains(s) || s.length() <= STEP_MAX + 2 && SHARE_LIKE.matcher(s).matches();
    }

    private static String[] words(String s) {
        List<String> out = new ArrayList<>();
        for (String w : SEPARATORS.split(s)) if (!w.isEmpty()) out.add(w);
        return out.toArray(new String[0]);
    }

    /** Cheap test before the markup pattern: markup has one of these chars. */
    private static boolean mayBeMarkup(String s) {
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            if (c == '<' || c == '>' || c == '=' || c == '&' || c == '.') return true;
        }
        return false;
    }

    private static int hanCount(String s) {
        int n = 0;
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            if (c >= '\u4e00' && c <= '\u9fff' || c >= '\u3400' && c <= '\u4dbf') n++;
        }
        return n;
    }

    /** True when the line is page metadata (publication time, source, author, editor, print edition). */
    static boolean isMeta(String s) {
        if (s.isEmpty() || s.length() > META_MAX) return false;
        for (int i = 0; i < s.length(); i++) if (SENTENCE.indexOf(s.charAt(i)) >= 0) return false;
        if (EDITION.matcher(s).matches()) return true;
        if (!META_START.matcher(s).find()) return false;
        // "记者：您好，……" is an interview's question, not a credit
        List<Field> fs = fields(s);
        if (fs.isEmpty()) return false;
        Field first = fs.get(0);
        // 时间：3月5日上午9时 in a notice's body is the meeting's time, not the page's date
        if ("日期".equals(first.role) && !YEAR.matcher(first.value).find()) return false;
        return !(PERSON_ROLES.contains(first.role) && (first.value.indexOf('，') >= 0 || first.value.indexOf(',') >= 0));
    }

    /** A page's date line gives the year (发布时间：2021-06-18, 2021年06月18日). */
    private static final java.util.regex.Pattern YEAR = java.util.regex.Pattern.compile("(19|20)\\d\\d");

    private record Field(String role, String value, int at) {}

    /** The key: value fields of a metadata line, each value up to the next key. */
    private static List<Field> fields(String s) {
        List<Field> out = new ArrayList<>();
        Matcher m = KEY.matcher(s);
        List<int[]> keys = new ArrayList<>();
        List<String> roles = new ArrayList<>();
        while (m.find()) {
            keys.add(new int[] {m.start(), m.end()});
            roles.add(META_KEYS.get(m.group(1)));
        }
        for (int k = 0; k < keys.size(); k++) {
            int from = keys.get(k)[1], to = k + 1 < keys.size() ? keys.get(k + 1)[0] : s.length();
            out.add(new Field(roles.get(k), s.substring(from, to), from));
        }
        return out;
    }

    /** Credits of a metadata line; offsets relative to {@code base}. */
    static List<Byline> credits(String s, int base) {
        List<Byline> out = new ArrayList<>();
        Matcher e = EDITION.matcher(s);
        if (e.matches()) {
            add(out, e.group(1).strip(), Byline.SOURCE, base + e.start(1));
            return out;
        }
        for (Field f : fields(s)) {
            if (f.role == null || f.role.equals(NO_CREDIT) || f.role.equals(DATE_ROLE)) continue;
            boolean person = PERSON_ROLES.contains(f.role);
            for (int[] t : tokens(f.value, person)) {
                String name = SPACES.matcher(f.value.substring(t[0], t[1])).replaceAll("");
                String role = f.role;
                if (role.equals(PUBLISHER_ROLE)) {
                    if (!OUTLET.matcher(name).find() && !DOMAIN.matcher(name).matches()) continue;
                    role = Byline.SOURCE;
                }
                if (name.length() < 2 || hanCount(name) == 0 && !(role.equals(Byline.SOURCE) && DOMAIN.matcher(name).matches())) continue;
                if (person && name.length() > 12) continue;
                out.add(new Byline(name, role, base + f.at + t[0], base + f.at + t[1], 0.85));
            }
        }
        return out;
    }

    /**
     * Credit tokens of a value: split at spaces, commas and bars; a Chinese token also at dashes
     * ("-大河网-大河报"), a domain stays whole; padded person names ("孙 超") are joined.
     */
    private static List<int[]> tokens(String v, boolean person) {
        List<int[]> raw = new ArrayList<>();
        Matcher m = VALUE_TOKEN.matcher(v);
        while (m.find()) {
            String t = m.group();
            if (DOMAIN.matcher(t).matches() || hanCount(t) == 0) { raw.add(new int[] {m.start(), m.end()}); continue; }
            Matcher d = DASHES.matcher(t);
            int from = 0;
            while (d.find()) {
                if (d.start() > from) raw.add(new int[] {m.start() + from, m.start() + d.start()});
                from = d.end();
            }
            if (from < t.length()) raw.add(new int[] {m.start() + from, m.end()});
        }
        List<int[]> out = new ArrayList<>();
        for (int i = 0; i < raw.size(); i++) {
            int[] t = raw.get(i);
            // the trailing 《》 of an outlet name is no part of it
            while (t[0] < t[1] && "《》".indexOf(v.charAt(t[0])) >= 0) t[0]++;
            while (t[1] > t[0] && "《》".indexOf(v.charAt(t[1] - 1)) >= 0) t[1]--;
            if (person && t[1] - t[0] == 1 && i + 1 < raw.size() && raw.get(i + 1)[1] - raw.get(i + 1)[0] == 1) {
                out.add(new int[] {t[0], raw.get(i + 1)[1]});
                i++;
            } else if (t[1] > t[0]) {
                out.add(t);
            }
        }
        return out;
    }

    /** The date a metadata line gives (publication time, print edition), or null. */
    static LocalDate date(String s) {
        if (!isMeta(s)) return null;
        Matcher e = EDITION.matcher(s);
        if (e.matches()) return date(e.group(2), e.group(3), e.group(4));
        Matcher lead = META_START.matcher(s);
        if (lead.find()) {
            Matcher d = DATE.matcher(s.substring(0, lead.end()));
            if (d.lookingAt()) return date(d.group(1), d.group(2), d.group(3));
        }
        for (Field f : fields(s)) {
            if (!DATE_ROLE.equals(f.role)) continue;
            Matcher d = DATE.matcher(f.value);
            if (d.find()) return date(d.group(1), d.group(2), d.group(3));
        }
        return null;
    }

    /** The first date a metadata line of the page gives, or null (a newspaper page has none). */
    static LocalDate pageDate(String text) {
        for (Line l : Line.of(text)) {
            if (l.length() > META_MAX) continue;
            LocalDate d = date(l.text());
            if (d != null) return d;
        }
        return null;
    }

    private static LocalDate date(String y, String m, String d) {
        try {
            return LocalDate.of(Integer.parseInt(y), Integer.parseInt(m), Integer.parseInt(d));
        } catch (DateTimeException | NumberFormatException e) {
            return null;
        }
    }

    private static void add(List<Byline> out, String name, String role, int begin) {
        if (name.length() >= 2) out.add(new Byline(name, role, begin, begin + name.length(), 0.85));
    }

    private static List<String> lines(String name) {
        return io.newskg.model.WordList.lines("/ingest/" + name);
    }
}
