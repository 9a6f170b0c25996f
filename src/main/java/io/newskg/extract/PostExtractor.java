package io.newskg.extract;

import io.newskg.nlp.Token;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Finds people with their posts in one sentence, in the forms Chinese news uses:
 * ORG+TITLE(、ORG+TITLE)*+NAME ("市委常委、组织部部长李勇"), NAME，ORG+TITLE ("李春林，内蒙古社科院院长"),
 * and 党的二十大代表+NAME.
 */
final class PostExtractor {

    /** A post as written: organisation text (may be empty) and title, with sentence-relative offsets. */
    record RawPost(String org, String title, int begin, int end, String status) {
        RawPost withStatus(String s) { return status != null ? this : new RawPost(org, title, begin, end, s); }
    }

    /** A person named with the posts written next to the name. */
    record RawOfficial(String name, int begin, int end, List<RawPost> posts) {}

    private static final Pattern CONGRESS_DEPUTY = Pattern.compile("党的([一二三四五六七八九十]+)大代表");

    /** Tags that may not be part of an organisation name. */
    private static final Set<String> NOT_ORG = Set.of("w", "v", "vi", "vshi", "vyou", "vf", "vx", "p", "pba", "pbei",
            "c", "cc", "r", "rr", "rz", "rzv", "ry", "rys", "ryv", "d", "u", "ude1", "ude2", "ude3", "ule", "uguo",
            "uzhe", "y", "e", "o", "t", "tg", "f", "ad", "an", "mq", "q", "qt", "qv");

    /** Words after which a title's organisation cannot continue to the left. */
    private static final Set<String> ORG_STOP = Set.of("在", "向", "与", "和", "及", "同", "由", "为", "是", "任", "现任",
            "担任", "兼任", "原", "时任", "对", "给", "把", "被", "让", "请", "经", "据", "到", "等", "将", "使", "率", "带");

    private final Lexicon lexicon;
    private final NameFinder names;

    PostExtractor(Lexicon lexicon, NameFinder names) {
        this.lexicon = lexicon;
        this.names = names;
    }

    /** Modifiers written between an organisation and a title that belong to neither (青年民警). */
    private static final String[] TITLE_MODIFIERS = {"青年", "年轻", "优秀", "退休", "老", "女", "专职", "兼职"};

