package io.newskg.extract;

import io.newskg.nlp.Token;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.function.IntUnaryOperator;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Organisations a sentence names without a post or a place before them: news outlets (新华社),
 * firms by their own words and form (猪八戒网络公司), the items of lists of bodies (华能、国电等能源企业;
 * 苏宁电器、宏图三胞、龙蟠石化), and a body's committees listed after one written with it.
 */
final class ListedBodies {
    /** Where found bodies go: the article's organisations. */
    interface Sink {
        void add(OrgResolver.Resolved r, String asWritten, int begin, int end, double confidence);

        /** Whether an organisation was read as written so. */
        boolean hasWritten(String asWritten);

        /** Whether an organisation of this name, or ending in it, was read. */
        boolean hasName(String name);
    }

    private final Extractor x;
    private final ArticleContext ctx;
    private final Sink sink;

    ListedBodies(Extractor x, ArticleContext ctx, Sink sink) {
        this.x = x;
        this.ctx = ctx;
        this.sink = sink;
    }

    /**
     * @param at maps a sentence offset to a body offset
     * @param named receives the full names found
     */
    void find(String text, List<Token> tokens, IntUnaryOperator at, Set<String> named) {
        mediaNamed(text, tokens, at, named);
        bodiesListed(text, tokens, at, named);
        firmsNamed(text, tokens, at, named);
        siblingsListed(text, tokens, at, named);
    }

    /** Nouns that say the items of a list before 等 are bodies (华能、国电等能源企业; 拜耳、辉瑞等企业). */
    private static final Pattern BODIES_NOUN = Pattern.compile(
            "^[^，。；,;.!?！？：:]{0,14}?(企业|公司|集团|单位|机构|厂商|商家|超市|银行|媒体|高校|院校|院所|科研院所|医院|学校|协会|商会|组织)");
    private static final Set<String> LIST_ITEM_TAGS = Set.of("j", "x", "b", "m", "gg", "gi", "gm", "gc");

    /** Whether a token can be part of a list item naming something: nouns of every kind, abbreviations. */
    private static boolean itemToken(List<Token> tokens, int k) {
        Token t = tokens.get(k);
        // people and titles end a body's name (副市长黄德华希望各大超市)
        if (t.tag().equals("nnt") || t.isPerson() && k > 0 && tokens.get(k - 1).tag().equals("nnt")) return false;
        if (t.tag().startsWith("n") || LIST_ITEM_TAGS.contains(t.tag())) return true;
        // 环境与资源保护委员会: a verbal noun inside a name, followed by more of it
        if (t.tag().equals("vn")) return k + 1 < tokens.size() && (tokens.get(k + 1).tag().startsWith("n")
                || tokens.get(k + 1).word().equals("和") || tokens.get(k + 1).word().equals("与"));
        // 监察和司法委员会: 和 and 与 between two nouns stay inside the name
        return (t.word().equals("和") || t.word().equals("与")) && k > 0 && k + 1 < tokens.size()
                && nounish(tokens.get(k - 1)) && nounish(tokens.get(k + 1));
    }

    private static boolean nounish(Token t) {
        return t.tag().startsWith("n") || t.tag().equals("vn");
    }

    /** The items of a 、-list closed by 等 and a noun naming bodies: each item is a body. */
    private void bodiesListed(String text, List<Token> tokens, IntUnaryOperator at, Set<String> named) {
        for (int i = 1; i < tokens.size(); i++) {
            if (!tokens.get(i).word().equals("等") && !tokens.get(i).word().startsWith("等")) continue;
            if (!BODIES_NOUN.matcher(text.substring(tokens.get(i).end())).lookingAt()) continue;
            List<int[]> items = new ArrayList<>();
            int end = tokens.get(i).begin(), k = i - 1;
            while (k >= 0) {
                int b = k;
                // an item between two separators may be any words (完美 of …联合利华、完美等企业)
                int sep = k;
                while (sep >= 0 && !tokens.get(sep).isPunctuation() && end - tokens.get(sep).begin() <= 8) sep--;
                if (sep >= 0 && sep < k && tokens.get(sep).word().equals("、")) b = sep;
                else while (b >= 0 && itemToken(tokens, b) && end - tokens.get(b).begin() <= 14) b--;
                if (b == k) break;
                items.add(new int[] {tokens.get(b + 1).begin(), end});
                if (b < 0 || !tokens.get(b).word().equals("、")) break;
                end = tokens.get(b).begin();
                k = b - 1;
            }
            if (items.size() < 2) continue;
            for (int[] it : items) {
                String written = text.substring(it[0], it[1]);
                if (!bodyName(written)) continue;
                OrgResolver.Resolved r = x.orgs.locate(written, ctx);
                sink.add(r, written, at.applyAsInt(it[0]), at.applyAsInt(it[1]), 0.5);
                named.add(r.name());
            }
        }
    }

