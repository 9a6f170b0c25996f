package io.newskg.ingest;

import java.util.regex.Pattern;

/**
 * What a line of a page is, judged from its own text. Context (what comes before and after)
 * is the splitter's job: a HEADING may turn out to be an intertitle or a line the layout
 * displaced into a paragraph, and a SECTION line under a headline may be an author line.
 */
enum LineKind {
    SECTION, BYLINE, PHOTO_CREDIT, SOURCE, HEADING, BODY,
    /** Web page chrome (breadcrumb, share widget, print/close, HTML residue): dropped. */
    CHROME,
    /** Web page metadata (发布时间/来源/作者/编辑 …, a print-edition line): credits and date. */
    META;

    /** Longest line taken for a headline; body paragraphs of a page are much longer. */
    static final int HEADING_MAX = 40;
    static final int SECTION_MAX = 20;
    /** The first line of a web text is its headline, and may be longer than a page's headlines. */
    static final int FIRST_HEADLINE_MAX = 64;

    private static final String SP = BylineParser.SP;
    /** Column labels start with an ornament ("◎ 广角", "■视点") or sit in brackets ("【图片新闻】"). */
    static final Pattern SECTION_LINE = Pattern.compile("^(?:[◎■●◆◇★☆▲]" + SP + "*[^。]{1,18}|【[^】。]{1,16}】)$");
    static final Pattern BYLINE_LINE = Pattern.compile(
            "^(?:□" + SP + "*.{1,60}|(?:本报|特约)?(?:见习|实习)?(?:记者|通讯员)" + SP + "*[\\p{IsHan}·].{0,58}"
                    + "|文" + SP + "*/" + SP + "*[\\p{IsHan}].{0,40})$"
                    // an outlet's reporter: "新华社记者 张三 李四", "某某日报记者 王 五" (names apart, padded)
                    + "|^" + BylineParser.OUTLET + "(?:见习|实习|特约)?(?:记者|通讯员)" + SP + "*[\\p{IsHan}·]{1,12}(?:(?:" + SP
                    + "+|、)[\\p{IsHan}·]{1,12}){0,7}$");
    static final Pattern PHOTO_LINE = Pattern.compile(
            "^(?:(?:本报|特约)?(?:见习)?(?:记者|通讯员)" + SP + "*)?(?:[\\p{IsHan}·•・]{2,12}(?:" + SP + "+|、)?){1,4}"
                    + SP + "*/?" + SP + "*摄(?:影)?$|^(?:摄影|图)" + SP + "*[:：/]" + SP + "*[\\p{IsHan}·、" + "\\s\\u3000]{2,40}$");
    static final Pattern SOURCE_LINE = Pattern.compile(
            "^[(（]" + SP + "*(?:据|来源[:：]|摘自|转自|稿件来源[:：]).{2,34}[)）]$|^[(（][^()（）]{2,40}供稿" + SP + "*[)）]$");
    /** Chars that end a complete paragraph. */
    static final String FINAL = "。！？!?…”」』)）】》";
    /**
     * Chars a headline does not end with: punctuation inside a sentence and function words
     * that need a continuation (的, 把, 和 …). A short line ending so is a broken-off fragment.
     */
    static final String FRAGMENT_END = ",，、;；:：“「『(（《的之把被在和与及或并是了对向从将以而且但则其为由";
    /** Chars that cannot open a paragraph: it must be the rest of a broken sentence. */
    static final String CONTINUATION_START = ",，、;；:：。！？!?)）」』》”…";

    /** Longer than any credit, label or source line can be: such a line is body text. */
    private static final int MARKER_MAX = 120;

    /**
     * Labels of a box inside an article (a lead summary, an editor's note, a link list): a
     * label line, not a headline or subtitle.
     */
    static final java.util.Set<String> BOX_LABELS = java.util.Set.of(
            "核心阅读", "编者按", "编者的话", "阅读提示", "导读", "内容提要", "延伸阅读", "相关链接", "背景链接", "新闻链接", "新闻背景");

    static boolean isBoxLabel(String s) {
        return BOX_LABELS.contains(s.endsWith("：") || s.endsWith(":") ? s.substring(0, s.length() - 1) : s);
    }

    /** The ends PHOTO_LINE needs: tested first, as the regex tries every split of a line before failing. */
    static boolean mayBePhotoCredit(String s) {
        return s.endsWith("摄") || s.endsWith("摄影") || s.startsWith("摄影") || s.startsWith("图");
    }

    static LineKind of(String s) {
        if (s.isEmpty()) return BODY;
        if (isBoxLabel(s)) return SECTION;
        if (WebPage.isChrome(s)) return CHROME;
        if (s.length() > MARKER_MAX) return BODY;
        if (WebPage.isMeta(s)) return META;
        if (SECTION_LINE.matcher(s).matches() && s.length() <= SECTION_MAX) return SECTION;
        if (mayBePhotoCredit(s) && PHOTO_LINE.matcher(s).matches()) return PHOTO_CREDIT;
        if (SOURCE_LINE.matcher(s).matches()) return SOURCE;
        if (BYLINE_LINE.matcher(s).matches() && s.indexOf('。') < 0) return BYLINE;
        if (looksLikeHeading(s)) return HEADING;
        return BODY;
    }

    /** Short, no full stop inside, not a broken-off fragment of a sentence. */
    static boolean looksLikeHeading(String s) {
        return looksLikeHeading(s, HEADING_MAX);
    }

    /** {@link #looksLikeHeading(String)} with another longest length. */
    static boolean looksLikeHeading(String s, int max) {
        if (s.length() > max || s.length() < 2) return false;
        if (s.indexOf('。') >= 0) return false;
        // headlines hold one or two phrases; three or more clauses make a sentence
        if (s.chars().filter(c -> c == ',' || c == '，' || c == ';' || c == '；').count() >= 2) return false;
        if (CONTINUATION_START.indexOf(s.charAt(0)) >= 0) return false;
        char last = s.charAt(s.length() - 1);
        if (FRAGMENT_END.indexOf(last) >= 0) return false;
        // a closing quote ends speech in a paragraph ("……”他说。" is cut elsewhere); a headline
        // may end with a quoted phrase, so only the full stop before it disqualifies
        return !(last == '”' && s.length() >= 2 && "。！？!?".indexOf(s.charAt(s.length() - 2)) >= 0);
    }

    /** True when a paragraph does not end a sentence: the layout cut it. */
    static boolean endsOpen(String s) {
        if (s.isEmpty()) return false;
        return FINAL.indexOf(s.charAt(s.length() - 1)) < 0;
    }
}
