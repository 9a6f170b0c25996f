package io.newskg.ingest;

import io.newskg.model.Byline;

import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Reads credits as Chinese papers print them: "□ 本报记者 白丹 通讯员 王晶", "本报讯(记者 孙国俊)",
 * "王伟 摄" / "本报记者 陈春艳 摄" (also glued to the end of a caption), "(据《内蒙古日报》)",
 * "(自治区党委政法委供稿)", and a bare author line under a commentary headline ("◎ 张三").
 */
final class BylineParser {
    private BylineParser() {}

    /** Spaces a page may use between credit words (ASCII, full-width, no-break). */
    static final String SP = "[\\s\\u3000\\u00a0]";
    /**
     * A news outlet's name as a dateline or a reporter credit opens with it: 新华社, 人民网, 某某日报,
     * 某某电视台 (the shortest run of Han chars ending so).
     */
    static final String OUTLET = "[\\p{IsHan}]{1,10}?(?:社|网|报|台)";
    private static final Pattern OUTLET_NAME = Pattern.compile(OUTLET);
    /** "新华社重庆8月23日电", "人民网北京8月22日电", "某某网讯": the outlet is the article's source. */
    private static final Pattern AGENCY_DATELINE = Pattern.compile(
            "^(" + OUTLET + ")[\\p{IsHan}]{0,8}?(?:\\d{1,2}月\\d{1,2}日)?[电讯]");
    /** "央视网消息（新闻联播）：", "某某网消息：". */
    private static final Pattern AGENCY_NEWS = Pattern.compile("^(" + OUTLET + ")消息");
    /** The paper itself: "本报北京8月1日电" names no outlet. */
    private static final String OWN_PAPER = "本报";
    private static final Pattern SPACED_DATELINE = Pattern.compile("^[\\p{IsHan}]{0,10}(讯|电)[\\s\\u3000]+");
    private static final Pattern OWN_DATELINE = Pattern.compile("^本报[\\p{IsHan}]{0,6}讯");

    /** Role words; the prefix (本报, 特约, 驻…) does not change the role. */
    private static final Pattern ROLE = Pattern.compile(
            "(?:本报|特约|驻站|新华社|人民日报)?(见习记者|实习记者|记者|通讯员|特约通讯员)");
    /** One name: Han chars, possibly with the middle dot of transliterated names. */
    private static final String NAME = "[\\p{IsHan}·•・]{2,12}";
    private static final Pattern NAME_P = Pattern.compile(NAME);
    private static final Pattern NAME_SEPARATOR = Pattern.compile(SP + "+|、");
    private static final Pattern TOKEN = Pattern.compile(
            "(?:本报|特约|驻站)?(见习记者|实习记者|记者|通讯员)|(" + NAME + ")");
    /** "张三 摄", "本报记者 张三 李四 摄", "张三/摄", "摄影 张三". */
    private static final Pattern PHOTO = Pattern.compile(
            "^(?:(?:本报|特约)?(?:见习)?(?:记者|通讯员)" + SP + "*)?((?:" + NAME + "(?:" + SP + "+|、|,|，)?)+?)"
                    + SP + "*/?" + SP + "*摄(?:影)?$");
    private static final Pattern PHOTO_PREFIX = Pattern.compile("^(?:摄影|图)" + SP + "*[:：/]?" + SP + "*((?:" + NAME + "(?:"
            + SP + "+|、)?)+)$");
    /** Caption text then a credit: "…成为大家的共识。李浩瑜 摄". */
    private static final Pattern GLUED_PHOTO = Pattern.compile(
            "[。!?！？”…)）]" + SP + "*((?:(?:本报|特约)?(?:见习)?(?:记者|通讯员)" + SP + "*)?(?:" + NAME + "(?:"
                    + SP + "+|、))+" + SP + "*摄(?:影)?)$");
    private static final Pattern SOURCE = Pattern.compile("^[(（]" + SP + "*(?:据|来源[:：]|摘自|转自|稿件来源[:：])"
            + SP + "*《?([^《》()（）]{2,30}?)》?" + SP + "*[)）]$");
    private static final Pattern CONTRIBUTOR = Pattern.compile("^[(（]" + SP + "*([^()（）]{2,40}?)" + SP + "*供稿" + SP
            + "*[)）]$");
    /** Dateline with credits: "本报讯(记者 孙国俊)", "新华社北京11月1日电(记者 张三)". */
    private static final Pattern DATELINE = Pattern.compile(
            "^([^,，。()（）]{0,24}?[讯电])" + SP + "*[(（]([^()（）]{2,80})[)）]");
    /** Trailing credit in brackets at the end of a body: "(本报记者 张三)". */
    private static final Pattern TRAILING = Pattern.compile("[(（]((?:本报|特约)?(?:见习)?(?:记者|通讯员)[^()（）]{2,60})[)）]$");
    private static final Pattern MARKER = Pattern.compile("^[□■◎●○◆◇★☆▲△]+" + SP + "*");
    private static final Pattern BARE_NAMES = Pattern.compile("^((?:" + NAME + "(?:" + SP + "+|、)?){1,4})$");