    /**
     * Whether a list item is a body's name rather than a kind of body (企业, 学校, 家庭), a place
     * (南京) or a bare abbreviation in Latin letters (VC).
     */
    private boolean bodyName(String w) {
        if (w.length() < 2 || w.length() > 14 || x.lexicon.isTitle(w) || !w.codePoints().allMatch(Character::isLetterOrDigit)) return false;
        if (w.chars().allMatch(c -> c < 128) || !x.gazetteer.lookup(w).isEmpty() || KIND_WORDS.matcher(w).find()
                || QUANTIFIED.matcher(w).find()) return false;
        return !commonWord(w) || x.lexicon.media.contains(w);
    }

    /** A word HanLP's dictionary knows as a common word, not only as a name (华能 and 神华 are nz). */
    static boolean commonWord(String w) {
        com.hankcs.hanlp.dictionary.CoreDictionary.Attribute a = com.hankcs.hanlp.dictionary.CoreDictionary.get(w);
        if (a == null) return false;
        for (com.hankcs.hanlp.corpus.tag.Nature n : a.nature) {
            String tag = n.toString();
            if (!(tag.startsWith("nz") || tag.startsWith("nt") || tag.startsWith("nr") || tag.startsWith("ns") || tag.equals("nx"))) return true;
        }
        return false;
    }

    /** Ends of a firm's or an institution's own name (企业名称登记管理规定: 字号 + 行业 + 组织形式). */
    /** Endings of a firm's name, longest first; a plain list: a regex per token was a hot spot. */
    private static final List<String> FIRM_ENDS = List.of("股份有限公司", "有限责任公司", "有限公司", "公司", "集团", "超市",
            "商场", "银行", "酒店", "饭店");

    private static String firmEnd(String word) {
        for (String e : FIRM_ENDS) if (word.endsWith(e)) return e;
        return null;
    }
    /** Tags of proper words: names of places, people, bodies, brands. */
    private static final Set<String> PROPER_TAGS = Set.of("nz", "nt", "ntc", "nts", "ns", "nr", "nrf", "nrj", "j", "nx", "x");
    /** Tags of the words a firm's name is made of. */
    private static final Set<String> FIRM_PART_TAGS = Set.of("n", "nz", "nt", "ntc", "nts", "ns", "nr", "nrf", "nrj", "j", "nis", "gi", "gm", "gc", "nx", "nf", "x");

