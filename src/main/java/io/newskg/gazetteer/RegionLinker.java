package io.newskg.gazetteer;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Finds region mentions in a text and resolves each to one division, using the chain of
 * regions written before it (乌兰察布市卓资县大榆树乡麻地卜村), the other regions of the text and
 * the paper's province. A mention that cannot be resolved is returned with region null.
 *
 * <p>Confidence: 0.95 official name in a chain or unique; 0.85 short form or resolved by text
 * context; 0.7 resolved by the province alone; 0.6 deictic (全市, 我区); 0.5 misprint
 * (edit distance 1 inside a county the text names).
 */
public final class RegionLinker {
    private final Gazetteer gazetteer;
    /**
     * Longest form starting with each pair of characters. Scanning substrings against the form
     * map is as fast as an Aho-Corasick trie on news-length texts and costs ~20 ms to set up
     * instead of ~0.7 s for HanLP's double-array trie over ~75,000 forms.
     */
    private final PrefixTable prefixes;

    /** Words that stand for the paper's province (自治区党委, 全区, 我省) or the city/county in context. */
    private static final Set<String> PROVINCE_DEICTIC_AR = Set.of("自治区", "全区", "我区", "本区");
    private static final Set<String> PROVINCE_DEICTIC_P = Set.of("全省", "我省", "本省");
    private static final Set<String> CITY_DEICTIC = Set.of("全市", "我市", "本市", "该市");
    private static final Set<String> BANNER_DEICTIC = Set.of("全旗", "我旗", "本旗", "该旗");
    private static final Set<String> COUNTY_DEICTIC = Set.of("全县", "我县", "本县", "该县");

    /** A stem followed by one of these is part of a longer name (丰镇镇 is not 丰镇市, 北京路 not 北京). */
    private static final String LEVEL_CHARS = "省市县区旗盟州镇乡村街路巷道";
    /** Institutions named after a township without its suffix (恩和哈达边境派出所). */
    private static final Pattern TOWNSHIP_INSTITUTION = Pattern.compile("(?:边境)?(?:派出所|边境检查站|卫生院|中心校)");
    /** NBS units named by their kind alone (开发区 is the name of 11 units, 城区 of 8). */
    private static final Pattern GENERIC_UNIT = Pattern.compile(
            "(?:经济技术|高新技术产业|高新技术|经济|工业|综合|保税)?(?:开发区|园区)|高新区|新区|城区|(?:国营)?(?:农|林|牧|渔|茶|果|种畜|良种|原种|园艺|第一良种|第二良种)场");
    /** The last characters GENERIC_UNIT's alternatives end with (区, 场), tested before the regex. */
    private static boolean mayBeGenericUnit(String form) {
        return form.endsWith("区") || form.endsWith("场");
    }

    /** Words one of which every TOWNSHIP_INSTITUTION match contains, tested before the regex scans a text. */
    private static final String[] INSTITUTION_WORDS = {"派出所", "边境检查站", "卫生院", "中心校"};

    /** Common nouns that look like a misprinted township or village name. */
    private static final Set<String> FUZZY_STOP = Set.of("小城镇", "各乡镇", "全乡镇", "新农村", "各嘎查", "全嘎查");

    public RegionLinker(Gazetteer gazetteer) {
        this.gazetteer = gazetteer;
        Map<Integer, Integer> maxLengthByPrefix = new HashMap<>(1 << 17), lengthsByPrefix = new HashMap<>(1 << 17);
        for (String f : gazetteer.forms()) index(f, maxLengthByPrefix, lengthsByPrefix);
        for (Set<String> s : List.of(PROVINCE_DEICTIC_AR, PROVINCE_DEICTIC_P, CITY_DEICTIC, BANNER_DEICTIC, COUNTY_DEICTIC)) {
            for (String f : s) index(f, maxLengthByPrefix, lengthsByPrefix);
        }
        this.prefixes = new PrefixTable(maxLengthByPrefix, lengthsByPrefix);
        // the few forms that vote for a province (prefectures and counties of one province), with
        // their own prefix table: the page scan of provinceVotes then skips nearly every position
        Map<Integer, Integer> voteMax = new HashMap<>(), voteLengths = new HashMap<>();
        for (String f : gazetteer.forms()) {
            if (f.length() < 2) continue;
            String p = voteOf(gazetteer.lookup(f));
            if (p == null) continue;
            votingForms.put(f, p);
            index(f, voteMax, voteLengths);
        }
        this.votePrefixes = new PrefixTable(voteMax, voteLengths);
    }

    /** Form → the province it votes for (see {@link #provinceVotes}), for the forms that vote. */
    private final Map<String, String> votingForms = new HashMap<>();
    private final PrefixTable votePrefixes;

    private static void index(String form, Map<Integer, Integer> maxLengthByPrefix, Map<Integer, Integer> lengthsByPrefix) {
        if (form.length() < 2) return;
        maxLengthByPrefix.merge(prefix(form, 0), form.length(), Math::max);
        lengthsByPrefix.merge(prefix(form, 0), form.length() < 32 ? 1 << form.length() : 1 << 31, (a, b) -> a | b);
    }

    /**
     * For each pair of characters some form starts with: the longest such form, and a bit k set
     * when some form of length k (2..31; bit 31 for longer) starts with it, so only those lengths
     * are looked up. An open-addressing table over ints: the scan asks it at every character of
     * every text, where a {@code HashMap<Integer, Integer>} boxes the key and chases two maps.
     */
    private static final class PrefixTable {
        private final int[] keys, lengths, max;
        private final int mask;
        /**
         * Bit sets of the characters that open a key and of those second in one: 8 KB each, in the
         * CPU's cache, they rule out most positions of a text before the table (megabytes) is read.
         */
        private final long[] first = new long[1 << 10], second = new long[1 << 10];

        PrefixTable(Map<Integer, Integer> maxLength, Map<Integer, Integer> lengthBits) {
            int cap = Integer.highestOneBit(Math.max(4, maxLength.size() * 2)) << 1;
            keys = new int[cap];
            lengths = new int[cap];
            max = new int[cap];
            mask = cap - 1;
            maxLength.forEach((k, m) -> {
                int h = slot(k);
                while (lengths[h] != 0) h = (h + 1) & mask;
                keys[h] = k;
                lengths[h] = lengthBits.get(k); // never 0: a form of length >= 2 sets a bit
                max[h] = m;
                first[k >>> 22] |= 1L << (k >>> 16);
                second[(k & 0xFFFF) >>> 6] |= 1L << k;
            });
        }

