package io.newskg.gazetteer;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The surface forms under which a division is mentioned in news text. Used by the resource
 * generator (which also drops stems that are common words) and by the linker.
 */
final class NameForms {
    private NameForms() {}

    private static final String[] VILLAGE_SUFFIXES = {
        "社区居民委员会", "嘎查村民委员会", "社区居委会", "嘎查委员会", "嘎查委会", "村民委员会",
        "居民委员会", "村委会", "居委会", "委员会"
    };

    static final String[] TOWNSHIP_SUFFIXES = {"街道", "苏木", "镇", "乡"};

    /** NBS rows that are placeholders rather than names (市辖区, 县, 省直辖县级行政区划). */
    static boolean isLinkable(Region r) {
        return isLinkableName(r.name());
    }

    static boolean isLinkableName(String n) {
        return !(n.equals("市辖区") || n.equals("县") || n.endsWith("直辖县级行政区划"));
    }

    static boolean isCommunity(String villageName) {
        return villageName.contains("社区") || villageName.endsWith("居委会")
                || villageName.endsWith("居民委员会") || villageName.endsWith("生活区");
    }

    static boolean hasTownshipSuffix(String n) {
        for (String s : TOWNSHIP_SUFFIXES) if (n.endsWith(s)) return true;
        return false;
    }

    /** 麻地卜村委会 → 麻地卜村, 山丹社区居委会 → 山丹社区, 苏荣贵嘎查委员会 → 苏荣贵嘎查; others unchanged. */
    static String villageShort(String n) {
        for (String s : VILLAGE_SUFFIXES) {
            if (n.endsWith(s) && n.length() > s.length()) {
                String stem = n.substring(0, n.length() - s.length());
                if (stem.endsWith("村") || stem.endsWith("社区") || stem.endsWith("嘎查")) return stem;
                if (s.startsWith("社区") || s.startsWith("嘎查")) return stem + s.substring(0, 2);
                if (s.startsWith("居")) return stem + "社区";
                return stem + "村";
            }
        }
        return n;
    }

    /**
     * Official name minus its level suffix, for levels where news drops it (内蒙古, 乌兰察布,
     * 卓资, 满洲里); null if none. Townships, 区 and 旗 keep their suffix in running text.
     */
    static String stem(Region r) {
        String n = r.name();
        if ((r.level() == Region.Level.PREFECTURE && n.endsWith("自治州"))
                || (r.level() == Region.Level.COUNTY && n.endsWith("自治县"))) {
            return autonomousStem(n);
        }
        String[] suffixes = switch (r.level()) {
            case PROVINCE -> new String[] {"维吾尔自治区", "壮族自治区", "回族自治区", "自治区", "特别行政区", "省", "市"};
            case PREFECTURE -> new String[] {"地区", "市", "盟"};
            case COUNTY -> new String[] {"县", "市"};
            default -> new String[0];
        };
        for (String s : suffixes) {
            if (n.endsWith(s) && n.length() - s.length() >= 2) return n.substring(0, n.length() - s.length());
        }
        return null;
    }

    /** The 56 ethnic groups' names without 族, longest first (国家民族事务委员会's list). */
    private static final List<String> ETHNIC_GROUPS = io.newskg.model.WordList.lines("/gazetteer/ethnic-groups.txt")
            .stream().sorted(java.util.Comparator.comparingInt(String::length).reversed()).toList();

    /**
     * An autonomous prefecture or county without its peoples and 自治州/自治县, as news writes it in
     * lists (临夏回族自治州 → 临夏, 黔东南苗族侗族自治州 → 黔东南, 巴音郭楞蒙古自治州 → 巴音郭楞,
     * 长阳土家族自治县 → 长阳); null when fewer than two characters remain.
     */
    static String autonomousStem(String name) {
        String n = name.substring(0, name.length() - 3);
        if (n.endsWith("各族")) n = n.substring(0, n.length() - 2); // 龙胜各族自治县
        for (boolean cut = true; cut; ) {
            cut = false;
            boolean zu = n.endsWith("族");
            if (zu) n = n.substring(0, n.length() - 1);
            for (String g : ETHNIC_GROUPS) {
                // a one-character people only before 族 (互助土族; not the 白 of 长白)
                if (n.endsWith(g) && (zu || g.length() >= 2) && n.length() - g.length() >= 2) {
                    n = n.substring(0, n.length() - g.length());
                    cut = true;
                    break;
                }
            }
        }
        return n.length() >= 2 && !n.equals(name.substring(0, name.length() - 3)) ? n : null;
    }

    private static final Pattern WING_BANNER = Pattern.compile("(.{2,4})([左右])翼([前中后]?)旗");
    private static final Pattern SIDE_BANNER = Pattern.compile("(.{2,4})([左右前中后])旗");
    private static final Pattern EAST_WEST_BANNER = Pattern.compile("([东西])(.{3,5})旗");
    private static final Pattern AUTONOMOUS_BANNER = Pattern.compile("(.{2,})(?:族)?自治旗");

    /**
     * Regular short forms of banner names as news writes them: first character of the base
     * name plus wing and position (察哈尔右翼前旗 → 察右前旗, 科尔沁左翼中旗 → 科左中旗,
     * 乌拉特前旗 → 乌前旗, 阿拉善左旗 → 阿左旗), 东/西 + first character (东乌珠穆沁旗 → 东乌旗),
     * and autonomous banners without 族自治 (鄂温克族自治旗 → 鄂温克旗).
     */
    static List<String> bannerAbbreviations(String name) {
        List<String> out = new ArrayList<>();
        Matcher m = WING_BANNER.matcher(name);
        if (m.matches()) {
            out.add(m.group(1).charAt(0) + m.group(2) + m.group(3) + "旗");
            return out;
        }
        m = SIDE_BANNER.matcher(name);
        if (m.matches()) {
            out.add(m.group(1).charAt(0) + m.group(2) + "旗");
            return out;
        }
        m = EAST_WEST_BANNER.matcher(name);
        if (m.matches()) {
            out.add(m.group(1) + m.group(2).charAt(0) + "旗");
            return out;
        }
        m = AUTONOMOUS_BANNER.matcher(name);
        if (m.matches()) {
            String base = m.group(1);
            if (base.endsWith("族")) base = base.substring(0, base.length() - 1);
            out.add(base + "旗");
        }
        return out;
    }

    /** Every candidate form: official name, common village name, stem, regular banner short forms. */
    static Set<String> forms(Region r) {
        Set<String> out = new LinkedHashSet<>();
        out.add(r.name());
        if (r.level() == Region.Level.VILLAGE) {
            String s = villageShort(r.name());
            out.add(s);
            // 苏荣贵嘎查村 is also written 苏荣贵嘎查
            if (s.endsWith("嘎查村")) out.add(s.substring(0, s.length() - 1));
        }
        String stem = stem(r);
        if (stem != null) out.add(stem);
        if (r.level() == Region.Level.COUNTY && r.name().endsWith("旗")) out.addAll(bannerAbbreviations(r.name()));
        return out;
    }
}
