package io.newskg.model;

import java.util.List;

/**
 * One article cut from a page.
 *
 * @param index    0-based position on the page
 * @param title    headline (may be empty when the layout lost it)
 * @param subtitle kicker or subheading, or null
 * @param kind     news, commentary, photo or brief
 * @param bylines  credits found around the headline or at the end
 * @param body     repaired body text with offsets into the page
 * @param begin    offset of the article's first char in the page
 * @param end      offset after its last char
 */
public record Article(int index, String title, String subtitle, String kind, List<Byline> bylines,
                      MappedText body, int begin, int end) {

    /** First 20 chars of the first body line as it stands in the file. */
    public String startsWith(String pageText) {
        if (body.length() == 0) return "";
        int from = body.origin(0);
        int lineEnd = pageText.indexOf('\n', from);
        if (lineEnd < 0) lineEnd = pageText.length();
        String line = pageText.substring(from, lineEnd).strip();
        return line.codePoints().limit(20)
                .collect(StringBuilder::new, StringBuilder::appendCodePoint, StringBuilder::append).toString();
    }
}
