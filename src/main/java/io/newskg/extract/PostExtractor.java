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
            "担任", "兼任", "原", "时任", "对", "给", "把", "被", "让", "请", "经", "据", "从", "到", "等");

    private final Lexicon lexicon;
    private final NameFinder names;

    PostExtractor(Lexicon lexicon, NameFinder names) {
        this.lexicon = lexicon;
        this.names = names;
    }

    List<RawOfficial> find(String text, List<Token> tokens) {
        List<RawOfficial> out = new ArrayList<>();
        int i = 0;
        while (i < tokens.size()) {
            if (!isTitle(tokens.get(i))) {
                i++;
                continue;
            }
            // collect a list ORG TITLE 、 ORG TITLE … ending at a title
            List<RawPost> posts = new ArrayList<>();
            int chainStart = orgStart(tokens, i, -1);
            posts.add(post(text, tokens, chainStart, i));
            int last = i;
            int j = i + 1;
            while (j < tokens.size()) {
                Token t = tokens.get(j);
                if (t.word().equals("、") || t.word().equals("兼")) {
                    int k = j + 1;
                    while (k < tokens.size() && !isTitle(tokens.get(k)) && !NOT_ORG.contains(tokens.get(k).tag())
                            && k - j < 12) k++;
                    if (k < tokens.size() && isTitle(tokens.get(k))) {
                        posts.add(post(text, tokens, j + 1, k));
                        last = k;
                        j = k + 1;
                        continue;
                    }
                }
                break;
            }
            NameFinder.Name name = names.after(text, tokens, last + 1);
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

    private boolean isTitle(Token t) {
        return lexicon.isTitle(t.word()) || t.isTitle() && t.word().length() >= 2 && !t.word().equals("成员");
    }

    /** Index of the first token of the organisation before the title at {@code title}. */
    private int orgStart(List<Token> tokens, int title, int floor) {
        int k = title - 1;
        while (k > floor && k >= 0) {
            Token t = tokens.get(k);
            if (NOT_ORG.contains(t.tag()) && !t.isOrganization() || ORG_STOP.contains(t.word()) || isTitle(t)) break;
            if (t.isPerson() && lexicon.orgSuffix(t.word()) == null && !endsLikePlace(t.word())) break;
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
        return new RawPost(text.substring(b, t.begin()), t.word(), b, t.end());
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
