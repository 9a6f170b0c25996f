package io.newskg.extract;

import com.hankcs.hanlp.dictionary.CoreDictionary;
import io.newskg.nlp.Token;

import java.util.List;
import java.util.Set;

/**
 * Reads a personal name at a position where one is expected (after a title), trusting
 * HanLP's person tags but repairing its common cuts: a given name split off (刘星/成),
 * a surname split off (包/文昕), or a name it did not tag at all.
 */
final class NameFinder {

    record Name(String text, int begin, int end, int tokenEnd) {}

    /** What typically follows a name in news: verbs of saying and taking part, punctuation. */
    private static final String[] FOLLOWERS = {
        "说", "表示", "介绍", "指出", "强调", "认为", "讲", "谈", "告诉", "坦言", "感慨", "笑着", "激动", "高兴",
        "在", "出席", "主持", "参加", "带领", "陪同", "一行", "同志", "等", "荣获", "获得", "获", "聆听", "作",
        "为", "对", "和", "与", "及", "率", "向", "到", "来到", "走进", "深入", "就", "也", "还", "是", "的", "已", "带领", "组织",
        "围绕", "结合", "通过", "多次", "立即", "第一", "正在", "站在", "一边", "说道", "回忆", "动情", "热情", "详细",
        "今", "昨", "明天", "近日", "日前", "上午", "下午", "晚上", "当天", "当日", "率领", "率团", "亲自", "专程", "先后",
        "随后", "致辞", "讲话", "宣布", "会见", "考察", "调研", "视察", "看望", "慰问", "代表", "签订", "签署",
        "、", "，", ",", "。", "：", ":", "；", "（", "(", "”", "\"", " ", "\n"
    };

    /** Single chars that end a name rather than continue it. */
    private static final Set<String> NOT_GIVEN_NAME = Set.of("说", "在", "和", "与", "等", "为", "对", "是", "也", "就",
            "都", "将", "把", "被", "向", "从", "的", "了", "着", "讲", "到", "去", "来", "给", "让", "带", "表", "称",
            "笑", "问", "答", "告", "指", "要", "又", "还", "才", "已", "曾", "亦", "均", "现", "任", "兼", "率", "同",
            "陪", "主", "作", "获", "谈", "及", "先", "每", "一", "不", "所", "他", "她", "则", "便", "再", "正", "很");

    private final Lexicon lexicon;

    NameFinder(Lexicon lexicon) {
        this.lexicon = lexicon;
    }

    /** The name starting at token {@code idx}, or null. */
    Name after(String text, List<Token> tokens, int idx) {
        return anonymised(text, tokens, found(text, tokens, idx));
    }

    /**
     * 杨某某 of a discipline notice, which a segmenter may cut after 杨某: the 某 that follows an
     * anonymised name belongs to it.
     */
    private static Name anonymised(String text, List<Token> tokens, Name n) {
        if (n == null || !n.text().endsWith("某") || !text.startsWith("某", n.end()) || n.text().length() > 2) return n;
        int end = n.end() + 1, k = n.tokenEnd();
        while (k < tokens.size() && tokens.get(k).begin() < end) k++;
        // the token holding the second 某 must end with it (杨某/某/收受, not 杨某/某些)
        if (k > 0 && tokens.get(k - 1).end() != end) return n;
        return new Name(text.substring(n.begin(), end), n.begin(), end, k);
    }

    private Name found(String text, List<Token> tokens, int idx) {
        while (idx < tokens.size() && tokens.get(idx).word().isBlank()) idx++;
        if (idx >= tokens.size()) return null;
        Token t = tokens.get(idx);
        if (t.isPerson() && plausible(t.word())) return extended(text, tokens, idx, t.begin(), idx + 1);
        if (t.word().length() == 1 && lexicon.surnames.contains(t.word()) && idx + 1 < tokens.size()) {
            Token n = tokens.get(idx + 1);
            if (n.isPerson() && n.word().length() <= 2) return extended(text, tokens, idx, t.begin(), idx + 2);
        }
        Name n = at(text, tokens, t.begin());
        if (n == null) n = transliterated(text, t.begin(), tokens);
        return n != null ? n : singleChars(text, tokens, idx);
    }