    /** 猪八戒网络公司, 涪陵榨菜集团: a firm named by its own words and its form, not 该公司 or 这家超市. */
    private void firmsNamed(String text, List<Token> tokens, IntUnaryOperator at, Set<String> named) {
        for (int i = 0; i < tokens.size(); i++) {
            String end = firmEnd(tokens.get(i).word());
            if (end == null) continue;
            int b = i;
            // back over the firm's words, not into a title and the name after it (总经理齐来生)
            while (b > 0 && FIRM_PART_TAGS.contains(tokens.get(b - 1).tag()) && !tokens.get(b - 1).word().equals("、")
                    && !(tokens.get(b - 1).isPerson() && b > 1 && tokens.get(b - 2).tag().equals("nnt"))
                    && tokens.get(i).end() - tokens.get(b - 1).begin() <= 14) b--;
            String name = text.substring(tokens.get(b).begin(), tokens.get(i).end());
            int own = name.length() - end.length();
            // 呼伦贝尔农垦集团谢尔塔拉农场: the firm opens a longer name
            if (i + 1 < tokens.size() && tokens.get(i + 1).tag().startsWith("n") && !tokens.get(i + 1).tag().equals("nr")) continue;
            // the firm's own words: two chars at least, and not only a kind of business (商业银行)
            if (own < 2 || com.hankcs.hanlp.dictionary.CoreDictionary.contains(name) || !x.gazetteer.lookup(name).isEmpty()
                    || QUANTIFIED.matcher(name).find()) continue;
            // a proper word among its own (猪八戒, 涪陵), not only words of a trade (物业公司, 电子公司)
            boolean proper = false;
            for (int k = b; k <= i; k++) {
                Token t = tokens.get(k);
                String w = k == i ? t.word().substring(0, t.word().length() - end.length()) : t.word();
                if (w.isEmpty()) continue;
                // the token holding the form (电子公司/nt) is judged by its own words alone
                proper |= k < i && PROPER_TAGS.contains(t.tag()) || !com.hankcs.hanlp.dictionary.CoreDictionary.contains(w) && w.length() >= 2;
            }
            if (!proper) continue;
            if (sink.hasName(name)) continue;
            OrgResolver.Resolved r = x.orgs.locate(name, ctx);
            sink.add(r, name, at.applyAsInt(tokens.get(b).begin()), at.applyAsInt(tokens.get(i).end()), 0.5);
            named.add(r.name());
        }
    }

    /**
     * The items of a 、-list one of which is a body the sentence names are bodies too
     * (军事经济学院襄阳分院、武商襄阳量贩店、襄阳好邻居超市; 与宏碁集团、华硕电脑、台塑石化); a bare
     * committee after one written with its body shares that body (全国人大监察和司法委员会、财政经济委员会).
     */
    private void siblingsListed(String st, List<Token> tokens, IntUnaryOperator at, Set<String> named) {
        int i = 0;
        while (i < tokens.size()) {
            if (!tokens.get(i).word().equals("、")) {
                i++;
                continue;
            }
            // the list around this 、: items between separators, the first and last bounded by the words a list sits in
            int first = i - 1;
            if (first < 0 || !itemToken(tokens, first)) {
                i++;
                continue;
            }
            while (first > 0 && itemToken(tokens, first - 1) && tokens.get(i).begin() - tokens.get(first - 1).begin() <= 14) first--;
            List<int[]> items = new ArrayList<>();
            int itemBegin = tokens.get(Math.max(first, 0)).begin();
            int k = i;
            while (k < tokens.size() && tokens.get(k).word().equals("、")) {
                items.add(new int[] {itemBegin, tokens.get(k).begin()});
                int e = k + 1;
                while (e < tokens.size() && !tokens.get(e).word().equals("、") && !tokens.get(e).isPunctuation()
                        && !tokens.get(e).word().startsWith("等") && itemToken(tokens, e)
                        && tokens.get(e).end() - tokens.get(k).end() <= 14) e++;
                if (e == k + 1) break;
                itemBegin = tokens.get(k + 1).begin();
                if (e >= tokens.size() || !tokens.get(e).word().equals("、")) {
                    items.add(new int[] {itemBegin, tokens.get(e - 1).end()});
                    k = e;
                    break;
                }
                k = e;
            }
            i = Math.max(k, i + 1);
            if (items.size() < 2) continue;
            boolean anyBody = false;
            int recognised = 0;
            for (int[] it : items) {
                String w = st.substring(it[0], it[1]);
                anyBody |= firmEnd(w) != null && w.length() > 3 && sink.hasWritten(w)
                        || writtenWithBody(w);
                // 苏宁电器、宏图三胞、龙蟠石化: items HanLP recognises as organisations
                if (tokens.stream().anyMatch(t -> t.begin() == it[0] && t.end() == it[1] && t.tag().startsWith("nt"))) recognised++;
            }
            // a slogan in quotes (“因需而联、应联尽联”) lists no bodies
            boolean quoted = st.lastIndexOf('“', items.get(0)[0]) > st.lastIndexOf('”', items.get(0)[0]);
            if (quoted || !anyBody && (recognised < 2 || 2 * recognised < items.size())) continue;
            String lead = x.orgs.resolve(st.substring(items.get(0)[0], items.get(0)[1]), null, null, null, null, ctx, -1).name();
            String prefix = bodyPrefix(lead);
            for (int[] it : items) {
                String w = st.substring(it[0], it[1]);
                if (!bodyName(w) || sink.hasWritten(w)) continue;
                OrgResolver.Resolved own = x.orgs.resolve(w, null, null, null, null, ctx, at.applyAsInt(it[0]));
                boolean sameKind = x.lexicon.orgSuffix(w) != null && (x.lexicon.orgSuffix(w).equals(x.lexicon.orgSuffix(lead))
                        || INNER_UNIT.matcher(w).matches());
                boolean bare = prefix != null && !own.name().startsWith(prefix) && sameKind
                        && x.gazetteer.lookup(w.substring(0, 2)).isEmpty() && !w.startsWith(lead.substring(0, 2));
                OrgResolver.Resolved r = bare ? x.orgs.locate(prefix + w, ctx) : own;
                sink.add(r, w, at.applyAsInt(it[0]), at.applyAsInt(it[1]), 0.5);
                named.add(r.name());
            }
        }
    }

