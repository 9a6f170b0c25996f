package io.newskg.ingest;

import io.newskg.model.Byline;

import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** Reads credits: "□ 本报记者 白丹 通讯员 王晶", "李浩瑜 摄", "(据《内蒙古日报》)", "(…供稿)", "本报讯(记者 孙国俊)". */
final class BylineParser {
    private BylineParser() {}

    private static final Pattern ROLE_NAMES = Pattern.compile(
            "(见习记者|记者|通讯员)\\s*((?:[\\p{IsHan}·]{2,8}\\s*)+)");
    private static final Pattern PHOTO = Pattern.compile("(?:本报记者\\s*)?([\\p{IsHan}·]{2,8})\\s*摄$");
    private static final Pattern SOURCE = Pattern.compile("[（(]据《(.+?)》[)）]");
    private static final Pattern CONTRIBUTOR = Pattern.compile("[（(](.+?)供稿[)）]");

    /** Credits in {@code s}, which starts at page offset {@code base}. */
    static List<Byline> parse(String s, int base) {
        List<Byline> out = new ArrayList<>();
        Matcher m = ROLE_NAMES.matcher(s);
        while (m.find()) {
            String role = m.group(1);
            int at = m.start(2);
            for (String name : m.group(2).trim().split("\\s+")) {
                int b = s.indexOf(name, at);
                out.add(new Byline(name, role, base + b, base + b + name.length(), 0.9));
                at = b + name.length();
            }
        }
        m = PHOTO.matcher(s);
        if (m.find()) out.add(new Byline(m.group(1), Byline.PHOTO, base + m.start(1), base + m.end(1), 0.9));
        m = SOURCE.matcher(s);
        if (m.find()) out.add(new Byline(m.group(1), Byline.SOURCE, base + m.start(1), base + m.end(1), 0.9));
        m = CONTRIBUTOR.matcher(s);
        if (m.find()) out.add(new Byline(m.group(1), Byline.CONTRIBUTOR, base + m.start(1), base + m.end(1), 0.85));
        return out;
    }
}