    /**
     * @param places spans [begin, end) of region names in the sentence; a place name HanLP cut
     *               into odd pieces (察/右前旗) still belongs to the organisation it prefixes
     */
    List<RawOfficial> find(String text, List<Token> tokens, List<int[]> places) {
        tokens = placeTitlesJoined(splitCompoundTitles(tokens));
        List<RawOfficial> out = new ArrayList<>();
        int i = 0;
        while (i < tokens.size()) {
            if (!isTitle(tokens.get(i))) {
                i++;
                continue;
            }
            NameFinder.Name written = nameBeforeTitle(text, tokens, i);
            if (written != null) {
                // 赵乐际委员长, 南京市赵晓江副市长, 人力资源部郑国强部长: the name comes before its title
                int nameToken = tokenAt(tokens, written.begin());
                int orgFrom = orgStart(tokens, nameToken, -1, places);
                String org = text.substring(tokens.get(orgFrom).begin(), written.begin());
                // 贯彻落实好习近平总书记: only a body or a place before the name is its organisation
                if (orgFrom == nameToken || lexicon.orgSuffix(org) == null && !endsLikePlace(org)
                        && !lexicon.orgAbbreviations.containsKey(org) && !tokens.get(nameToken - 1).isOrganization()) {
                    org = "";
                    orgFrom = nameToken;
                }
                Token t = tokens.get(i);
                int b = org.isEmpty() ? t.begin() : tokens.get(orgFrom).begin();
                // 研究所刘文长所长、吴群辉书记: the second of a list serves the body the first named
                if (org.isEmpty() && nameToken > 0 && tokens.get(nameToken - 1).word().equals("、") && !out.isEmpty()
                        && out.get(out.size() - 1).end() + 1 < written.begin()) {
                    RawOfficial before = out.get(out.size() - 1);
                    RawPost p = before.posts().get(before.posts().size() - 1);
                    if (p.end() == written.begin() - 1) org = p.org();
                }
                out.add(new RawOfficial(written.text(), written.begin(), written.end(),
                        List.of(new RawPost(org, t.word(), b, t.end(), status(text, b)))));
                i++;
                continue;
            }
            // collect a list ORG TITLE 、 ORG TITLE … ending at a title
            Chain c = chain(text, tokens, i, places, false);
            List<RawPost> posts = c.posts();
            int chainStart = c.start(), last = c.last();
            int nameAt = last + 1;
            // 挂职任党委委员、副镇长的王若曦: the list describes the name that follows 的
            if (nameAt + 1 < tokens.size() && tokens.get(nameAt).word().equals("的") && tokens.get(nameAt + 1).isPerson()) {
                nameAt++;
            }
            NameFinder.Name name = names.after(text, tokens, nameAt);
            String status = null;
            if (name == null) {
                NamedBy v = nameBeforeVerb(tokens, chainStart);
                if (v != null) {
                    name = v.name();
                    status = v.status();
                }
            }
            if (name == null) name = nameBefore(text, tokens, chainStart);
            if (name == null) name = subjectAfterClause(text, tokens, chainStart, last);
            if (name != null) {
                if (status != null) {
                    String st = status;
                    posts.replaceAll(p -> p.withStatus(st));
                }
                posts = List.copyOf(posts);
                out.add(new RawOfficial(name.text(), name.begin(), name.end(), posts));
                i = Math.max(last + 1, name.tokenEnd());
                // 院党委委员朱双四、方明、丁媛丽: each name of the list holds the posts
                while (name.end() < text.length() && text.charAt(name.end()) == '、') {
                    int next = tokenAt(tokens, name.end() + 1);
                    if (next < 0) break;
                    // only a name HanLP tags as one, outside place names, and not the start of another post
                    if (!tokens.get(next).isPerson() || inPlace(tokens.get(next), places)) break;
                    NameFinder.Name more = names.after(text, tokens, next);
                    if (more == null || more.begin() != name.end() + 1 || isTitleAt(tokens, more.tokenEnd())
                            || more.tokenEnd() < tokens.size() && !tokens.get(more.tokenEnd()).isPunctuation()
                            && !LIST_END.contains(tokens.get(more.tokenEnd()).word())) break;
                    out.add(new RawOfficial(more.text(), more.begin(), more.end(), posts));
                    name = more;
                    i = more.tokenEnd();
                }
            } else {
                i = last + 1;
            }
        }
        Matcher m = CONGRESS_DEPUTY.matcher(text);
        while (m.find()) {
            NameFinder.Name name = names.at(text, tokens, m.end());
            if (name != null) {
                out.add(new RawOfficial(name.text(), name.begin(), name.end(),
                        List.of(new RawPost("中国共产党第" + m.group(1) + "次全国代表大会", m.group(), m.start(), m.end(), null))));
            }
        }
        return out;
    }

    /** Posts written one after another (ORG TITLE、ORG TITLE，TITLE): tokens [start, last]. */
    private record Chain(List<RawPost> posts, int start, int last) {}

    /** @param commas whether a comma joins posts too (a résumé line: 珠海市委常委，斗门县委书记) */
    private Chain chain(String text, List<Token> tokens, int title, List<int[]> places, boolean commas) {
        List<RawPost> posts = new ArrayList<>();
        int chainStart = orgStart(tokens, title, -1, places);
        posts.add(post(text, tokens, chainStart, title, places));
        int last = title;
        int j = title + 1;
        while (j < tokens.size()) {
            Token t = tokens.get(j);
            if (LIST_JOINERS.contains(t.word()) || commas && (t.word().equals("，") || t.word().equals(","))) {
                int k = j + 1;
                while (k < tokens.size() && !isTitle(tokens.get(k)) && k - j < 12
                        && (!NOT_ORG.contains(tokens.get(k).tag()) || inPlace(tokens.get(k), places))) k++;
                if (k < tokens.size() && isTitle(tokens.get(k))) {
                    posts.add(post(text, tokens, j + 1, k, places));
                    last = k;
                    j = k + 1;
                    continue;
                }
            }
            break;
        }
        return new Chain(posts, chainStart, last);
    }