    /**
     * 杨/守/亮: a name HanLP cut into single chars, where a name is expected: a surname and one
     * or two given-name chars, then a word of two or more chars or punctuation.
     */
    private Name singleChars(String text, List<Token> tokens, int idx) {
        Token t = tokens.get(idx);
        if (t.word().length() != 1 || !lexicon.surnames.contains(t.word())) return null;
        int k = idx + 1;
        while (k < tokens.size() && k - idx <= 2) {
            Token x = tokens.get(k);
            if (x.word().length() != 1 || !isHan(x.word().charAt(0)) || NOT_GIVEN_NAME.contains(x.word())
                    || x.isPunctuation()) break;
            k++;
        }
        if (k == idx + 1) return null;
        if (k < tokens.size() && tokens.get(k).word().length() == 1 && !tokens.get(k).isPunctuation()
                && !NOT_GIVEN_NAME.contains(tokens.get(k).word())) return null;
        int end = tokens.get(k - 1).end();
        String name = text.substring(t.begin(), end);
        return plausible(name) ? new Name(name, t.begin(), end, k) : null;
    }

    /**
     * Mongolian and other transliterated names (巴依尔其木格, 孟和朝鲁) that HanLP cuts into
     * pieces: a run of 3 to 8 chars, nearly all from the transliteration alphabet, ending
     * where a name ends.
     */
    private Name transliterated(String text, int pos, List<Token> tokens) {
        int end = pos;
        while (end < text.length() && end - pos < 8 && isHan(text.charAt(end)) && !followedByCue(text, end)) end++;
        int len = end - pos;
        if (len < 3 || !followedByCue(text, end)) return null;
        int foreign = 0;
        for (int i = pos; i < end; i++) if (TRANSLITERATION.indexOf(text.charAt(i)) >= 0) foreign++;
        if (foreign < len - 1 || !plausible(text.substring(pos, end))) return null;
        int tokenEnd = 0;
        while (tokenEnd < tokens.size() && tokens.get(tokenEnd).begin() < end) tokenEnd++;
        return new Name(text.substring(pos, end), pos, end, tokenEnd);
    }

    /** Chars that spell Mongolian, Tibetan and Manchu names in Chinese. */
    private static final String TRANSLITERATION =
            "阿敖巴白包宝贝毕宾伯布査朝楚达代岱旦德丁都多额尔噶嘎甘刚高格根古海罕杭浩赫和呼胡华吉嘉江金景久拉喇赖兰朗勒雷力"
            + "丽林琳伦罗鲁玛玛曼毛梅门蒙孟米敏明莫木那纳娜乃尼宁诺奇其琪钦青庆日荣如萨赛桑色森僧沙珊尚什石斯松苏索塔泰特腾图"
            + "吐托瓦旺威乌锡希喜星秀雅亚扬耶伊依音英永玉原扎札照珠卓";

    /**
     * HanLP's name ending before token {@code next}, or a longer one when HanLP cut it short:
     * the name then runs over single chars and name pieces up to a word that follows names
     * (刘星/成/聆听 → 刘星成, 巴依尔/其/木格/说 → 巴依尔其木格).
     */
    private Name extended(String text, List<Token> tokens, int first, int begin, int next) {
        int end = tokens.get(next - 1).end();
        if (followedByCue(text, end)) return new Name(text.substring(begin, end), begin, end, next);
        boolean foreign = tokens.get(first).tag().equals("nrf") || end - begin >= 3;
        int max = foreign ? 8 : 3;
        for (int k = next; k < tokens.size(); k++) {
            Token x = tokens.get(k);
            boolean piece = x.isPerson() || x.word().length() == 1 && isHan(x.word().charAt(0))
                    && !NOT_GIVEN_NAME.contains(x.word()) && !x.isPunctuation();
            if (!piece || x.end() - begin > max) break;
            if (followedByCue(text, x.end())) return new Name(text.substring(begin, x.end()), begin, x.end(), k + 1);
        }
        return new Name(text.substring(begin, end), begin, end, next);
    }

