package io.newskg.gazetteer;

/** One official division: NBS statistical code, official name, level, parent's code (null for provinces). */
public record Region(String code, String name, Level level, String parentCode) {

    public enum Level {
        PROVINCE, PREFECTURE, COUNTY, TOWNSHIP, VILLAGE;

        public String label() { return name().toLowerCase(java.util.Locale.ROOT); }

        public static Level parse(String s) { return valueOf(s.toUpperCase(java.util.Locale.ROOT)); }

        /** Level implied by an NBS code: 6 digits xx0000/xxxx00/xxxxxx, 9 township, 12 village. */
        public static Level ofCode(String code) {
            return switch (code.length()) {
                case 6 -> code.endsWith("0000") ? PROVINCE : code.endsWith("00") ? PREFECTURE : COUNTY;
                case 9 -> TOWNSHIP;
                case 12 -> VILLAGE;
                default -> throw new IllegalArgumentException("not an NBS division code: " + code);
            };
        }
    }

    /** This division is {@code outer} or lies inside it (by the code's leading digits). */
    public boolean within(Region outer) {
        int digits = switch (outer.level) {
            case PROVINCE -> 2;
            case PREFECTURE -> 4;
            case COUNTY -> 6;
            case TOWNSHIP -> 9;
            case VILLAGE -> 12;
        };
        return code.length() >= digits && outer.code.length() >= digits
                && code.regionMatches(0, outer.code, 0, digits) && level.ordinal() >= outer.level.ordinal();
    }

    /**
     * The level word used in annotations: province, prefecture, county, township, village, or
     * community for urban 社区/居委会 rows (NBS files both under the village level).
     */
    public String levelLabel() {
        return level == Level.VILLAGE && NameForms.isCommunity(name) ? "community" : level.label();
    }

    /**
     * The name as news writes it: villages without their committee suffix (麻地卜村委会 → 麻地卜村,
     * 山丹社区居委会 → 山丹社区); other levels keep the official name.
     */
    /** The name as running text writes it before a body's name (乌兰察布 of 乌兰察布市委, 红河 of 红河州委), or null. */
    public String stem() {
        return NameForms.stem(this);
    }

    public String commonName() {
        return level == Level.VILLAGE ? NameForms.villageShort(name) : name;
    }

    /**
     * NBS statistical units that are not administrative divisions (development zones coded
     * xxxx7x, parks/farms coded as townships 4xx/5xx); linkers rank them below real divisions.
     * Some 4xx codes are real 街道/镇 (e.g. 林东西城街道 150422403), so the name decides.
     */
    public boolean statistical() {
        if (level == Level.COUNTY) return code.charAt(4) == '7';
        if (level == Level.TOWNSHIP) {
            char c = code.charAt(6);
            return (c == '4' || c == '5') && !NameForms.hasTownshipSuffix(name);
        }
        return false;
    }

    /**
     * An NBS/GB/T 2260 code. Below their province level Hong Kong, Macao and Taiwan have none;
     * their units carry NewsKG's own codes (gazetteer/SOURCE.md), used for identity only.
     */
    public boolean official() {
        return level == Level.PROVINCE || mainland();
    }

    /** Not Hong Kong, Macao or Taiwan (GB/T 2260 71, 81, 82), which the NBS tables leave out. */
    public boolean mainland() {
        return !(code.startsWith("71") || code.startsWith("81") || code.startsWith("82"));
    }

    /** Parent code implied by the code prefix (villages → township, townships → county, ...). */
    static String derivedParent(String code) {
        return switch (code.length()) {
            case 12 -> code.substring(0, 9);
            case 9 -> code.substring(0, 6);
            default -> code.endsWith("0000") ? null
                    : code.endsWith("00") ? code.substring(0, 2) + "0000" : code.substring(0, 4) + "00";
        };
    }
}