    /**
     * The posts of a line that names no one (1992年6月任珠海市委常委，斗门县委书记 in a résumé):
     * every chain of posts in the text.
     */
    List<RawPost> postsOnly(String text, List<Token> tokens, List<int[]> places) {
        tokens = placeTitlesJoined(splitCompoundTitles(tokens));
        List<RawPost> out = new ArrayList<>();
        for (int i = 0; i < tokens.size(); i++) {
            if (!isTitle(tokens.get(i))) continue;
            Chain c = chain(text, tokens, i, places, true);
            out.addAll(c.posts());
            i = c.last();
        }
        return out;
    }

    /** Words that may close a list of names (…、丁媛丽以及, …、王五等). */
    private static final Set<String> LIST_END = Set.of("等", "以及", "和", "及", "同志", "一行", "参加", "出席", "陪同");

    /**
     * Words joining two posts of one person (市委常委、组织部部长; 党委书记兼主任). A comma does so
     * only in a résumé line: in a sentence it may open another person's posts (当选为县长，副县长李四).
     */
    private static final Set<String> LIST_JOINERS = Set.of("、", "兼");

    private boolean isTitleAt(List<Token> tokens, int i) {
        return i < tokens.size() && isTitle(tokens.get(i));
    }

    /** Index of the token starting at char {@code pos}, or -1. */
    private static int tokenAt(List<Token> tokens, int pos) {
        for (int k = 0; k < tokens.size(); k++) {
            if (tokens.get(k).begin() == pos) return k;
            if (tokens.get(k).begin() > pos) break;
        }
        return -1;
    }

    /**
     * A full name right before the title at {@code title} that no name follows (赵乐际委员长主持,
     * 祖龙·克里木局长): the name is the holder. A surname alone with a title (王书记) is no name.
     */
    private NameFinder.Name nameBeforeTitle(String text, List<Token> tokens, int title) {
        if (title == 0) return null;
        Token p = tokens.get(title - 1);
        if (!p.isPerson()) return null;
        int begin = p.begin();
        // a name with the middle dot of minority names, which HanLP cuts at the dot
        if (title >= 3 && tokens.get(title - 2).word().equals("·") && tokens.get(title - 3).isPerson()) {
            begin = tokens.get(title - 3).begin();
        }
        String name = text.substring(begin, p.end());
        if (!names.plausible(name)) return null;
        int next = title + 1;
        while (next < tokens.size() && tokens.get(next).word().isBlank()) next++;
        if (next < tokens.size() && tokens.get(next).isPerson() && names.after(text, tokens, next) != null) return null;
        return new NameFinder.Name(name, begin, p.end(), title);
    }

    /** Verbs between a name and the posts it holds or held, with the status they give ("" for none). */
    private static final java.util.Map<String, String> HOLDING = java.util.Map.of(
            "担任", "", "出任", "", "任", "", "兼任", "", "现任", "", "当选", "elected", "当选为", "elected",
            "曾任", "former", "历任", "former", "当过", "former");

    /** Verbs and particles before a name whose posts follow, with the status they give. */
    private static final java.util.Map<String, String> APPOINTING = java.util.Map.of(
            "任命", "appointed", "决定任命", "appointed", "提名", "proposed", "拟任", "proposed",
            "选举", "elected", "免去", "removed", "撤销", "removed");

    /** A name read before the verb that opens its posts, and the status the verb gives (or null). */
    private record NamedBy(NameFinder.Name name, String status) {}