        /** Whether some key is the pair (a, b); false means {@link #find} returns -1. */
        boolean mayHold(char a, char b) {
            return (first[a >>> 6] & (1L << a)) != 0 && (second[b >>> 6] & (1L << b)) != 0;
        }

        private int slot(int key) {
            int h = key * 0x9E3779B9;
            return (h ^ (h >>> 16)) & mask;
        }

        /** The table index of {@code key}, or -1. */
        int find(int key) {
            for (int h = slot(key); lengths[h] != 0; h = (h + 1) & mask) if (keys[h] == key) return h;
            return -1;
        }
    }

    private static int prefix(String s, int i) {
        return (s.charAt(i) << 16) | s.charAt(i + 1);
    }

    public Gazetteer gazetteer() { return gazetteer; }

    /**
     * @param provinceCode the paper's province (e.g. 150000), or null if unknown
     */
    public List<RegionMention> link(String text, String provinceCode) {
        return link(text, provinceCode, null);
    }

    /**
     * @param provinceCode   the paper's province (e.g. 150000), or null if unknown
     * @param prefectureCode the paper's city for 全市/我市 (a city paper), or null: then the
     *                       prefecture the text's regions lie in is used
     */
    public List<RegionMention> link(String text, String provinceCode, String prefectureCode) {
        if (text.length() > CACHED_LENGTH) return linkText(text, provinceCode, prefectureCode);
        // organisation names are linked again and again (OrgResolver asks for each mention); the
        // answer depends only on the text and the two codes
        String key = provinceCode + '\u0000' + prefectureCode + '\u0000' + text;
        Map<String, List<RegionMention>> known = cache.get();
        List<RegionMention> ms = known.get(key);
        if (ms == null) {
            ms = List.copyOf(linkText(text, provinceCode, prefectureCode));
            known.put(key, ms);
        }
        return new ArrayList<>(ms);
    }

    /** Texts up to this length (names, not articles) have their links kept in {@link #cache}. */
    private static final int CACHED_LENGTH = 40;
    private static final int CACHE_SIZE = 4096;
    /**
     * Links of short texts, per thread (the maps are not shared), least recently used dropped
     * first. The answer depends on the text, the two codes and this linker's gazetteer alone.
     */
    private final ThreadLocal<Map<String, List<RegionMention>>> cache = ThreadLocal.withInitial(() ->
            new LinkedHashMap<>(CACHE_SIZE * 2, 0.75f, true) {
                @Override
                protected boolean removeEldestEntry(Map.Entry<String, List<RegionMention>> eldest) {
                    return size() > CACHE_SIZE;
                }
            });

    private List<RegionMention> linkText(String text, String provinceCode, String prefectureCode) {
        Region province = provinceCode == null ? null : gazetteer.byCode(provinceCode);
        Region homeCity = prefectureCode == null ? null : gazetteer.byCode(prefectureCode);
        List<Slot> found = new ArrayList<>();
        for (int[] s : allMatches(text)) {
            Slot slot = new Slot(s[0], s[1], text.substring(s[0], s[1]));
            slot.rightBoundary = s[1] == text.length() || !isHan(text.charAt(s[1]));
            slot.boundary = (s[0] == 0 || !isHan(text.charAt(s[0] - 1))) || (s[1] == text.length() || !isHan(text.charAt(s[1])));
            if (isDeictic(slot.form)) {
                if (s[1] < text.length() && "场域".indexOf(text.charAt(s[1])) >= 0) continue; // 全市场, 全区域
                slot.deictic = true;
                found.add(slot);
                continue;
            }
            slot.cands = admissible(text, slot, gazetteer.lookup(slot.form));
            if (!slot.cands.isEmpty()) found.add(slot);
        }
        found = withVillages(text, province, found);
        List<Slot> slots = longestFirst(found);
        for (Slot s : slots) {
            // 开发区, 高新区, 城区, 良种场: NBS units named by their kind alone, only in a chain (仪征市开发区)
            if (!s.deictic && mayBeGenericUnit(s.form) && GENERIC_UNIT.matcher(s.form).matches()) s.needsChain = s.generic = true;
            if (s.cands.isEmpty() || !s.cands.stream().allMatch(c -> c.level() == Region.Level.VILLAGE)) continue;
            String stem = villageStem(s.form);
            if (stem == null) continue;
            s.needsChain = stem.length() <= 1;
            s.phrase = !s.needsChain && isMainlyCommonWord(stem);
        }
        List<Slot> institutions = institutionTownships(text, slots);
        slots.removeIf(s -> s.weak && institutions.stream().anyMatch(f -> f.begin < s.end && s.begin < f.end));
        slots.addAll(institutions);
        slots.sort(Comparator.comparingInt(x -> x.begin));

        // resolve repeatedly: each resolution is context for the rest (乡 → its 村)
        for (int round = 0; round < 4; round++) {
            if (!resolveRound(slots, province)) break;
        }
        // misprints twice: a corrected township (当都忽洞苏木) opens its villages (补力村) to the next pass
        for (int pass = 0; pass < 2; pass++) {
            List<Slot> fuzzy = misprints(text, slots);
            if (fuzzy.isEmpty()) break;
            slots.removeIf(s -> replaceable(s) && fuzzy.stream().anyMatch(f -> f.begin < s.end && s.begin < f.end));
            slots.addAll(fuzzy);
            slots.sort(Comparator.comparingInt(x -> x.begin));
            for (int round = 0; round < 3; round++) {
                if (!resolveRound(slots, province)) break;
            }
        }
        slots = cutShort(text, slots);
        resolveDeictics(slots, province, homeCity);
        resolveKinds(slots);
        // an unresolved name known only outside the paper's province (苏木乡 in 苏木乡镇, 城区; 清源社区 of
        // another province after 兴隆巷街道) is most likely a common word here: the chain tail below may
        // keep it as unknown
        if (province != null) {
            slots.removeIf(s -> s.region == null && !s.deictic && !s.cands.isEmpty()
                    && s.cands.stream().noneMatch(c -> gazetteer.within(c, province)));
        }
        slots.removeIf(s -> s.region == null && (s.needsChain || s.phrase));
        slots.addAll(unknownChainTails(text, slots));
        slots.sort(Comparator.comparingInt(x -> x.begin));

        List<RegionMention> out = new ArrayList<>();
        for (Slot s : slots) {
            if (s.region == null && (s.deictic || s.weak)) continue; // unresolved 全市 or bare stem: not a mention
            out.add(new RegionMention(s.form, s.begin, s.end, s.region, s.region == null ? 0.0 : s.conf));
        }
        return out;
    }

