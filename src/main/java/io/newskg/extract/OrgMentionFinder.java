package io.newskg.extract;

import io.newskg.nlp.Token;

import java.util.ArrayList;
import java.util.List;

/**
 * Organisations named in a sentence outside posts: runs of place names and organisation
 * words that end in an organisation suffix (呼和浩特市 + 第一中学, 通辽市公安局科尔沁分局). Only
 * names anchored in a place or a national body are kept: HanLP's bare nt tags are too noisy
 * to trust on their own (以党员中心, 利用博物馆).
 */
final class OrgMentionFinder {
    private static final String[] NATIONAL = {"中共", "中国", "国家", "全国", "中华", "中央", "国务院", "党中央"};
    /** Words that open a local body's name in context (市委组织部, 自治区教育厅). */
    private static final String[] LOCAL = {"自治区", "全区", "省委", "省政府", "市委", "市政府", "市人大", "市政协", "县委", "旗委",
        "区委", "县政府", "旗政府", "区政府"};

    /** @param anchored whether it starts at a place or a national or local body; if not, it is a
     *                 unit name that only the article's context can complete (党员先锋队) */
    record Mention(String text, int begin, int end, boolean anchored) {}

    private static final java.util.regex.Pattern VENUE =
            java.util.regex.Pattern.compile("(报告厅|演播厅|会议室|会议厅|多功能厅|大厅|礼堂|发布厅|展厅|会场)$");
    /** Groups, not one body: 各社区, 全体党支部, 政协系统 (every body of a kind). */
    private static final java.util.regex.Pattern QUANTIFIED = java.util.regex.Pattern.compile("各|多所|多个|部分|全体|有关|系统");
    /** A count before a unit name makes it a kind of unit (一批“政协工作联络站”, 3支党员突击队). */
    private static final String COUNT = "(一批|一些|若干|多[个支家所批]|几[个支家所]|[0-9两二三四五六七八九十百千][0-9一两二三四五六七八九十百千]*[个支家所批])";
    private static final java.util.regex.Pattern COUNTED = java.util.regex.Pattern.compile(COUNT + "“?$");
    private static final java.util.regex.Pattern COUNT_GLUED = java.util.regex.Pattern.compile("^" + COUNT);

    private final Lexicon lexicon;
    /** Whether a word names a place (a gazetteer form), even where the linker did not place it. */
    private final java.util.function.Predicate<String> placeName;

    /** A team named by a quoted word (“晒晒”志愿服务队, “红驼宣讲队”): the quotes mark a proper name. */
    private final java.util.regex.Pattern quotedTeam;

    OrgMentionFinder(Lexicon lexicon, java.util.function.Predicate<String> placeName) {
        this.lexicon = lexicon;
        this.placeName = placeName;
        this.suffixesByLastChar = byLastChar(lexicon.orgSuffixes);
        String teams = String.join("|", lexicon.orgSuffixes.stream().filter(x -> x.endsWith("队") || x.endsWith("团")).toList());
        this.quotedTeam = java.util.regex.Pattern.compile(
                "“\\p{IsHan}{2,8}”\\p{IsHan}{0,4}?(" + teams + ")|“\\p{IsHan}{2,8}?(" + teams + ")”");
    }

    /**
     * The organisation suffixes ending with each character, in the lexicon's order: a word can only
     * end with those of its own last character, so {@link #orgSuffix} reads a handful of them, not
     * the whole list as {@link Lexicon#orgSuffix} does. Null when some suffix is empty (then every
     * word ends with it and the lexicon's own scan is used).
     */
    private final String[][] suffixesByLastChar;

    private static String[][] byLastChar(List<String> suffixes) {
        if (suffixes.stream().anyMatch(String::isEmpty)) return null;
        java.util.Map<Character, List<String>> m = new java.util.HashMap<>();
        for (String x : suffixes) m.computeIfAbsent(x.charAt(x.length() - 1), k -> new ArrayList<>()).add(x);
        String[][] out = new String[Character.MAX_VALUE + 1][];
        m.forEach((c, l) -> out[c] = l.toArray(new String[0]));
        return out;
    }

    /** The same answer as {@link Lexicon#orgSuffix}: the first suffix of the lexicon's list {@code s} ends with, or null. */
    private String orgSuffix(String s) {
        if (suffixesByLastChar == null) return lexicon.orgSuffix(s);
        if (s.isEmpty()) return null;
        String[] xs = suffixesByLastChar[s.charAt(s.length() - 1)];
        if (xs == null) return null;
        for (String x : xs) if (s.endsWith(x)) return x;
        return null;
    }

