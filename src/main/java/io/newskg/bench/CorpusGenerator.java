package io.newskg.bench;

import io.newskg.gazetteer.Gazetteer;
import io.newskg.gazetteer.Region;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A large test corpus made from the project's own pages: each generated page is a seed page
 * whose articles are shuffled, whose personal names (a surname from the lexicon, then one or
 * two chars, found after a title or before 说) are replaced by made-up names and whose county
 * names are swapped for other counties of the same province, so the extractor meets new
 * names and places rather than the same strings again. Deterministic for a given seed.
 */
public final class CorpusGenerator {
    private static final String GIVEN = "国建华明伟志军平文春海永红立新德宏光晓玉英秀兰凤芳丽静敏强勇斌超磊涛鹏飞云峰刚亮";
    private static final Pattern NAME_AFTER_TITLE = Pattern.compile(
            "(书记|部长|主任|处长|局长|县长|旗长|镇长|市长|院长|所长|委员|民警|干事|科长)([\\p{IsHan}]{2,3})(?=[说在、,，。：:表介])");

    private final List<String> seeds;
    private final List<String> counties;
    private final List<String> surnames;
    private final Random random;

    public CorpusGenerator(List<String> seedPages, Gazetteer gazetteer, String provinceCode, List<String> surnames, long seed) {
        this.seeds = seedPages;
        this.surnames = surnames;
        this.random = new Random(seed);
        Region province = gazetteer.byCode(provinceCode);
        List<String> c = new ArrayList<>();
        for (String form : gazetteer.forms()) {
            for (Region r : gazetteer.lookup(form)) {
                if (r.level() == Region.Level.COUNTY && form.equals(r.name()) && province != null
                        && gazetteer.within(r, province) && !c.contains(r.name())) c.add(r.name());
            }
        }
        c.sort(null);
        this.counties = c;
    }

    /** Writes pages until {@code bytes} are written; returns the number of pages. */
    public int write(Path dir, long bytes, java.io.PrintStream progress) throws IOException {
        Files.createDirectories(dir);
        long written = 0;
        int n = 0;
        while (written < bytes) {
            String page = page();
            byte[] b = page.getBytes(StandardCharsets.UTF_8);
            Files.write(dir.resolve(String.format("%06d.txt", n++)), b);
            written += b.length;
            if (n % 500 == 0) progress.printf("corpus: %d pages, %.1f MB%n", n, written / 1e6);
        }
        return n;
    }

    String page() {
        String seed = seeds.get(random.nextInt(seeds.size()));
        // articles are separated by runs of blank lines; shuffle them as a new page layout
        List<String> parts = new ArrayList<>(List.of(seed.split("\n{4,}")));
        java.util.Collections.shuffle(parts, random);
        String page = String.join("\n\n\n\n", parts);
        Map<String, String> names = new LinkedHashMap<>();
        Matcher m = NAME_AFTER_TITLE.matcher(page);
        while (m.find()) names.computeIfAbsent(m.group(2), k -> newName(k.length()));
        for (String county : counties) {
            if (page.contains(county) && !counties.isEmpty()) names.putIfAbsent(county, counties.get(random.nextInt(counties.size())));
        }
        for (Map.Entry<String, String> e : names.entrySet()) page = page.replace(e.getKey(), e.getValue());
        return page;
    }

    private String newName(int length) {
        StringBuilder sb = new StringBuilder(surnames.get(random.nextInt(Math.min(100, surnames.size()))));
        while (sb.length() < length) sb.append(GIVEN.charAt(random.nextInt(GIVEN.length())));
        return sb.toString();
    }
}