    /** 2–3 characters + 村/社区/嘎查, none of them a function word (各村, 的社区, 全力推进社区). */
    private static final Pattern VILLAGE_TAIL = Pattern.compile("[\\p{IsHan}&&[^的和与及等在各全是了为对将把被向从乡镇村区县旗市]]{2,3}?(?:村|社区|嘎查)");

    /**
     * A village or community written right after its township or county but absent from the
     * tables (清源社区, a natural village, one created after 2021): kept as an unresolved mention.
     */
    private List<Slot> unknownChainTails(String text, List<Slot> slots) {
        List<Slot> out = new ArrayList<>();
        for (Slot s : slots) {
            if (s.region == null || s.deictic) continue;
            Region.Level l = s.region.level();
            if (l != Region.Level.TOWNSHIP && l != Region.Level.COUNTY) continue; // 玉泉区南台村: 街道 often omitted
            Matcher m = VILLAGE_TAIL.matcher(text).region(s.end, Math.min(text.length(), s.end + 7));
            if (!m.lookingAt() || FUZZY_STOP.contains(m.group())) continue;
            String stem = m.group().substring(0, m.group().length() - (m.group().endsWith("村") ? 1 : 2));
            if (isCommonWord(stem)) continue; // 宁城县建立村干部…: 建立 is a verb
            int b = m.start(), e = m.end();
            if (slots.stream().anyMatch(o -> o.begin < e && b < o.end)) continue;
            out.add(new Slot(b, e, m.group()));
        }
        return out;
    }

    private static final class Slot {
        final int begin, end;
        final String form;
        List<Region> cands = List.of();
        Region region;
        double conf;
        boolean deictic;
        /** Only short forms (stems) matched: dropped rather than kept unresolved. */
        boolean weak;
        boolean fuzzy;
        /** A non-Han character (or the text edge) on at least one side. */
        boolean boundary;
        /** A non-Han character (or the text edge) right after it: 广州、深圳 in a list. */
        boolean rightBoundary;
        /** A village form of one character and 村 (新村, 任村 of 担任村支书): a village only right after its township or county. */
        boolean needsChain;
        /**
         * A village form whose stem is mainly a verb or adjective (先进村 "advanced village", 打通村组公路,
         * 团结村): resolved through its chain or the article's county, else not a mention.
         */
        boolean phrase;
        /** A unit's kind alone (开发区): resolved through a chain or to the unit of that kind named in full. */
        boolean generic;
        /** Depth of the named region that decided it (see support), 9 for a chain. */
        int support = -1;

        Slot(int begin, int end, String form) {
            this.begin = begin;
            this.end = end;
            this.form = form;
        }
    }

    private static boolean isDeictic(String f) {
        return PROVINCE_DEICTIC_AR.contains(f) || PROVINCE_DEICTIC_P.contains(f) || CITY_DEICTIC.contains(f)
                || BANNER_DEICTIC.contains(f) || COUNTY_DEICTIC.contains(f);
    }

    /**
     * Adds the village and community names of the province tables ({@link Gazetteer#villages}) to
     * the matches, only of the provinces in play: the whole text is searched for the villages of the
     * paper's province and of every province that a county or township name of the text pins down
     * (长沙县: Hunan alone); a county or township name found in several provinces (新城区, 城关镇)
     * opens theirs only right after it, for a written chain (城关镇和平村). A village resolves only
     * inside a county or township the text gives, and an unresolved name is kept only if the paper's
     * province has it, so other provinces' villages could not be mentions. Forms are looked up where
     * the text has a character a village form can end with (村, 区 of 社区, 查 of 嘎查, 会 of 村委会 …),
     * so the cost grows with those characters and the provinces in play, not with the 618,133 rows.
     */
    private List<Slot> withVillages(String text, Region province, List<Slot> found) {
        java.util.Set<String> known = gazetteer.villageProvinces();
        if (known.isEmpty()) return found;
        java.util.Set<String> whole = new java.util.TreeSet<>();
        if (province != null) whole.add(province.code().substring(0, 2));
        Map<Slot, java.util.Set<String>> chainOnly = new LinkedHashMap<>();
        for (Slot s : found) {
            java.util.Set<String> ps = new java.util.TreeSet<>();
            for (Region c : s.cands) {
                if (c.level() == Region.Level.COUNTY || c.level() == Region.Level.TOWNSHIP) ps.add(c.code().substring(0, 2));
            }
            ps.retainAll(known);
            if (ps.size() == 1 && !s.weak) whole.addAll(ps);
            else if (!ps.isEmpty()) chainOnly.put(s, ps);
        }
        whole.retainAll(known);
        Map<Long, Slot> bySpan = new HashMap<>();
        for (Slot s : found) bySpan.put(((long) s.begin << 32) | s.end, s);
        List<Slot> out = new ArrayList<>(found);
        List<Region> cands = new ArrayList<>();
        List<VillageTable> tables = new ArrayList<>();
        int maxLength = 0;
        for (String p : whole) {
            VillageTable t = gazetteer.table(p);
            tables.add(t);
            maxLength = Math.max(maxLength, t.maxFormLength);
        }
        if (!tables.isEmpty()) {
            for (int i = 1; i < text.length(); i++) {
                char c = text.charAt(i);
                boolean anchor = false;
                for (VillageTable t : tables) anchor |= t.anchors.get(c);
                if (!anchor) continue;
                for (int len = 2; len <= maxLength && len <= i + 1; len++) {
                    int b = i + 1 - len;
                    if (!Character.isLetterOrDigit(text.charAt(b))) break;
                    villageSpan(text, b, i + 1, tables, cands, bySpan, out);
                }
            }
        }
        if (!tables.isEmpty()) numberedVillages(text, tables, cands, bySpan, out);
        for (var e : chainOnly.entrySet()) {
            List<VillageTable> ts = new ArrayList<>();
            int max = 0;
            for (String p : e.getValue()) {
                if (whole.contains(p)) continue;
                VillageTable t = gazetteer.table(p);
                ts.add(t);
                max = Math.max(max, t.maxFormLength);
            }
            int b = e.getKey().end;
            for (int end = b + 2; end <= Math.min(text.length(), b + max); end++) {
                if (!Character.isLetterOrDigit(text.charAt(end - 1))) break;
                char c = text.charAt(end - 1);
                boolean anchor = false;
                for (VillageTable t : ts) anchor |= t.anchors.get(c);
                if (anchor) villageSpan(text, b, end, ts, cands, bySpan, out);
            }
        }
        return out;
    }

