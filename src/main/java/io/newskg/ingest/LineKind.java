package io.newskg.ingest;

import java.util.regex.Pattern;

/** What a line of a page is, judged from its own text. */
enum LineKind {
    SECTION, BYLINE, PHOTO_CREDIT, SOURCE, HEADING, BODY;

    static final int HEADING_MAX = 40;

    static final Pattern BYLINE_LINE = Pattern.compile("^[□■]?\\s*(本报)?(见习)?(记者|通讯员).*");
    static final Pattern PHOTO_LINE = Pattern.compile("^(本报记者\\s*)?[\\p{IsHan}·]{2,8}\\s*摄$");
    static final Pattern SOURCE_LINE = Pattern.compile("^[（(](据《.+》|.+供稿)[)）]$");

    static LineKind of(String s) {
        if ((s.startsWith("◎") || s.startsWith("■")) && s.length() <= 20) return SECTION;
        if (s.startsWith("□") || BYLINE_LINE.matcher(s).matches() && s.length() <= HEADING_MAX) return BYLINE;
        if (PHOTO_LINE.matcher(s).matches()) return PHOTO_CREDIT;
        if (SOURCE_LINE.matcher(s).matches()) return SOURCE;
        if (s.length() <= HEADING_MAX && LayoutRepair.endsOpen(s) && s.indexOf('。') < 0) return HEADING;
        return BODY;
    }
}
