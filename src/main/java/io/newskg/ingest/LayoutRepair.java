package io.newskg.ingest;

import io.newskg.model.MappedText;

import java.util.ArrayList;
import java.util.List;

/**
 * Rejoins body paragraphs that the page layout split across blank lines (a word or sentence
 * continued after a column break: "认真记" / "录,纷纷表示"), leaving paragraphs that really end
 * and short heading-like lines (intertitles) alone. Joined text keeps, char by char, its
 * offsets in the original page.
 */
final class LayoutRepair {
    private LayoutRepair() {}

    /** True when a paragraph does not end a sentence. */
    static boolean endsOpen(String s) {
        return LineKind.endsOpen(s);
    }

    /**
     * True when {@code next} continues {@code prev}: prev stops mid-sentence and is not a
     * heading, and next is not a heading either (unless it opens with a char no paragraph
     * starts with, which makes it the rest of prev's sentence).
     */
    static boolean continues(String prev, String next) {
        if (prev.isEmpty() || next.isEmpty() || !endsOpen(prev)) return false;
        // 湖南怀化人 / 2011年8月任…: a résumé line starts its own paragraph unless prev asks for a date (于, 自)
        if (RESUME_LINE.matcher(next).lookingAt() && "于在自从至到由，、（(".indexOf(prev.charAt(prev.length() - 1)) < 0) return false;
        if (LineKind.CONTINUATION_START.indexOf(next.charAt(0)) >= 0) return true;
        if (LineKind.looksLikeHeading(prev)) return false;
        // a short next line could be an intertitle; a headline is never the end of a sentence,
        // so only a line that itself ends a sentence is taken as the rest of prev
        return !LineKind.looksLikeHeading(next) || !endsOpen(next);
    }

    private static final java.util.regex.Pattern RESUME_LINE =
            java.util.regex.Pattern.compile("(?:19|20)\\d\\d年\\d{1,2}月(?:[—\\-－至到~～]|起|，|任|兼任|担任)");

    /**
     * Stock codes a web page links inside a name (农产品（000061）（000061）交易中心): a portal's
     * ticker links, not the text; a six-digit number in brackets between two Han characters,
     * unless the text names it (邮编（010010）, 股票代码（000061）).
     */
    private static final java.util.regex.Pattern TICKER =
            java.util.regex.Pattern.compile("(?<=\\p{IsHan})(?<![编码号])(?:[（(]\\d{6}(?:[，,]\\s*股吧)?[）)])+(?=\\p{IsHan})");

    /** Merges a run of body lines into paragraphs. */
    static List<MappedText> paragraphs(List<Line> body) {
        List<MappedText> out = new ArrayList<>();
        MappedText current = null;
        for (Line l : body) {
            if (current != null && continues(current.text(), l.text())) {
                current = MappedText.join(List.of(current, l.mapped()), "");
            } else {
                if (current != null) out.add(withoutTickers(current));
                current = l.mapped();
            }
        }
        if (current != null) out.add(withoutTickers(current));
        return out;
    }

    /**
     * {@code p} without its ticker links. TICKER needs a bracket followed by a digit, tested first:
     * its look-behinds make the regex cost a script lookup at every character of every paragraph.
     */
    static MappedText withoutTickers(MappedText p) {
        String t = p.text();
        for (int i = t.indexOf('('); i >= 0; i = t.indexOf('(', i + 1)) if (digitAt(t, i + 1)) return p.without(TICKER);
        for (int i = t.indexOf('（'); i >= 0; i = t.indexOf('（', i + 1)) if (digitAt(t, i + 1)) return p.without(TICKER);
        return p;
    }

    /** An ASCII digit at {@code i}, as TICKER's {@code \d} (no UNICODE_CHARACTER_CLASS) reads it. */
    private static boolean digitAt(String t, int i) {
        return i < t.length() && t.charAt(i) >= '0' && t.charAt(i) <= '9';
    }

    /** Repairs a whole text: its non-blank lines, rejoined where the layout broke them, one per line. */
    static MappedText repair(String page) {
        return MappedText.join(paragraphs(Line.of(page)), "\n");
    }
}