    private static final Pattern VILLAGE_NUMBER = Pattern.compile("[（(][0-9０-９]{1,3}[）)]村");

    /**
     * 其干布拉克（9）村: a village written with its number before 村, as Xinjiang's are; the longest
     * name before the number that the tables have as a village.
     */
    private void numberedVillages(String text, List<VillageTable> tables, List<Region> cands,
                                  Map<Long, Slot> bySpan, List<Slot> out) {
        // every match ends with ）村 or )村: a text without either has none
        if (!text.contains("）村") && !text.contains(")村")) return;
        Matcher m = VILLAGE_NUMBER.matcher(text);
        while (m.find()) {
            for (int len = Math.min(8, m.start()); len >= 2; len--) {
                int b = m.start() - len;
                if (!allHan(text, b, m.start())) continue;
                cands.clear();
                String key = VillageTable.key(text.substring(b, m.start()) + "村");
                for (VillageTable t : tables) t.find(key, cands);
                if (cands.isEmpty()) continue;
                Slot slot = new Slot(b, m.end(), text.substring(b, m.end()));
                slot.cands = new ArrayList<>(cands);
                slot.boundary = slot.rightBoundary = m.end() == text.length() || !isHan(text.charAt(m.end()));
                bySpan.put(((long) b << 32) | m.end(), slot);
                out.add(slot);
                break;
            }
        }
    }

    /** The villages of {@code tables} that text[b, e) names, merged into the slot of that span. */
    private void villageSpan(String text, int b, int e, List<VillageTable> tables, List<Region> cands,
                             Map<Long, Slot> bySpan, List<Slot> out) {
        boolean opens = false;
        for (VillageTable t : tables) opens |= t.firsts.get(text.charAt(b));
        if (!opens) return;
        String key = VillageTable.key(text.substring(b, e));
        cands.clear();
        for (VillageTable t : tables) t.find(key, cands);
        if (cands.isEmpty()) return;
        long span = ((long) b << 32) | e;
        Slot slot = bySpan.get(span);
        boolean isNew = slot == null;
        if (isNew) {
            slot = new Slot(b, e, text.substring(b, e));
            slot.rightBoundary = e == text.length() || !isHan(text.charAt(e));
            slot.boundary = (b == 0 || !isHan(text.charAt(b - 1))) || slot.rightBoundary;
            bySpan.put(span, slot);
        }
        boolean weakBefore = isNew || slot.weak;
        List<Region> all = new ArrayList<>(slot.cands);
        for (Region r : admissible(text, slot, cands)) if (!all.contains(r)) all.add(r);
        slot.cands = all;
        slot.weak &= weakBefore;
        if (isNew && !all.isEmpty()) out.add(slot);
    }

    /** Candidates for a matched form, minus readings the surrounding characters rule out. */
    private List<Region> admissible(String text, Slot slot, List<Region> regions) {
        List<Region> out = new ArrayList<>();
        boolean allStems = true;
        char next = slot.end < text.length() ? text.charAt(slot.end) : ' ';
        for (Region r : regions) {
            boolean full = slot.form.equals(r.name()) || slot.form.equals(r.commonName());
            boolean stem = !full && (slot.form.equals(NameForms.stem(r))
                    || r.level() == Region.Level.COUNTY && r.name().equals(slot.form + "区"));
            if (stem && LEVEL_CHARS.indexOf(next) >= 0) continue; // 丰镇镇, 兴安盟 read as 兴安+盟
            if (!stem) allStems = false;
            out.add(r);
        }
        slot.weak = allStems;
        return out;
    }

    /** 恩和哈达边境派出所 → 恩和哈达镇: township stems only before the name of a local institution. */
    private List<Slot> institutionTownships(String text, List<Slot> taken) {
        List<Slot> out = new ArrayList<>();
        boolean any = false;
        for (String w : INSTITUTION_WORDS) any |= text.contains(w);
        if (!any) return out;
        Matcher m = TOWNSHIP_INSTITUTION.matcher(text);
        while (m.find()) {
            int end = m.start();
            if (taken.stream().anyMatch(s -> !s.weak && (s.end == end || (s.begin < end && end < s.end)))) continue;
            // three characters at least: 哈达 of 呼和哈达派出所 is not 哈达街道
            for (int len = 5; len >= 3; len--) {
                int begin = end - len;
                if (begin < 0 || !allHan(text, begin, end)) continue;
                String stem = text.substring(begin, end);
                if (taken.stream().anyMatch(s -> !s.weak && s.begin < end && begin < s.end)) continue;
                List<Region> cands = new ArrayList<>();
                for (String suffix : NameForms.TOWNSHIP_SUFFIXES) {
                    for (Region r : gazetteer.lookup(stem + suffix)) {
                        if (r.level() == Region.Level.TOWNSHIP) cands.add(r);
                    }
                }
                if (!cands.isEmpty()) {
                    Slot s = new Slot(begin, end, stem);
                    s.cands = cands;
                    s.weak = true;
                    out.add(s);
                    break;
                }
            }
        }
        return out;
    }

    /** Characters a place name does not run back over: prepositions, conjunctions, level words. */
    private static final String NAME_START = "在到赴由从和与及向往至对把将被给为是的了即或并同跟暨经自省市县区旗盟州镇乡村里";