    /**
     * 任命刘少云为…院长, 免去李尚福的国务委员职务, 梁杰担任了村党支部书记, 王某当选为…主席:
     * the name stands before a verb or particle that opens the posts.
     */
    private NamedBy nameBeforeVerb(List<Token> tokens, int chainStart) {
        int k = chainStart - 1;
        if (k < 1) return null;
        String w = tokens.get(k).word();
        // 刘文军当选/为县长: the name before a verb of holding and 为
        if (w.equals("为") && k >= 2 && HOLDING.containsKey(tokens.get(k - 1).word() + "为") && tokens.get(k - 2).isPerson()
                && names.plausible(tokens.get(k - 2).word())) {
            Token p = tokens.get(k - 2);
            String held = HOLDING.get(tokens.get(k - 1).word() + "为");
            return new NamedBy(new NameFinder.Name(p.word(), p.begin(), p.end(), k - 1), held.isEmpty() ? null : held);
        }
        if (w.equals("为") || w.equals("的")) {
            Token p = tokens.get(k - 1);
            if (!p.isPerson() || !names.plausible(p.word())) return null;
            String verb = k >= 2 ? tokens.get(k - 2).word() : "";
            String status = APPOINTING.get(verb);
            if (status == null && verb.endsWith("任命")) status = "appointed";
            if (status == null) return null;
            if (w.equals("的") != status.equals("removed")) return null;
            return new NamedBy(new NameFinder.Name(p.word(), p.begin(), p.end(), k), status);
        }
        if (w.equals("了") && k >= 2) w = tokens.get(--k).word();
        String status = HOLDING.get(w);
        if (status == null || k < 1) return null;
        Token p = tokens.get(k - 1);
        if (!p.isPerson() || !names.plausible(p.word())) return null;
        return new NamedBy(new NameFinder.Name(p.word(), p.begin(), p.end(), k), status.isEmpty() ? null : status);
    }

    /**
     * HanLP keeps some unit+title words whole (党委书记, 支部书记); split them so the unit is read
     * as the organisation and the title as the title.
     */
    private List<Token> splitCompoundTitles(List<Token> tokens) {
        List<Token> out = null;
        for (int i = 0; i < tokens.size(); i++) {
            Token t = tokens.get(i);
            Token[] parts = isTitle(t) ? null : compound(t);
            if (parts == null && t.word().equals("成员") && i > 0 && PARTY_MEMBER.matcher(tokens.get(i - 1).word() + "成员").matches()) {
                parts = new Token[] {new Token("成员", MEMBER_TAG, t.begin(), t.end())};
            }
            if (parts != null && out == null) out = new ArrayList<>(tokens.subList(0, i));
            if (out != null) {
                if (parts != null) {
                    out.addAll(List.of(parts));
                } else {
                    out.add(t);
                }
            }
        }
        return out == null ? tokens : out;
    }

    private Token[] compound(Token t) {
        String w = t.word();
        Matcher member = w.endsWith("成员") ? PARTY_MEMBER.matcher(w) : null;
        if (member != null && member.matches()) {
            int k = member.group(1).length();
            return new Token[] {new Token(member.group(1), "nis", t.begin(), t.begin() + k),
                    new Token("成员", MEMBER_TAG, t.begin() + k, t.end())};
        }
        String[] abbreviated = ABBREVIATED_TITLES.get(w);
        if (abbreviated != null) {
            // 村支书 is the village party branch's 书记; the unit is implied, not written
            int unitEnd = t.begin() + w.length() - abbreviated[2].length();
            return new Token[] {new Token(abbreviated[0], "nis", t.begin(), unitEnd),
                    new Token(abbreviated[1], "nnt", unitEnd, t.end())};
        }
        for (int k = 1; k < w.length() - 1; k++) {
            String unit = w.substring(0, k), title = w.substring(k);
            if (lexicon.isTitle(title) && unit.equals(lexicon.orgSuffix(unit))) {
                return new Token[] {new Token(unit, "nis", t.begin(), t.begin() + k),
                        new Token(title, "nnt", t.begin() + k, t.end())};
            }
        }
        // 宣传部长, 组织部长, 公安局长: the unit's last char starts the title (宣传部 + 部长)
        if (w.length() < 4) return null;
        for (String title : new String[] {w.substring(w.length() - 3), w.substring(w.length() - 2)}) {
            if (!lexicon.isTitle(title) || w.length() - title.length() < 2) continue;
            char head = title.charAt(title.length() - 2);
            String unit = w.substring(0, w.length() - title.length()) + head;
            if (UNIT_CHARS.indexOf(head) >= 0 && lexicon.orgSuffix(unit) != null) {
                // the unit's word (宣传部) is longer than the chars it spans (宣传): the title holds its last char
                return new Token[] {new Token(unit, "nis", t.begin(), t.end() - title.length()),
                        new Token(title, "nnt", t.end() - title.length(), t.end())};
            }
        }
        return null;
    }

