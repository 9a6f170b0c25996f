package io.newskg.gazetteer;

/** One official division: NBS statistical code, official name, level, parent's code (null for provinces). */
public record Region(String code, String name, Level level, String parentCode) {

    public enum Level {
        PROVINCE, PREFECTURE, COUNTY, TOWNSHIP, VILLAGE;

        public String label() { return name().toLowerCase(java.util.Locale.ROOT); }

        public static Level parse(String s) { return valueOf(s.toUpperCase(java.util.Locale.ROOT)); }
    }
}