    /**
     * 由九溪江乡桐林村: a township that only the province vouches for (溪江乡 of another county) right
     * after a character that may be the start of its name is the tail of a longer name the tables
     * lack (a township merged away): kept as written from that character, unresolved.
     */
    private static List<Slot> cutShort(String text, List<Slot> slots) {
        List<Slot> out = new ArrayList<>(slots.size());
        for (Slot s : slots) {
            if (s.region != null && s.region.level() == Region.Level.TOWNSHIP && s.support == 0 && !s.fuzzy
                    && s.begin > 0 && isHan(text.charAt(s.begin - 1)) && NAME_START.indexOf(text.charAt(s.begin - 1)) < 0
                    && (s.begin < 2 || !isHan(text.charAt(s.begin - 2)) || NAME_START.indexOf(text.charAt(s.begin - 2)) >= 0)
                    && out.stream().noneMatch(o -> o.end > s.begin - 1)) {
                out.add(new Slot(s.begin - 1, s.end, text.substring(s.begin - 1, s.end)));
                continue;
            }
            out.add(s);
        }
        return out;
    }

    /** One pass over unresolved slots; true if anything was resolved. */
    private boolean resolveRound(List<Slot> slots, Region province) {
        boolean changed = false;
        List<Region> context = new ArrayList<>();
        for (Slot s : slots) if (s.region != null) context.add(s.region);
        // a written chain decides both ends at once: of 新城区's readings only one has a 保全庄村
        for (int i = 0; i + 1 < slots.size(); i++) {
            Slot a = slots.get(i), b = slots.get(i + 1);
            if (a.region != null || a.deictic || b.deictic || a.end != b.begin) continue;
            Region pa = null, pb = null;
            int pairs = 0;
            for (Region ca : a.cands) {
                for (Region cb : b.region != null ? List.of(b.region) : b.cands) {
                    if (properlyWithin(cb, ca)) {
                        pairs++;
                        pa = ca;
                        pb = cb;
                    }
                }
            }
            // a bare stem (卓资十八台镇) counts when what follows is a full name
            if (pairs == 1 && !(a.weak && b.weak)) {
                a.support = 9;
                set(a, pa, 0.9);
                context.add(pa);
                if (b.region == null) {
                    b.support = 9;
                    set(b, pb, b.fuzzy ? 0.5 : 0.9);
                    context.add(pb);
                }
                changed = true;
            }
        }
        Slot previous = null;
        for (Slot s : slots) {
            if (s.region == null && !s.deictic) {
                Slot chainParent = previous != null && previous.region != null && previous.end == s.begin ? previous : null;
                if (resolve(s, chainParent == null ? null : chainParent.region, context, province)) {
                    context.add(s.region);
                    changed = true;
                }
            }
            previous = s;
        }
        return changed;
    }

    /**
     * Picks the candidate best supported by context: inside the region written just before it
     * (chain), else inside the most specific region the text names elsewhere, else inside the
     * paper's province. Townships and villages need a named county/township around them (or,
     * for townships, to be the only one of that name in the province); ties stay unresolved.
     */
    private boolean resolve(Slot s, Region chainParent, List<Region> context, Region province) {
        if (s.needsChain && chainParent == null) return false;
        if (chainParent != null) {
            List<Region> inChain = s.cands.stream().filter(c -> properlyWithin(c, chainParent)).toList();
            Region pick = preferAdministrative(inChain);
            if (pick != null) {
                s.support = 9;
                return set(s, pick, s.fuzzy ? 0.5 : 0.95);
            }
        }
        int best = -1;
        List<Region> bestCands = new ArrayList<>();
        for (Region c : s.weak ? withoutNamesakeParts(s.cands) : s.cands) {
            int support = support(c, context, province);
            if (support > best) {
                best = support;
                bestCands.clear();
            }
            if (support == best) bestCands.add(c);
        }
        Region pick = preferAdministrative(bestCands);
        if (pick == null && best <= 0) pick = highestLevel(bestCands);
        if (pick == null) return false;
        int depth = depth(pick.level());
        // support is the depth of the deepest named ancestor: 0 province, 1 prefecture, 2 county, 3 township
        boolean isStem = s.weak;
        // outside the paper's province only full names of provinces/prefectures, or what the text's regions vouch for
        if (province != null && best < 0 && !foreignOk(s, pick, bestCands)) return false;
        // Hong Kong, Macao and Taiwan below the province only where the text names what they lie in
        if (!pick.official() && best < 0) return false;
        switch (pick.level()) {
            case VILLAGE -> { if (best < 2) return false; }
            case TOWNSHIP -> {
                // the only one of its name in the paper's own province; elsewhere a named city/county is needed
                if (best < 1 && !(best == 0 && bestCands.size() == 1 && province != null && gazetteer.within(pick, province))) return false;
                if (s.weak && best < 1) return false;
            }
            case COUNTY -> {
                // 兴和 may be the tail of 振兴和: a bare county stem needs the county named in full,
                // or its city (a municipality: the province) named and the stem set off by
                // punctuation or being 3+ characters
                Region parent = gazetteer.parent(pick);
                int parentDepth = parent == null ? 1 : depth(parent.level());
                if (isStem && !context.contains(pick) && !(best >= parentDepth && (s.form.length() >= 3 || s.boundary))) return false;
            }
            case PREFECTURE -> { if (isStem && best < 0 && !s.boundary && s.form.length() < 3) return false; }
            default -> { }
        }
        s.support = best;
        double conf = s.fuzzy ? 0.5 : best >= depth - 1 && best >= 1 ? 0.85 : best == 0 ? 0.7 : 0.6;
        if (pick.level() == Region.Level.PROVINCE && !s.fuzzy) conf = s.form.equals(pick.name()) ? 0.95 : 0.85;
        if (!s.fuzzy && bestCands.size() == 1 && s.form.equals(pick.name()) && best >= 0) conf = Math.max(conf, 0.9);
        return set(s, pick, conf);
    }