    /** Chars that end a unit's name and begin its head's title (部 → 部长, 局 → 局长). */
    private static final String UNIT_CHARS = "部局厅处科所院校站馆室";

    /** Short forms of a unit and title in one word: word → [unit, title, the title's chars in the word]. */
    private static final java.util.Map<String, String[]> ABBREVIATED_TITLES = java.util.Map.of(
            "支书", new String[] {"党支部", "书记", "书"},
            "村支书", new String[] {"村党支部", "书记", "书"},
            "支部书记", new String[] {"党支部", "书记", "书记"},
            "村支部书记", new String[] {"村党支部", "书记", "书记"});

    /**
     * 南京市长: HanLP reads 南京市/长; the title is 市长 of the city written before it. A place
     * ending in a level char and a lone 长 become the place and the head's title sharing that char.
     */
    private List<Token> placeTitlesJoined(List<Token> tokens) {
        List<Token> out = null;
        for (int i = 0; i < tokens.size(); i++) {
            Token t = tokens.get(i);
            Token n = i + 1 < tokens.size() ? tokens.get(i + 1) : null;
            String w = t.word();
            // 南京市/长, 南投/县县/长: a region's head title begins in the token before
            boolean split = n != null && w.length() >= 2 && n.word().equals("长") && n.begin() == t.end()
                    && "省市州盟县区旗镇乡".indexOf(w.charAt(w.length() - 1)) >= 0
                    && lexicon.isTitle(w.substring(w.length() - 1) + "长");
            if (split && out == null) out = new ArrayList<>(tokens.subList(0, i));
            if (out == null) continue;
            if (split && w.charAt(w.length() - 1) == w.charAt(w.length() - 2)) {
                // 南投/县县/长: the doubled char is the title's
                out.add(new Token(w.substring(0, w.length() - 1), t.tag(), t.begin(), t.end() - 1));
                out.add(new Token(w.substring(w.length() - 1) + "长", "nnt", t.end() - 1, n.end()));
                i++;
            } else if (split) {
                // the place keeps its level in its word (苏州市) and gives the char to the title (市长), as 宣传部长 is read
                out.add(new Token(w, t.tag(), t.begin(), t.end() - 1));
                out.add(new Token(w.substring(w.length() - 1) + "长", "nnt", t.end() - 1, n.end()));
                i++;
            } else {
                out.add(t);
            }
        }
        return out == null ? tokens : out;
    }

    /** Titles come from our lexicon: HanLP's nnt also tags 党员, 干部, 成员, which are no posts. */
    private boolean isTitle(Token t) {
        return lexicon.isTitle(t.word()) || t.tag().equals(MEMBER_TAG);
    }

    /** 成员 is a post only as a member of a party group or committee (党组成员): tagged so where it is. */
    private static final String MEMBER_TAG = "nnt-member";
    private static final java.util.regex.Pattern PARTY_MEMBER = java.util.regex.Pattern.compile("^(.*(党组|党委))成员$");

    private static boolean inPlace(Token t, List<int[]> places) {
        for (int[] p : places) if (t.begin() < p[1] && t.end() > p[0]) return true;
        return false;
    }