    /** Credits of a byline line or of any credit text; offsets are relative to {@code base}. */
    static List<Byline> parse(String s, int base) {
        List<Byline> out = new ArrayList<>();
        if (s == null || s.isBlank()) return out;
        String t = stripEnd(s);
        int lead = leadingMarker(t);
        String body = t.substring(lead);
        Matcher m;
        if ((m = SOURCE.matcher(body)).find()) {
            add(out, m.group(1).strip(), Byline.SOURCE, base + lead + m.start(1), 0.9);
            return out;
        }
        if ((m = CONTRIBUTOR.matcher(body)).find()) {
            add(out, m.group(1).strip(), Byline.CONTRIBUTOR, base + lead + m.start(1), 0.85);
            return out;
        }
        if ((m = PHOTO.matcher(body)).find() || (m = PHOTO_PREFIX.matcher(body)).find()) {
            names(out, m.group(1), Byline.PHOTO, base + lead + m.start(1));
            return out;
        }
        if ((m = DATELINE.matcher(body)).find()) {
            roleNames(out, m.group(2), base + lead + m.start(2), Byline.REPORTER);
            return out;
        }
        roleNames(out, body, base + lead, null);
        return out;
    }

    /** Author line under a commentary headline, e.g. "◎ 张三" or "□ 张三": names without a role. */
    static List<Byline> parseAuthor(String s, int base) {
        List<Byline> out = new ArrayList<>();
        String t = stripEnd(s);
        int lead = leadingMarker(t);
        String rest = t.substring(lead);
        if (rest.startsWith("文/") || rest.startsWith("文 /")) {
            int at = rest.indexOf('/') + 1;
            names(out, rest.substring(at), Byline.AUTHOR, base + lead + at);
        } else if (BARE_NAMES.matcher(rest).matches()) {
            names(out, rest, Byline.AUTHOR, base + lead);
        }
        return out;
    }

    /** True when {@code s} (a line without role words) is just one to four names after a marker. */
    static boolean isAuthorLine(String s) {
        String t = stripEnd(s);
        String rest = t.substring(leadingMarker(t));
        if (ROLE.matcher(rest).find()) return false;
        if (rest.startsWith("文/")) return true;
        Matcher m = BARE_NAMES.matcher(rest);
        if (!m.matches()) return false;
        for (String n : NAME_SEPARATOR.split(rest)) if (n.length() > 4 && n.indexOf('·') < 0) return false;
        return true;
    }

    /** Credits glued to the end of a body paragraph: a photo credit or "(本报记者 X)". */
    static List<Byline> parseTail(String s, int base) {
        List<Byline> out = new ArrayList<>();
        String t = stripEnd(s);
        Matcher m;
        if (mayEndWithPhotoCredit(t) && (m = GLUED_PHOTO.matcher(t)).find()) {
            out.addAll(parse(m.group(1), base + m.start(1)));
            return out;
        }
        if (mayEndWithBracket(t) && (m = TRAILING.matcher(t)).find()) roleNames(out, m.group(1), base + m.start(1), null);
        return out;
    }