    /**
     * A region outside the paper's province that no named region vouches for: provinces (北京,
     * 辽宁), prefectures in full (深圳市) or as a stem followed by punctuation (远销广州、深圳 but not
     * 马鞍山脚下), and counties whose full name is unique nationally and not a generic district
     * name (汶川县 yes; 平房区, 新城区 no).
     */
    private static boolean foreignOk(Slot s, Region pick, List<Region> tied) {
        boolean full = s.form.equals(pick.name());
        return switch (pick.level()) {
            case PROVINCE -> true;
            case PREFECTURE -> full || s.rightBoundary; // 朝阳产业 (sunrise industry) is not 朝阳市
            case COUNTY -> full && s.cands.size() == 1 && !pick.statistical() && s.form.length() >= 3
                    && (pick.name().endsWith("县") || pick.name().endsWith("市") || pick.name().endsWith("旗"));
            default -> false;
        };
    }

    private static boolean set(Slot s, Region r, double conf) {
        s.region = r;
        s.conf = conf;
        return true;
    }

    /** Depth of the deepest region of the context (or the province) that strictly contains c; -1 if none. */
    private int support(Region c, List<Region> context, Region province) {
        int best = province != null && (properlyWithin(c, province) || c.equals(province)) ? 0 : -1;
        for (Region x : context) {
            if (x.level().ordinal() < c.level().ordinal() && properlyWithin(c, x)) best = Math.max(best, depth(x.level()));
        }
        return best;
    }

    /**
     * A bare name shared by a division and a part of it (新乡 of 新乡市 and 新乡县, 长沙, 喀什) is the
     * division: news writes the part in full.
     */
    private List<Region> withoutNamesakeParts(List<Region> cands) {
        if (cands.size() < 2) return cands;
        List<Region> out = new ArrayList<>(cands.size());
        for (Region c : cands) {
            if (cands.stream().noneMatch(a -> properlyWithin(c, a))) out.add(c);
        }
        return out;
    }

    private static int depth(Region.Level l) {
        return l.ordinal();
    }

    private boolean properlyWithin(Region c, Region ancestor) {
        return !c.code().equals(ancestor.code()) && gazetteer.within(c, ancestor);
    }

    /** The only candidate, or the only administrative one among statistical units; else null. */
    private static Region preferAdministrative(List<Region> cands) {
        if (cands.size() == 1) return cands.get(0);
        List<Region> admin = cands.stream().filter(r -> !r.statistical()).toList();
        return admin.size() == 1 ? admin.get(0) : null;
    }

    /** 吉林 is the province before the city: a lone highest-level reading wins when nothing else decides. */
    private static Region highestLevel(List<Region> cands) {
        if (cands.isEmpty()) return null;
        int top = cands.stream().mapToInt(r -> r.level().ordinal()).min().getAsInt();
        if (top > Region.Level.PREFECTURE.ordinal()) return null;
        List<Region> tops = cands.stream().filter(r -> r.level().ordinal() == top).toList();
        return tops.size() == 1 ? tops.get(0) : null;
    }

    /**
     * Misprinted townships and villages (音德镇 for 音德尔镇, 当都忽洞苏木 for 当郎忽洞苏木): only
     * townships of a county the text names and villages of a township it names, at edit distance
     * 1, same suffix, never changing the first character (the left edge of the written name is
     * unknown, so that would be a different word).
     */
    private List<Slot> misprints(String text, List<Slot> slots) {
        // all children compete (万沟村 is one edit from both 万家沟村 and 万庆村: ambiguous), but
        // only names long enough to carry a misprint are proposed
        Map<String, Region> targets = new LinkedHashMap<>();
        for (Slot s : slots) {
            if (s.region == null || s.fuzzy && s.region.level() == Region.Level.VILLAGE) continue;
            if (s.region.level() == Region.Level.COUNTY || s.region.level() == Region.Level.TOWNSHIP) {
                for (Region c : gazetteer.children(s.region)) targets.putIfAbsent(c.commonName(), c);
            }
        }
        Map<String, Slot> found = new HashMap<>();
        Map<String, Boolean> ambiguous = new HashMap<>();
        // where each suffix occurs, found once per call instead of once per target name
        Map<String, int[]> suffixAt = new HashMap<>();
        for (Map.Entry<String, Region> e : targets.entrySet()) {
            String name = e.getKey();
            String suffix = suffixOf(name);
            if (suffix == null) continue;
            for (int at : suffixAt.computeIfAbsent(suffix, x -> occurrences(text, x))) {
                int end = at + suffix.length();
                for (int len = name.length() - 1; len <= name.length() + 1; len++) {
                    int begin = end - len;
                    if (begin < 0 || len <= suffix.length() + 1) continue;
                    // the cheap tests first, on the text itself: most (suffix, target) pairs fail them
                    if (len != name.length() - 1 && text.charAt(begin) != name.charAt(0)) continue;
                    if (!oneEdit(text, begin, end, name) || !allHan(text, begin, end)) continue;
                    String w = text.substring(begin, end);
                    if (FUZZY_STOP.contains(w)) continue;
                    int b = begin;
                    if (slots.stream().anyMatch(s -> !replaceable(s) && s.begin < end && b < s.end)) continue;
                    // inside an exact match (水沟镇 in 风水沟镇) it is not a misprint
                    if (slots.stream().anyMatch(s -> !s.fuzzy && !s.deictic && s.begin <= b && end <= s.end)) continue;
                    // a two-character stem differing in one place is weak: 建立社区 is not 建筑社区
                    String wStem = w.substring(0, w.length() - suffix.length());
                    if (name.length() - suffix.length() <= 2 && isCommonWord(wStem)) continue;
                    String key = b + ":" + end;
                    Slot prev = found.get(key);
                    if (prev != null && !prev.cands.get(0).code().equals(e.getValue().code())) ambiguous.put(key, true);
                    int minLength = e.getValue().level() == Region.Level.VILLAGE ? 4 : 3;
                    if (name.length() < minLength) { ambiguous.put(key, true); continue; }
                    Slot f = new Slot(b, end, w);
                    f.cands = List.of(e.getValue());
                    f.fuzzy = true;
                    found.put(key, f);
                }
            }
        }
        // per position: the longest target name wins (东西城街道 for 林东西城街道 over 西城街道 for
        // 西园街道: more characters agree); equal lengths from different targets are a tie
        List<Slot> cands = new ArrayList<>();
        for (Map.Entry<String, Slot> e : found.entrySet()) if (!ambiguous.containsKey(e.getKey())) cands.add(e.getValue());
        cands.sort(Comparator.<Slot>comparingInt(f -> -targetLength(f)).thenComparingInt(f -> f.end - f.begin));
        List<Slot> out = new ArrayList<>();
        for (Slot f : cands) {
            List<Slot> clash = cands.stream().filter(o -> o != f && o.begin < f.end && f.begin < o.end).toList();
            boolean tie = clash.stream().anyMatch(o -> targetLength(o) == targetLength(f) && !o.cands.get(0).equals(f.cands.get(0)));
            if (tie) continue;
            if (out.stream().noneMatch(o -> o.begin < f.end && f.begin < o.end)) out.add(f);
        }
        return out;
    }