    /** Index of the first token of the organisation before the title at {@code title}. */
    private int orgStart(List<Token> tokens, int title, int floor, List<int[]> places) {
        int k = title - 1;
        // 马官镇党委原副书记: "former" between the body and the title (see post)
        if (k > floor + 1 && FORMER_MARKS.contains(tokens.get(k).word()) && tokens.get(k - 1).isOrganization()) k--;
        while (k > floor && k >= 0) {
            Token t = tokens.get(k);
            if (t.word().equals("》") && k + 1 < title) {
                // 实施《…纲要》领导小组: a quoted document title is part of the body's name
                int open = k - 1;
                while (open > floor && open >= 0 && !tokens.get(open).word().equals("《") && k - open < 40) open--;
                if (open >= 0 && tokens.get(open).word().equals("《")) {
                    k = open - 1;
                    continue;
                }
            }
            if (isTitle(t) || t.isPunctuation()) break;
            // 科教社团/部/副部长: a unit's last char the segmenter cut off as a measure word
            boolean unitEnd = t.word().length() == 1 && UNIT_CHARS.indexOf(t.word().charAt(0)) >= 0 && k > 0
                    && tokens.get(k - 1).isOrganization();
            if (!inPlace(t, places) && !unitEnd) {
                if (NOT_ORG.contains(t.tag()) && !t.isOrganization() || ORG_STOP.contains(t.word())) break;
                boolean placeFollows = k + 1 < tokens.size() && endsLikePlace(tokens.get(k + 1).word().substring(0, 1));
                // 国电龙源公司: a trade name the segmenter took for a person's, before the firm's form
                int f = k + 1;
                while (f < title && tokens.get(f).isPerson()) f++;
                boolean firmFollows = f < title && FIRM_FORMS.contains(tokens.get(f).word());
                if (t.isPerson() && lexicon.orgSuffix(t.word()) == null && !endsLikePlace(t.word()) && !placeFollows
                        && !firmFollows) break;
            }
            k--;
        }
        return k + 1;
    }

    /** The forms a firm's name ends in (企业名称登记管理规定: 字号 + 行业 + 组织形式). */
    private static final Set<String> FIRM_FORMS = Set.of("公司", "有限公司", "股份有限公司", "集团", "集团公司", "总公司", "分公司");

    private static boolean endsLikePlace(String w) {
        char c = w.charAt(w.length() - 1);
        return "省市县区旗盟乡镇村".indexOf(c) >= 0 || w.endsWith("苏木") || w.endsWith("嘎查") || w.endsWith("社区");
    }

    private RawPost post(String text, List<Token> tokens, int orgFrom, int title, List<int[]> places) {
        int b = orgFrom < title ? tokens.get(orgFrom).begin() : tokens.get(title).begin();
        Token t = tokens.get(title);
        // the unit before a split title is taken as the token says (宣传部 of 宣传部长, 村党支部 of 村支书)
        boolean formerMark = orgFrom < title - 1 && FORMER_MARKS.contains(tokens.get(title - 1).word());
        Token unit = orgFrom < title ? tokens.get(formerMark ? title - 2 : title - 1) : null;
        String org = unit == null ? "" : text.substring(b, Math.max(b, unit.begin())) + unit.word();
        // a function word glued to the organisation by the segmenter (将临时党支部)
        while (org.length() > 2 && ORG_STOP.contains(org.substring(0, 1)) && !placeStartsAt(places, b)) {
            org = org.substring(1);
            b++;
        }
        String status = formerMark ? "former" : status(text, b);
        // 茅坡村老支书, 广州市原市委常委: "former" written after the region, as a word of its own (not 原平市)
        int former = -1;
        // (the org's chars are the text's, but for a unit token whose word is longer than its span: 村支书)
        boolean asText = unit != null && unit.word().length() == unit.end() - unit.begin();
        for (int k = 2; k < org.length() - 1 && unit != null && (asText || b + k < unit.begin()); k++) {
            char c = org.charAt(k);
            int pos = b + k;
            boolean inPlaceName = places.stream().anyMatch(p -> p[0] <= pos && pos < p[1]);
            if ((c == '原' || c == '老') && !inPlaceName) former = k;
        }
        if (former > 1 && endsLikePlace(org.substring(0, former)) && former + 1 < org.length()) {
            org = org.substring(0, former) + org.substring(former + 1);
            status = "former";
        }
        // 原市委常委, 老支书, 前任支部书记: a post held before
        for (String p : FORMER_PREFIXES) {
            String rest = org.substring(Math.min(p.length(), org.length()));
            boolean unitOnly = rest.equals(lexicon.orgSuffix(rest));
            // 原 on its own, not the first char of a place (原平市, 原阳县)
            int start = b;
            boolean ownWord = places.stream().noneMatch(r -> r[0] <= start && start < r[1]);
            if (org.startsWith(p) && !rest.isEmpty() && (p.length() > 1 || p.equals("原") && ownWord || unitOnly)) {
                org = org.substring(p.length());
                b += p.length();
                status = "former";
                break;
            }
        }
        for (String m : TITLE_MODIFIERS) {
            if (org.endsWith(m)) {
                org = org.substring(0, org.length() - m.length());
                break;
            }
        }
        return new RawPost(org, t.word(), b, t.end(), status);
    }