    /** Offset where a glued trailing photo credit starts, or -1. */
    static int gluedCreditStart(String s) {
        String t = stripEnd(s);
        if (!mayEndWithPhotoCredit(t)) return -1;
        Matcher m = GLUED_PHOTO.matcher(t);
        return m.find() ? m.start(1) : -1;
    }

    /**
     * The end GLUED_PHOTO needs (摄 or 摄影 where its {@code $} can match: at the end or before one
     * final line terminator), tested first: the regex otherwise tries every start in a paragraph
     * before failing, and nearly every body paragraph goes through it several times.
     */
    static boolean mayEndWithPhotoCredit(String t) {
        int e = endBeforeFinalTerminator(t);
        return e > 0 && (t.charAt(e - 1) == '摄' || e > 1 && t.charAt(e - 1) == '影' && t.charAt(e - 2) == '摄');
    }

    /** The end TRAILING needs: a closing bracket where its {@code $} can match. */
    private static boolean mayEndWithBracket(String t) {
        int e = endBeforeFinalTerminator(t);
        return e > 0 && (t.charAt(e - 1) == ')' || t.charAt(e - 1) == '）');
    }

    /**
     * Where {@code $} (no MULTILINE, no UNIX_LINES) may match last: before a final line terminator
     * (\r\n, \n, \r, \u0085, \u2028, \u2029) if the text ends with one, else at its end. A
     * pattern ending in {@code X$} can match only if X ends here or at the text's end.
     */
    private static int endBeforeFinalTerminator(String t) {
        int n = t.length();
        if (n == 0) return 0;
        char last = t.charAt(n - 1);
        if (last == '\n' && n > 1 && t.charAt(n - 2) == '\r') return n - 2;
        if (last == '\n' || last == '\r' || last == '\u0085' || last == '\u2028' || last == '\u2029') return n - 1;
        return n;
    }

    /** Credits in a dateline at the start of a first paragraph ("本报讯(记者 孙国俊)…"). */
    static List<Byline> parseDateline(String s, int base) {
        List<Byline> out = new ArrayList<>();
        Matcher m = DATELINE.matcher(s);
        if (m.find()) roleNames(out, m.group(2), base + m.start(2), Byline.REPORTER);
        return out;
    }

    static boolean startsWithDateline(String s) {
        return DATELINE.matcher(s).find() || SPACED_DATELINE.matcher(s).find() || OWN_DATELINE.matcher(s).find();
    }

    /** The outlet a first paragraph's dateline names as the source ("新华社重庆8月23日电", "央视网消息"). */
    static List<Byline> parseAgency(String s, int base) {
        List<Byline> out = new ArrayList<>();
        Matcher m = AGENCY_DATELINE.matcher(s);
        if (!m.find()) {
            m = AGENCY_NEWS.matcher(s);
            if (!m.find()) return out;
        }
        if (!m.group(1).endsWith(OWN_PAPER)) add(out, m.group(1), Byline.SOURCE, base + m.start(1), 0.85);
        return out;
    }

    /** "记者 A 通讯员 B C": each name takes the role word before it ({@code defaultRole} if none). */
    private static void roleNames(List<Byline> out, String raw, int base0, String defaultRole) {
        Squeezed q = squeezePaddedNames(raw);
        String s = q.text();
        List<Byline> found = new ArrayList<>();
        roleNamesIn(found, s, 0, defaultRole);
        for (Byline b : found) {
            int begin = base0 + q.at()[b.begin()], end = base0 + q.at()[b.end() - 1] + 1;
            boolean dup = out.stream().anyMatch(x -> x.name().equals(b.name()) && x.role().equals(b.role()));
            if (!dup) out.add(new Byline(b.name(), b.role(), begin, end, b.confidence()));
        }
    }

    /** A text with padded two-char names joined, and for each of its chars the index in the original. */
    record Squeezed(String text, int[] at) {}

