package io.newskg.eval;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * A folder of gold JSON files and the pages they annotate. The named sets are the project's
 * copies under {@code eval/} (see eval/README.md), paths relative to the project folder.
 */
public record GoldSet(String name, Path gold, List<Path> texts) {
    public static final GoldSet SEEDS = new GoldSet("seeds", Path.of("eval", "seeds"), List.of(Path.of("seeds")));
    public static final GoldSet DEV = new GoldSet("dev", Path.of("eval", "dev", "gold"), List.of(Path.of("eval", "dev", "texts")));

    /** The named sets in report order; {@code all} means every one of them. */
    public static final Map<String, GoldSet> NAMED = named();

    private static Map<String, GoldSet> named() {
        Map<String, GoldSet> m = new LinkedHashMap<>();
        m.put(SEEDS.name(), SEEDS);
        m.put(DEV.name(), DEV);
        return java.util.Collections.unmodifiableMap(m);
    }

    /**
     * A gold folder given by path, paired with its pages: those given, else a {@code texts/}
     * folder beside the gold folder (the dev layout), else {@code seeds/}.
     */
    public static GoldSet ofFolder(Path gold, List<Path> pages) {
        if (pages != null && !pages.isEmpty()) return new GoldSet(gold.toString(), gold, List.copyOf(pages));
        Path abs = gold.toAbsolutePath().normalize();
        Path beside = abs.getParent() == null ? null : abs.resolveSibling("texts");
        if (beside != null && Files.isDirectory(beside)) return new GoldSet(gold.toString(), gold, List.of(beside));
        return new GoldSet(gold.toString(), gold, List.of(SEEDS.texts().get(0)));
    }

    /** The gold file of a page, named after it ({@code X.txt} → {@code X.json}). */
    public Path goldOf(Path page) {
        return gold.resolve(page.getFileName().toString().replaceFirst("\\.txt$", "") + ".json");
    }
}