    /** Words between a body and a title that make the post a former one (党委原副书记). */
    private static final Set<String> FORMER_MARKS = Set.of("原", "前任");

    /** Whether a place name begins at {@code pos} (原阳县: its 原 is no word of its own). */
    private static boolean placeStartsAt(List<int[]> places, int pos) {
        for (int[] p : places) if (p[0] == pos) return true;
        return false;
    }

    /** Words before a post that say it was held before (原, 前任, 时任; 老 and 前 only before a bare unit: 老支书). */
    private static final String[] FORMER_PREFIXES = {"原", "前任", "时任", "老", "前"};
    private static final String[] FORMER_BEFORE = {"原", "前任", "时任", "曾任", "历任", "当过", "老", "当时的"};

    /** "former" when the words right before {@code b} say the post was held before, else null. */
    static String status(String text, int b) {
        for (String w : FORMER_BEFORE) if (b >= w.length() && text.startsWith(w, b - w.length())) return "former";
        return null;
    }

    /** "NAME，ORG TITLE": a name right before the list, separated by a comma. */
    /** Time words that close a clause about holding a post (担任村支书之前, 任县长以来, 担任书记近一年后). */
    private static final Pattern HOLDING_TIME = Pattern.compile("^(?:[近约]?[0-9一两二三四五六七八九十多]+年)?(?:之前|以前|以来|期间|之后|后|时|来)$");

    /**
     * 在担任平元村村支书之前，肖正强……: a clause that opens the sentence with a verb of holding and a
     * time word gives its posts to the name right after its comma.
     */
    private NameFinder.Name subjectAfterClause(String text, List<Token> tokens, int chainStart, int last) {
        int k = chainStart - 1;
        if (k < 0 || !HOLDING.containsKey(tokens.get(k).word()) || !HOLDING.get(tokens.get(k).word()).isEmpty()) return null;
        if (k > 0 && !tokens.get(k - 1).word().equals("在") && !tokens.get(k - 1).isPunctuation()) return null;
        if (k > 1 && tokens.get(k - 1).word().equals("在") && !tokens.get(k - 2).isPunctuation()) return null;
        StringBuilder time = new StringBuilder();
        int j = last + 1;
        while (j < tokens.size() && !tokens.get(j).isPunctuation() && time.length() < 8) time.append(tokens.get(j++).word());
        if (j >= tokens.size() || !tokens.get(j).word().equals("，") || !HOLDING_TIME.matcher(time).matches()) return null;
        return names.after(text, tokens, j + 1);
    }

    private NameFinder.Name nameBefore(String text, List<Token> tokens, int chainStart) {
        int k = chainStart - 1;
        if (k < 1) return null;
        String sep = tokens.get(k).word();
        if (!sep.equals("，") && !sep.equals(",")) return null;
        Token p = tokens.get(k - 1);
        if (!p.isPerson() || !names.plausible(p.word())) return null;
        return new NameFinder.Name(p.word(), p.begin(), p.end(), k);
    }
}