    /** A name starting at char {@code pos}, judged from surname and what follows, or null. */
    Name at(String text, List<Token> tokens, int pos) {
        for (int len = 3; len >= 2; len--) {
            int end = pos + len;
            if (end > text.length()) continue;
            String cand = text.substring(pos, end);
            if (!cand.chars().allMatch(c -> isHan((char) c))) continue;
            boolean surname = lexicon.surnames.contains(cand.substring(0, 1))
                    || len == 3 && lexicon.surnames.contains(cand.substring(0, 2));
            if (!surname || !followedByCue(text, end) || !plausible(cand)) continue;
            int tokenEnd = 0;
            while (tokenEnd < tokens.size() && tokens.get(tokenEnd).begin() < end) tokenEnd++;
            return new Name(cand, pos, end, tokenEnd);
        }
        return null;
    }

    boolean plausible(String name) {
        if (name.length() < 2 || name.length() > 8) return false;
        if (!name.chars().allMatch(c -> isHan((char) c) || c == '·')) return false;
        if (lexicon.isTitle(name) || lexicon.personRoles.contains(name)) return false;
        return lexicon.orgSuffix(name) == null || name.length() <= 3 && lexicon.surnames.contains(name.substring(0, 1));
    }

    private static final java.util.regex.Pattern HONORIFIC = java.util.regex.Pattern.compile(
            "^\\p{IsHan}(女士|先生|大娘|大爷|阿姨|奶奶|爷爷|大妈|大叔|老师|师傅)$");
    /** A "name" that is part of a longer dictionary word with its neighbours (三管齐下, 问计于民). */
    boolean insideIdiom(String text, int begin, int end) {
        for (int b = Math.max(0, begin - 2); b <= begin; b++) {
            for (int e = end; e <= Math.min(text.length(), end + 2); e++) {
                if ((b < begin || e > end) && e - b >= 3 && CoreDictionary.contains(text.substring(b, e))) return true;
            }
        }
        return false;
    }

    private static final java.util.regex.Pattern PLACE_END = java.util.regex.Pattern.compile("(村|镇|乡|旗|县|区|市|盟|社区|嘎查|苏木)$");
    private static final String[] SAYING = {"说", "表示", "介绍", "告诉", "坦言", "感慨", "笑着说", "回忆"};

    boolean followedBySaying(String text, int pos) {
        for (String w : SAYING) if (text.startsWith(w, pos)) return true;
        return false;
    }

    /**
     * Whether a word HanLP tagged as a person is a personal name worth keeping: a surname
     * with a given name (or an honorific), and some evidence for short names, which HanLP
     * over-tags: a role word before (村民马春国) or a verb of saying after.
     */
    boolean isPersonName(String name, boolean describedByRole, boolean saysSomething) {
        return isPersonName(name, describedByRole, saysSomething, false);
    }

    /** @param bothModels whether the second name model reads the same name (赵建才: 才 may then end it) */
    boolean isPersonName(String name, boolean describedByRole, boolean saysSomething, boolean bothModels) {
        if (!plausible(name)) return false;
        if (HONORIFIC.matcher(name).matches() && lexicon.surnames.contains(name.substring(0, 1))) return true;
        boolean doubleSurname = name.length() >= 3 && lexicon.surnames.contains(name.substring(0, 2));
        if (!doubleSurname && !lexicon.surnames.contains(name.substring(0, 1))) return false;
        if (name.length() > (doubleSurname ? 4 : 3)) return false;
        if (PLACE_END.matcher(name).find() || !bothModels && NOT_GIVEN_NAME.contains(name.substring(name.length() - 1))
                || name.endsWith("地")) return false;
        boolean evidence = describedByRole || saysSomething;
        // a "name" whose first two chars are a common word (方向和, 党爱国) needs evidence too
        String head = name.substring(0, 2), tail = name.substring(name.length() - 2);
        boolean wordy = CoreDictionary.contains(head) && !lexicon.surnames.contains(head)
                || name.length() == 3 && CoreDictionary.contains(tail) || name.endsWith("儿");
        return name.length() == 3 && !wordy || evidence;
    }

    static boolean followedByCue(String text, int pos) {
        if (pos >= text.length()) return true;
        for (String f : FOLLOWERS) if (text.startsWith(f, pos)) return true;
        return false;
    }

    static boolean isHan(char c) {
        return io.newskg.model.Han.is(c);
    }
}