    /** 和平村 → 和平, 山丹社区 → 山丹, 苏荣贵嘎查 → 苏荣贵; null for other forms (…生活区). */
    static String villageStem(String form) {
        return form.endsWith("村") ? form.substring(0, form.length() - 1)
                : form.endsWith("社区") || form.endsWith("嘎查") ? form.substring(0, form.length() - 2) : null;
    }

    /** Most often a verb, adjective, adverb … in HanLP's core dictionary (先进 a, 打通 v; not 和平 n, 光明 n). */
    private static boolean isMainlyCommonWord(String w) {
        com.hankcs.hanlp.dictionary.CoreDictionary.Attribute a = com.hankcs.hanlp.dictionary.CoreDictionary.get(w);
        return a != null && a.nature.length > 0 && "vadrpcmqtfu".indexOf(a.nature[0].toString().charAt(0)) >= 0;
    }

    private static int targetLength(Slot f) {
        return f.cands.get(0).commonName().length();
    }

    /** A verb, adjective etc. in HanLP's core dictionary (loaded lazily, only for short misprint stems). */
    private static boolean isCommonWord(String w) {
        com.hankcs.hanlp.dictionary.CoreDictionary.Attribute a = com.hankcs.hanlp.dictionary.CoreDictionary.get(w);
        if (a == null) return false;
        for (com.hankcs.hanlp.corpus.tag.Nature n : a.nature) {
            if ("vadrpcmqtfu".indexOf(n.toString().charAt(0)) >= 0) return true;
        }
        return false;
    }

    /**
     * A slot a misprint reading inside a named county may override: unresolved, or a township or
     * village that only the city or province vouched for (西城街道 of another county inside
     * 东西城街道 of 巴林左旗).
     */
    private static boolean replaceable(Slot s) {
        if (s.deictic) return false;
        if (s.region == null) return true;
        return !s.fuzzy && s.support < 2 && s.region.level().ordinal() >= Region.Level.TOWNSHIP.ordinal();
    }

    /** Every index where {@code s} occurs in {@code text}, ascending, overlapping occurrences included. */
    private static int[] occurrences(String text, String s) {
        int[] out = new int[8];
        int n = 0;
        for (int at = text.indexOf(s); at >= 0; at = text.indexOf(s, at + 1)) {
            if (n == out.length) out = java.util.Arrays.copyOf(out, n * 2);
            out[n++] = at;
        }
        return java.util.Arrays.copyOf(out, n);
    }

    private static String suffixOf(String name) {
        for (String s : new String[] {"街道", "苏木", "嘎查", "社区", "镇", "乡", "村"}) if (name.endsWith(s)) return s;
        return null;
    }

    /** Levenshtein distance exactly 1 (one substitution, insertion or deletion). */
    static boolean oneEdit(String a, String b) {
        return oneEdit(a, 0, a.length(), b);
    }

    /** {@link #oneEdit(String, String)} of text[begin, end) and {@code b}, without cutting the text. */
    static boolean oneEdit(String text, int begin, int end, String b) {
        int la = end - begin, lb = b.length();
        if (Math.abs(la - lb) > 1) return false;
        // walk the shorter as a, the longer as b, as oneEdit does after its swap
        boolean swap = la > lb;
        int na = swap ? lb : la, nb = swap ? la : lb;
        int i = 0, j = 0, edits = 0;
        while (i < na && j < nb) {
            char ca = swap ? b.charAt(i) : text.charAt(begin + i), cb = swap ? text.charAt(begin + j) : b.charAt(j);
            if (ca == cb) { i++; j++; continue; }
            if (++edits > 1) return false;
            if (na == nb) i++;
            j++;
        }
        edits += (nb - j) + (na - i);
        return edits == 1;
    }

    private static boolean allHan(String text, int begin, int end) {
        for (int i = begin; i < end; i++) {
            if (!isHan(text.charAt(i))) return false;
        }
        return true;
    }

    /** 自治区/全区 → the paper's province; 全市/该市 → the paper's or the text's city; 全旗/该县 → the county. */
    private void resolveDeictics(List<Slot> slots, Region province, Region homeCity) {
        for (int i = 0; i < slots.size(); i++) {
            Slot s = slots.get(i);
            if (!s.deictic) continue;
            if (province != null && PROVINCE_DEICTIC_AR.contains(s.form) && province.name().endsWith("自治区")) {
                set(s, province, 0.6);
            } else if (province != null && PROVINCE_DEICTIC_P.contains(s.form) && province.name().endsWith("省")) {
                set(s, province, 0.6);
            } else if (CITY_DEICTIC.contains(s.form)) {
                // 该市 is the last city named, which may be a county-level one (丰镇市)
                Region city = s.form.equals("该市") ? nearestBefore(slots, i, null, "市") : null;
                if (city == null) city = homeCity != null ? homeCity : textCity(slots);
                if (city != null) set(s, city, 0.6);
            } else if (BANNER_DEICTIC.contains(s.form) || COUNTY_DEICTIC.contains(s.form)) {
                String suffix = BANNER_DEICTIC.contains(s.form) ? "旗" : "县";
                Region county = nearestBefore(slots, i, Region.Level.COUNTY, suffix);
                if (county != null) set(s, county, 0.6);
            }
        }
    }