    List<Mention> find(String text, List<Token> tokens, List<int[]> places) {
        List<Mention> quoted = new ArrayList<>();
        java.util.regex.Matcher q = quotedTeam.matcher(text);
        while (q.find()) quoted.add(new Mention(q.group(), q.start(), q.end(), true));
        List<Mention> out = new ArrayList<>(quoted);
        for (Mention m : unquoted(text, tokens, places)) {
            if (quoted.stream().noneMatch(x -> x.begin() < m.end() && m.begin() < x.end())) out.add(m);
        }
        out.sort(java.util.Comparator.comparingInt(Mention::begin));
        return out;
    }

    private List<Mention> unquoted(String text, List<Token> tokens, List<int[]> places) {
        List<Mention> out = new ArrayList<>();
        int i = 0;
        while (i < tokens.size()) {
            int start = i;
            int lastOrgEnd = -1, lastOrgToken = -1;
            int j = i;
            while (j < tokens.size()) {
                Token t = tokens.get(j);
                boolean place = placeAt(places, t) != null || j == start && t.isPlace();
                boolean org = t.isOrganization() || (t.tag().equals("n") || t.tag().equals("j")) && orgSuffix(t.word()) != null
                        || lexicon.centralBodies.contains(t.word()) || j == start && isNational(t.word());
                boolean part = place || org || j > start && (t.tag().equals("n") || t.tag().equals("nz")
                        || t.tag().equals("b") || t.tag().startsWith("m") && t.word().startsWith("第")
                        || innerAnd(tokens, j, lastOrgToken) || sentDown(tokens, j, lastOrgToken));
                if (!part || t.isPunctuation()) break;
                if (org && (orgSuffix(t.word()) != null || lexicon.centralBodies.contains(t.word())
                        || abbreviationEnd(t.word()))) {
                    lastOrgEnd = t.end();
                    lastOrgToken = j;
                } else if (org) {
                    // HanLP glued a verb to the name (边境管理支队组织): the name ends at its suffix
                    int cut = suffixEnd(t.word());
                    if (cut > 0) {
                        lastOrgEnd = t.begin() + cut;
                        lastOrgToken = j;
                        break;
                    }
                }
                j++;
            }
            if (lastOrgEnd > 0) {
                int b = tokens.get(start).begin();
                // a photo caption's opening word glued to the name (图为旗残联)
                if (text.startsWith("图为", b) && lastOrgEnd - b > 4) b += 2;
                // or a preposition (将临时党支部; not 将乐县)
                int at = b;
                if ("将把被".indexOf(text.charAt(b)) >= 0 && lastOrgEnd - b > 4 && places.stream().noneMatch(p -> p[0] == at)) b += 1;
                String run = text.substring(b, lastOrgEnd);
                // a venue inside a body (融媒体中心演播厅) is not a body; quantified groups (各社区…) are not one
                run = VENUE.matcher(run).replaceFirst("");
                boolean counted = COUNTED.matcher(text.substring(Math.max(0, b - 6), b)).find()
                        || COUNT_GLUED.matcher(run).find();
                if (counted || QUANTIFIED.matcher(run).find()
                        || orgSuffix(run) == null && !lexicon.centralBodies.contains(run) && !abbreviationEnd(run)) {
                    i = lastOrgToken + 1;
                    continue;
                }
                lastOrgEnd = b + run.length();
                String name = anchored(run, b, places);
                // a place name HanLP found that the linker left alone (巴彦淖尔边境管理支队)
                if (name == null && placeName.test(tokens.get(start).word()) && tokens.get(start).word().length() >= 3) name = run;
                if (name != null && name.length() > 4 && name.endsWith("党委政府")) {
                    // 涪陵党委政府: the place's party committee and its government, two bodies
                    int b0 = lastOrgEnd - name.length();
                    String place = name.substring(0, name.length() - 4);
                    out.add(new Mention(place + "党委", b0, lastOrgEnd - 2, true));
                    out.add(new Mention(place + "政府", b0, lastOrgEnd, true));
                } else if (name != null && (name.length() >= 4 || lexicon.centralBodies.contains(name)
                        || lexicon.orgAbbreviations.containsKey(name) || BARE_LOCAL.matcher(name).matches())) {
                    out.add(new Mention(name, lastOrgEnd - name.length(), lastOrgEnd, true));
                    // 广东省纪委监委: its discipline and supervisory commissions (one office since 2018)
                    if (name.endsWith("纪委") && text.startsWith("监委", lastOrgEnd)) {
                        out.add(new Mention(name.substring(0, name.length() - 2) + "监委", lastOrgEnd - name.length(), lastOrgEnd + 2, true));
                    }
                } else if (name == null && (run.length() >= 4 || LOCAL_BODY.matcher(run).matches() || OWN_PARTY.matcher(run).matches()
                        || run.equals("党校") || THAT_UNIT.matcher(run).matches())
                        && run.length() <= 12) {
                    out.add(new Mention(run, b, lastOrgEnd, false));
                }
                i = lastOrgToken + 1;
            } else {
                i = Math.max(j, i + 1);
            }
        }
        return out;
    }

