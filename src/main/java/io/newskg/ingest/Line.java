package io.newskg.ingest;

import io.newskg.model.MappedText;

import java.util.ArrayList;
import java.util.List;

/** A non-blank line of a page, stripped, with its offsets in the page. */
record Line(String text, int begin, int end) {

    static List<Line> of(String page) {
        List<Line> out = new ArrayList<>();
        int i = 0, n = page.length();
        while (i < n) {
            int nl = page.indexOf('\n', i);
            int lineEnd = nl < 0 ? n : nl;
            int b = i, e = lineEnd;
            while (b < e && isSpace(page.charAt(b))) b++;
            while (e > b && isSpace(page.charAt(e - 1))) e--;
            if (e > b) out.add(new Line(page.substring(b, e), b, e));
            i = lineEnd + 1;
        }
        return out;
    }

    private static boolean isSpace(char c) {
        return Character.isWhitespace(c) || c == '\u3000' || c == '\u00a0' || c == '\uFEFF' || c == '\u200b';
    }

    /** Number of blank lines between the line ending before {@code begin} and this line. */
    static int blankLinesBefore(String page, Line l, Line prev) {
        int from = prev == null ? 0 : prev.end();
        int n = 0;
        for (int i = from; i < l.begin(); i++) if (page.charAt(i) == '\n') n++;
        // a line break ends the previous line; only further breaks are blank lines
        return prev == null ? n : Math.max(0, n - 1);
    }

    MappedText mapped() { return MappedText.identity(text, begin); }

    int length() { return text.length(); }
}