    /** A body's inner unit (标准处, 办公室, 人力资源部), which never stands alone. */
    private static final Pattern INNER_UNIT = Pattern.compile("^\\p{IsHan}{1,6}(处|科|室|办公室|办公厅)$");

    /** Words a body's name opens with when it is written whole: national and local levels. */
    private static final Pattern ANCHOR_START = Pattern.compile("^(全国|中央|国家|中国|中华|国务院|自治区|全区|全省|省|市|县|区|旗|盟)");

    /** A body's unit written with that body, as the text has it, not completed from context (全国人大监察和司法委员会). */
    private boolean writtenWithBody(String w) {
        if (x.lexicon.orgSuffix(w) == null) return false;
        if (!ANCHOR_START.matcher(w).lookingAt() && x.linker.link(w, null).stream().noneMatch(m -> m.begin() == 0)) return false;
        return bodyPrefix(x.orgs.resolve(w, null, null, null, null, ctx, -1).name()) != null;
    }

    /** The longest start of a name that is a body known on its own (全国人民代表大会 of …财政经济委员会), or null. */
    private String bodyPrefix(String name) {
        for (int k = name.length() - 3; k >= 2; k--) {
            String p = name.substring(0, k);
            if (x.lexicon.orgAbbreviations.containsValue(p) || x.lexicon.centralBodies.contains(p) || ctx.fullOrgs.contains(p)) return p;
        }
        return null;
    }

    /** Words that make a kind of many bodies (各大超市, 众多企业, 有关部门). */
    private static final Pattern QUANTIFIED = Pattern.compile("各|众多|多家|有关|相关");

    /** Words naming a kind of body or a field, which a body's own name does not hold (生物医药、营养保健企业). */
    private static final Pattern KIND_WORDS = Pattern.compile("企业|单位|机构|产业|行业|部门|系统|网站|公众号|公众|基地|书屋|场馆|阵地|平台|医药|保健|金融");

    /** A news outlet named in the text (新华社重庆…电, 据人民网), as a word of its own (not 求是 of 实事求是). */
    private void mediaNamed(String text, List<Token> tokens, IntUnaryOperator at, Set<String> named) {
        boolean[] starts = new boolean[text.length() + 1], ends = new boolean[text.length() + 1];
        for (Token t : tokens) {
            starts[t.begin()] = true;
            ends[t.end()] = true;
        }
        List<int[]> taken = new ArrayList<>();
        for (String m : x.lexicon.media) {
            for (int i = text.indexOf(m); i >= 0; i = text.indexOf(m, i + 1)) {
                int e = i + m.length();
                int b = i;
                if (!starts[b] || !ends[e] || taken.stream().anyMatch(r -> r[0] <= b && e <= r[1])) continue;
                taken.add(new int[] {b, e});
                if (sink.hasName(m)) continue;
                sink.add(new OrgResolver.Resolved(m, null), m, at.applyAsInt(b), at.applyAsInt(e), 0.6);
                named.add(m);
            }
        }
    }
}