    /**
     * 和 inside one body's name (社会和法工委, 住房和城乡建设局): between two plain nouns, not
     * after a body (教育局和卫健委 are two).
     */
    private static final java.util.Set<String> NOUN_TAGS = java.util.Set.of("n", "nt", "nz", "vn");

    private static boolean innerAnd(List<Token> tokens, int j, int lastOrgToken) {
        if (!tokens.get(j).word().equals("和") || j == 0 || j + 1 >= tokens.size() || lastOrgToken == j - 1) return false;
        String before = tokens.get(j - 1).tag(), after = tokens.get(j + 1).tag();
        return NOUN_TAGS.contains(before) && (NOUN_TAGS.contains(after) || after.equals("j"));
    }

    /** Verbs that qualify a team a body sends out (下沉工作组, 驻村工作队). */
    private static final java.util.Set<String> SENT = java.util.Set.of("下沉", "驻村", "帮扶", "包联", "督导", "蹲点");

    /** 政法委下沉工作组: a body, then a verb naming the team it sent, then the team. */
    private boolean sentDown(List<Token> tokens, int j, int lastOrgToken) {
        if (!SENT.contains(tokens.get(j).word()) || lastOrgToken != j - 1 || j + 1 >= tokens.size()) return false;
        String team = orgSuffix(tokens.get(j + 1).word());
        return team != null && (team.endsWith("组") || team.endsWith("队"));
    }

    /** Whether a word ends in a body's common short form (党中央, 市总工会). */
    private boolean abbreviationEnd(String word) {
        for (String a : lexicon.orgAbbreviations.keySet()) if (word.endsWith(a)) return true;
        return false;
    }

    /** Length of the longest start of {@code word} that ends with an organisation suffix, or 0. */
    private int suffixEnd(String word) {
        for (int k = word.length() - 1; k >= 2; k--) {
            if (orgSuffix(word.substring(0, k)) != null) return k;
        }
        return 0;
    }

    private static boolean isNational(String word) {
        for (String w : NATIONAL) if (word.equals(w)) return true;
        return false;
    }

    /** 县委, 市政府: the committee or government of the county or city the article is about. */
    static final java.util.regex.Pattern BARE_LOCAL = java.util.regex.Pattern.compile("^[省市县区旗盟](委|政府|人大|政协|纪委)$");
    /** 旗残联, 市融媒体中心: a body of the county or city the article is about. */
    private static final java.util.regex.Pattern LOCAL_BODY = java.util.regex.Pattern.compile("^[市县旗区盟][\\p{IsHan}]{2,8}$");
    /** 该支队, 该局: the unit of that kind the article named before. */
    static final java.util.regex.Pattern THAT_UNIT = java.util.regex.Pattern.compile("^该(\\p{IsHan}{1,3})$");
    /** 院党组, 局党委: the party group of the court, bureau … the article is about. */
    static final java.util.regex.Pattern OWN_PARTY = java.util.regex.Pattern.compile("^([院局厅委]|机关)(党组|党委|党总支)$");

    /** The part of a run from its first place name or national or local opening word, or null. */
    private String anchored(String run, int base, List<int[]> places) {
        if (lexicon.centralBodies.contains(run)) return run;
        int best = -1;
        for (int[] p : places) {
            if (p[0] >= base && p[0] < base + run.length()) {
                best = best < 0 ? p[0] - base : Math.min(best, p[0] - base);
            }
        }
        for (String w : NATIONAL) {
            int k = run.indexOf(w);
            if (k >= 0 && (best < 0 || k < best)) best = k;
        }
        for (String w : LOCAL) {
            int k = run.indexOf(w);
            if (k >= 0 && (best < 0 || k < best)) best = k;
        }
        return best < 0 ? null : run.substring(best);
    }

    private static int[] placeAt(List<int[]> places, Token t) {
        for (int[] p : places) if (t.begin() < p[1] && t.end() > p[0]) return p;
        return null;
    }
}