    /**
     * A unit named by its kind alone (开发区, 高新区) is the one unit of that kind the text names in
     * full (扬州经济技术开发区 … 开发区), the nearest before it if several, else unresolved.
     */
    private static void resolveKinds(List<Slot> slots) {
        for (int i = 0; i < slots.size(); i++) {
            Slot s = slots.get(i);
            if (!s.generic || s.region != null) continue;
            Region before = null, after = null;
            boolean twoAfter = false;
            for (int j = 0; j < slots.size(); j++) {
                Slot o = slots.get(j);
                if (o.region == null || o.generic || o.deictic || !o.region.name().endsWith(s.form)
                        || o.region.name().equals(s.form)) continue;
                if (j < i) before = o.region;
                else if (after == null) after = o.region;
                else if (!after.equals(o.region)) twoAfter = true;
            }
            // none before it and two different ones after: undecided
            Region pick = before != null ? before : twoAfter ? null : after;
            if (pick != null) set(s, pick, 0.6);
        }
    }

    private Region nearestBefore(List<Slot> slots, int i, Region.Level level, String suffix) {
        for (int j = i - 1; j >= 0; j--) {
            Region r = slots.get(j).region;
            if (r != null && !slots.get(j).deictic && (level == null || r.level() == level) && r.name().endsWith(suffix)) return r;
        }
        return null;
    }

    /**
     * The city a text's 全市 means: its prefecture, or the county-level city (宁乡市) it names more
     * often than that prefecture (the city's own news).
     */
    private Region textCity(List<Slot> slots) {
        Region prefecture = dominant(slots, Region.Level.PREFECTURE);
        Region county = dominant(slots, Region.Level.COUNTY);
        if (county == null || !county.name().endsWith("市")) return prefecture;
        int ownName = 0, prefectureName = 0;
        for (Slot s : slots) {
            if (s.region == null || s.deictic) continue;
            if (s.region.equals(county)) ownName++;
            if (s.region.equals(prefecture)) prefectureName++;
        }
        return ownName > prefectureName ? county : prefecture;
    }

    /** The prefecture that a clear majority of the resolved non-province mentions lie in. */
    private Region dominant(List<Slot> slots, Region.Level level) {
        Map<String, Integer> counts = new HashMap<>();
        int total = 0;
        for (Slot s : slots) {
            if (s.region == null || s.deictic || s.region.level().ordinal() < level.ordinal()) continue;
            total++;
            for (Region r : gazetteer.chain(s.region)) {
                if (r.level() == level) counts.merge(r.code(), 1, Integer::sum);
            }
        }
        if (total == 0) return null;
        final int all = total;
        return counts.entrySet().stream().filter(e -> e.getValue() * 2 > all)
                .map(e -> gazetteer.byCode(e.getKey())).findFirst().orElse(null);
    }

    /** Every occurrence of a known form (or deictic word), overlapping ones included. */
    /**
     * Cheap vote for the province a text is about: forms of three or more characters that name
     * prefectures or counties of a single province, without the context resolution of
     * {@link #link}. Returns province code → votes.
     */
    public Map<String, Integer> provinceVotes(String text) {
        return provinceVotes(text, 3);
    }

    /** As {@link #provinceVotes(String)}, counting forms of {@code minLength} or more characters (萧山, 杭州: 2). */
    public Map<String, Integer> provinceVotes(String text, int minLength) {
        Map<String, Integer> votes = new HashMap<>();
        // the voting forms among allMatches' hits, in its order, from minLength on
        for (int i = 0; i + 1 < text.length(); i++) {
            if (!votePrefixes.mayHold(text.charAt(i), text.charAt(i + 1))) continue;
            int at = votePrefixes.find(prefix(text, i));
            if (at < 0) continue;
            int lengths = votePrefixes.lengths[at];
            for (int len = Math.max(2, minLength), top = Math.min(votePrefixes.max[at], text.length() - i); len <= top; len++) {
                if (len < 31 && (lengths & (1 << len)) == 0) continue;
                String p = votingForms.get(text.substring(i, i + len));
                if (p != null) votes.merge(p, 1, Integer::sum);
            }
        }
        return votes;
    }

    /** The province a form votes for: the one every mainland prefecture or county it names lies in; or null. */
    private String voteOf(List<Region> named) {
        String province = null;
        boolean single = true;
        for (Region r : named) {
            // a mainland paper's news of Taiwan (南投县, 屏东县) is still the paper's province's news
            if (r.level() != Region.Level.PREFECTURE && r.level() != Region.Level.COUNTY || !r.mainland()) continue;
            Region p = gazetteer.province(r);
            if (p == null) continue;
            if (province != null && !province.equals(p.code())) single = false;
            province = p.code();
        }
        return single ? province : null;
    }

    private List<int[]> allMatches(String text) {
        List<int[]> hits = new ArrayList<>();
        for (int i = 0; i + 1 < text.length(); i++) {
            if (!prefixes.mayHold(text.charAt(i), text.charAt(i + 1))) continue;
            int at = prefixes.find(prefix(text, i));
            if (at < 0) continue;
            int lengths = prefixes.lengths[at];
            for (int len = 2, top = Math.min(prefixes.max[at], text.length() - i); len <= top; len++) {
                if (len < 31 && (lengths & (1 << len)) == 0) continue;
                String sub = text.substring(i, i + len);
                if (!gazetteer.lookup(sub).isEmpty() || isDeictic(sub)) hits.add(new int[] {i, i + len});
            }
        }
        return hits;
    }

    /**
     * Non-overlapping matches, longest first (和林格尔县 beats the stem 兴和 in 振兴和林格尔县),
     * then leftmost.
     */
    private static List<Slot> longestFirst(List<Slot> found) {
        found.sort(Comparator.<Slot>comparingInt(h -> -(h.end - h.begin)).thenComparingInt(h -> h.weak ? 1 : 0)
                .thenComparingInt(h -> h.begin));
        List<Slot> out = new ArrayList<>();
        boolean[] taken = new boolean[found.stream().mapToInt(h -> h.end).max().orElse(0) + 1];
        for (Slot h : found) {
            boolean free = true;
            for (int i = h.begin; i < h.end && free; i++) free = !taken[i];
            if (!free) continue;
            for (int i = h.begin; i < h.end; i++) taken[i] = true;
            out.add(h);
        }
        out.sort(Comparator.comparingInt(h -> h.begin));
        return out;
    }

    private static boolean isHan(char c) {
        return io.newskg.model.Han.is(c);
    }
}
