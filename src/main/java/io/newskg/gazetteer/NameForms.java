package io.newskg.gazetteer;

import java.util.LinkedHashSet;
import java.util.Set;

/** The surface forms under which a division is mentioned in news text. */
final class NameForms {
    private NameForms() {}

    private static final String[] VILLAGE_SUFFIXES = {
        "社区居民委员会", "嘎查村民委员会", "社区居委会", "嘎查委员会", "嘎查委会", "村民委员会",
        "居民委员会", "村委会", "居委会", "委员会"
    };

    /** NBS rows that are placeholders rather than names (市辖区, 县, 省直辖县级行政区划). */
    static boolean isLinkable(Region r) {
        String n = r.name();
        return !(n.equals("市辖区") || n.equals("县") || n.endsWith("直辖县级行政区划"));
    }

    static Set<String> forms(Region r) {
        Set<String> out = new LinkedHashSet<>();
        String n = r.name();
        out.add(n);
        switch (r.level()) {
            case PROVINCE -> {
                for (String s : new String[] {"维吾尔自治区", "壮族自治区", "回族自治区", "自治区", "省", "市"}) {
                    if (n.endsWith(s) && n.length() - s.length() >= 2) {
                        out.add(n.substring(0, n.length() - s.length()));
                        break;
                    }
                }
            }
            case PREFECTURE, COUNTY -> {
                if ((n.endsWith("市") || n.endsWith("县") || n.endsWith("盟")) && n.length() >= 3) {
                    out.add(n.substring(0, n.length() - 1));
                }
            }
            case VILLAGE -> {
                for (String s : VILLAGE_SUFFIXES) {
                    if (n.endsWith(s) && n.length() > s.length()) {
                        String stem = n.substring(0, n.length() - s.length());
                        out.add(stem.endsWith("村") || stem.endsWith("社区") || stem.endsWith("嘎查") ? stem : stem + "村");
                        if (s.startsWith("社区") || s.startsWith("嘎查")) out.add(stem + s.substring(0, 2));
                        break;
                    }
                }
            }
            default -> { }
        }
        return out;
    }
}