    /**
     * Pages pad a two-char name to the width of three-char ones ("本报记者 孙 超", "万秀斌 黄 娴"):
     * two single Han chars apart by one or two spaces, each standing alone, are one name.
     */
    static Squeezed squeezePaddedNames(String s) {
        StringBuilder sb = new StringBuilder(s.length());
        int[] at = new int[s.length()];
        int n = 0, len = s.length();
        for (int i = 0; i < len; i++) {
            char c = s.charAt(i);
            if (isHan(c) && (i == 0 || !isNameChar(s.charAt(i - 1)))) {
                int k = i + 1;
                while (k < len && k - i <= 2 && isSpace(s.charAt(k))) k++;
                if (k > i + 1 && k - i <= 3 && k < len && isHan(s.charAt(k)) && (k + 1 == len || !isNameChar(s.charAt(k + 1)))) {
                    sb.append(c);
                    at[n++] = i;
                    sb.append(s.charAt(k));
                    at[n++] = k;
                    i = k;
                    continue;
                }
            }
            sb.append(c);
            at[n++] = i;
        }
        return new Squeezed(sb.toString(), java.util.Arrays.copyOf(at, n));
    }

    private static boolean isHan(char c) {
        return io.newskg.model.Han.is(c);
    }

    private static boolean isNameChar(char c) {
        return isHan(c) || c == '·' || c == '•' || c == '・';
    }

    private static void roleNamesIn(List<Byline> out, String s, int base, String defaultRole) {
        Matcher m = TOKEN.matcher(s);
        String role = defaultRole;
        while (m.find()) {
            if (m.group(1) != null) {
                role = normaliseRole(m.group(1));
            } else {
                String name = m.group(2);
                // a role word glued to the next name ("记者张三通讯员李四") is cut off the name, and
                // so is the outlet before it ("新华社记者", "某某日报记者")
                Matcher inner = ROLE.matcher(name);
                if (inner.find()) {
                    String before = name.substring(0, inner.start());
                    if (role != null && before.length() >= 2 && !OUTLET_NAME.matcher(before).matches()) {
                        add(out, before, role, base + m.start(2), 0.8);
                    }
                    role = normaliseRole(inner.group(1));
                    String rest = name.substring(inner.end());
                    if (rest.length() >= 2) add(out, rest, role, base + m.start(2) + inner.end(), 0.8);
                    continue;
                }
                if (role == null || name.equals("摄") || name.equals("摄影")) continue;
                add(out, name, role, base + m.start(2), 0.9);
            }
        }
    }

    private static String normaliseRole(String r) {
        return switch (r) {
            case "见习记者", "实习记者" -> Byline.TRAINEE;
            case "通讯员", "特约通讯员" -> Byline.CORRESPONDENT;
            default -> Byline.REPORTER;
        };
    }

    private static void names(List<Byline> out, String s, String role, int base) {
        Matcher m = NAME_P.matcher(s);
        while (m.find()) {
            String n = m.group();
            if (ROLE.matcher(n).matches() || n.equals("本报")) continue;
            add(out, n, role, base + m.start(), 0.9);
        }
    }

    private static void add(List<Byline> out, String name, String role, int begin, double conf) {
        if (name.length() < 2) return;
        for (Byline b : out) if (b.name().equals(name) && b.role().equals(role)) return;
        out.add(new Byline(name, role, begin, begin + name.length(), conf));
    }

    private static int leadingMarker(String t) {
        Matcher m = MARKER.matcher(t);
        int at = m.find() ? m.end() : 0;
        while (at < t.length() && isSpace(t.charAt(at))) at++;
        return at;
    }

    private static String stripEnd(String s) {
        int e = s.length();
        while (e > 0 && isSpace(s.charAt(e - 1))) e--;
        return s.substring(0, e);
    }

    static boolean isSpace(char c) {
        return Character.isWhitespace(c) || c == '\u3000' || c == '\u00a0' || c == '\uFEFF';
    }
}
