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
    record RawPost(String org, String title, int begin, int end) {}

    /** A person named with the posts written next to the name. */
    record RawOfficial(String name, int begin, int end, List<RawPost> posts) {}

    private static final Pattern CONGRESS_DEPUTY = Pattern.compile("党的([一二三四五六七八九十]+)大代表");

    /** Tags that may not be part of an organisation name. */
    private static final Set<String> NOT_ORG = Set.of("w", "v", "vi", "vshi", "vyou", "vf", "vx", "p", "pba", "pbei",
            "c", "cc", "r", "rr", "rz", "rzv", "ry", "rys", "ryv", "d", "u", "ude1", "ude2", "ude3", "ule", "uguo",
            "uzhe", "y", "e", "o", "t", "tg", "f", "ad", "an", "mq", "q", "qt", "qv");

    /** Words after which a title's organisation cannot continue to the left. */
    private static final Set<String> ORG_STOP = Set.of("在", "向", "与", "和", "及", "同", "由", "为", "是", "任", "现任",
            "担任", "兼任", "原", "时任", "对", "给", "把", "被", "让", "请", "经", "据", "到", "等", "将", "使");

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
        tokens = splitCompoundTitles(tokens);
        List<RawOfficial> out = new ArrayList<>();
        int i = 0;
        while (i < tokens.size()) {
            if (!isTitle(tokens.get(i))) {
                i++;
                continue;
            }
            // collect a list ORG TITLE 、 ORG TITLE … ending at a title
            List<RawPost> posts = new ArrayList<>();
            Token before = i > 0 ? tokens.get(i - 1) : null;
            if (before != null && before.isPerson() && lexicon.titleDefaultOrgs.containsKey(tokens.get(i).word())
                    && names.plausible(before.word())) {
                // 习近平总书记: a title whose organisation is implied, written after the name
                out.add(new RawOfficial(before.word(), before.begin(), before.end(),
                        List.of(new RawPost("", tokens.get(i).word(), tokens.get(i).begin(), tokens.get(i).end()))));
                i++;
                continue;
            }
            int chainStart = orgStart(tokens, i, -1, places);
            posts.add(post(text, tokens, chainStart, i));
            int last = i;
            int j = i + 1;
            while (j < tokens.size()) {
                Token t = tokens.get(j);
                if (t.word().equals("、") || t.word().equals("兼")) {
                    int k = j + 1;
                    while (k < tokens.size() && !isTitle(tokens.get(k)) && k - j < 12
                            && (!NOT_ORG.contains(tokens.get(k).tag()) || inPlace(tokens.get(k), places))) k++;
                    if (k < tokens.size() && isTitle(tokens.get(k))) {
                        posts.add(post(text, tokens, j + 1, k));
                        last = k;
                        j = k + 1;
                        continue;
                    }
                }
                break;
            }
            int nameAt = last + 1;
            // 挂职任党委委员、副镇长的王若曦: the list describes the name that follows 的
            if (nameAt + 1 < tokens.size() && tokens.get(nameAt).word().equals("的") && tokens.get(nameAt + 1).isPerson()) {
                nameAt++;
            }
            NameFinder.Name name = names.after(text, tokens, nameAt);
            if (name == null) name = nameBefore(text, tokens, chainStart);
            if (name != null) {
                out.add(new RawOfficial(name.text(), name.begin(), name.end(), posts));
                i = Math.max(last + 1, name.tokenEnd());
            } else {
                i = last + 1;
            }
        }
        Matcher m = CONGRESS_DEPUTY.matcher(text);
        while (m.find()) {
            NameFinder.Name name = names.at(text, tokens, m.end());
            if (name != null) {
                out.add(new RawOfficial(name.text(), name.begin(), name.end(),
                        List.of(new RawPost("中国共产党第" + m.group(1) + "次全国代表大会", m.group(), m.start(), m.end()))));
            }
        }
        return out;
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
            if (parts != null && out == null) out = new ArrayList<>(tokens.subList(0, i));
            if (out != null) {
                if (parts != null) {
                    out.add(parts[0]);
                    out.add(parts[1]);
                } else {
                    out.add(t);
                }
            }
        }
        return out == null ? tokens : out;
    }

    private Token[] compound(Token t) {
        String w = t.word();
        for (int k = 1; k < w.length() - 1; k++) {
            String unit = w.substring(0, k), title = w.substring(k);
            if (lexicon.isTitle(title) && unit.equals(lexicon.orgSuffix(unit))) {
                return new Token[] {new Token(unit, "nis", t.begin(), t.begin() + k),
                        new Token(title, "nnt", t.begin() + k, t.end())};
            }
        }
        return null;
    }

    /** Titles come from our lexicon: HanLP's nnt also tags 党员, 干部, 成员, which are no posts. */
    private boolean isTitle(Token t) {
        return lexicon.isTitle(t.word());
    }

    private static boolean inPlace(Token t, List<int[]> places) {
        for (int[] p : places) if (t.begin() < p[1] && t.end() > p[0]) return true;
        return false;
    }

    /** Index of the first token of the organisation before the title at {@code title}. */
    private int orgStart(List<Token> tokens, int title, int floor, List<int[]> places) {
        int k = title - 1;
        while (k > floor && k >= 0) {
            Token t = tokens.get(k);
            if (isTitle(t) || t.isPunctuation()) break;
            if (!inPlace(t, places)) {
                if (NOT_ORG.contains(t.tag()) && !t.isOrganization() || ORG_STOP.contains(t.word())) break;
                boolean placeFollows = k + 1 < tokens.size() && endsLikePlace(tokens.get(k + 1).word().substring(0, 1));
                if (t.isPerson() && lexicon.orgSuffix(t.word()) == null && !endsLikePlace(t.word()) && !placeFollows) break;
            }
            k--;
        }
        return k + 1;
    }

    private static boolean endsLikePlace(String w) {
        char c = w.charAt(w.length() - 1);
        return "省市县区旗盟乡镇村".indexOf(c) >= 0 || w.endsWith("苏木") || w.endsWith("嘎查") || w.endsWith("社区");
    }

    private static RawPost post(String text, List<Token> tokens, int orgFrom, int title) {
        int b = orgFrom < title ? tokens.get(orgFrom).begin() : tokens.get(title).begin();
        Token t = tokens.get(title);
        String org = text.substring(b, t.begin());
        // a function word glued to the organisation by the segmenter (将临时党支部)
        while (org.length() > 2 && ORG_STOP.contains(org.substring(0, 1))) {
            org = org.substring(1);
            b++;
        }
        for (String m : TITLE_MODIFIERS) {
            if (org.endsWith(m)) {
                org = org.substring(0, org.length() - m.length());
                break;
            }
        }
        return new RawPost(org, t.word(), b, t.end());
    }

    /** "NAME，ORG TITLE": a name right before the list, separated by a comma. */
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
