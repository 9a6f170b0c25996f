package io.newskg.ingest;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.newskg.eval.GoldSet;
import io.newskg.model.Article;
import io.newskg.model.Byline;
import io.newskg.model.Page;
import org.junit.jupiter.api.Test;

import java.nio.file.Files;
import java.nio.file.Path;
import java.text.Normalizer;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.stream.Stream;

import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Scores the splitter against the hand-made gold of the seed pages: articles matched by
 * starts_with (NFKC, first 20 chars), bylines by (name, role) inside matched articles.
 * Micro-averaged; byline precision counts every predicted byline, recall every gold one.
 */
class ArticleSplitterGoldTest {
    private static final ObjectMapper JSON = new ObjectMapper();

    /** Floors a little below the measured scores, so that regressions fail. */
    private static final double ARTICLE_F1_FLOOR = 0.96;
    private static final double BYLINE_F1_FLOOR = 0.95;

    static String norm(String s) {
        String t = Normalizer.normalize(s == null ? "" : s, Normalizer.Form.NFKC).strip();
        return t.codePoints().limit(20).collect(StringBuilder::new, StringBuilder::appendCodePoint,
                StringBuilder::append).toString();
    }

    record Prf(int tp, int pred, int gold) {
        double p() { return pred == 0 ? 1 : (double) tp / pred; }
        double r() { return gold == 0 ? 1 : (double) tp / gold; }
        double f() { return p() + r() == 0 ? 0 : 2 * p() * r() / (p() + r()); }
    }

    @Test
    void seedPagesAgainstGold() throws Exception {
        Path seeds = GoldSet.SEEDS.texts().get(0), gold = GoldSet.SEEDS.gold();
        List<Path> pages;
        try (Stream<Path> s = Files.list(seeds)) {
            pages = s.filter(p -> p.toString().endsWith(".txt")).sorted().toList();
        }
        assertTrue(!pages.isEmpty(), "no seed pages in " + seeds);
        int aTp = 0, aPred = 0, aGold = 0, bTp = 0, bPred = 0, bGold = 0;
        ArticleSplitter splitter = new ArticleSplitter();
        PageReader reader = new PageReader();
        for (Path p : pages) {
            String name = p.getFileName().toString();
            Path g = gold.resolve(name.replaceAll("\\.txt$", ".json"));
            assertTrue(Files.exists(g), "no gold file " + g);
            Page page = reader.read(p);
            List<Article> got = splitter.split(page);
            JsonNode want = JSON.readTree(g.toFile()).get("articles");
            aPred += got.size();
            aGold += want.size();
            for (Article a : got) bPred += a.bylines().size();
            Set<Integer> used = new HashSet<>();
            for (JsonNode w : want) {
                bGold += w.get("bylines").size();
                String sw = norm(w.get("starts_with").asText());
                Article match = null;
                for (int i = 0; i < got.size(); i++) {
                    if (!used.contains(i) && norm(got.get(i).startsWith(page.text())).equals(sw)) {
                        match = got.get(i);
                        used.add(i);
                        break;
                    }
                }
                if (match == null) {
                    System.out.printf("  %s MISSED article %s | %s%n", name, w.get("title").asText(), sw);
                    continue;
                }
                aTp++;
                Set<String> wantB = new HashSet<>();
                for (JsonNode b : w.get("bylines")) wantB.add(norm(b.get("name").asText()) + "/" + b.get("role").asText());
                Set<String> gotB = new HashSet<>();
                for (Byline b : match.bylines()) gotB.add(norm(b.name()) + "/" + b.role());
                for (String b : gotB) if (wantB.contains(b)) bTp++;
                if (!gotB.equals(wantB)) System.out.printf("  %s bylines of %s: got %s want %s%n", name, match.title(), gotB, wantB);
                if (!match.kind().equals(w.get("kind").asText()) || !match.title().equals(w.get("title").asText()))
                    System.out.printf("  %s title/kind: got %s [%s] sub=%s want %s [%s] sub=%s%n", name, match.title(), match.kind(),
                            match.subtitle(), w.get("title").asText(), w.get("kind").asText(), w.get("subtitle").asText(null));
            }
            for (int i = 0; i < got.size(); i++) {
                if (!used.contains(i)) System.out.printf("  %s EXTRA article %s | %s%n", name, got.get(i).title(),
                        norm(got.get(i).startsWith(page.text())));
            }
        }
        Prf art = new Prf(aTp, aPred, aGold), byl = new Prf(bTp, bPred, bGold);
        System.out.printf("%-9s %5s %5s %5s %6s %6s %6s%n", "", "tp", "pred", "gold", "P", "R", "F1");
        for (var row : List.of(new Object[] {"articles", art}, new Object[] {"bylines", byl})) {
            Prf x = (Prf) row[1];
            System.out.printf("%-9s %5d %5d %5d %6.3f %6.3f %6.3f%n", row[0], x.tp(), x.pred(), x.gold(), x.p(), x.r(), x.f());
        }
        assertTrue(art.f() >= ARTICLE_F1_FLOOR, "articles F1 " + art.f());
        assertTrue(byl.f() >= BYLINE_F1_FLOOR, "bylines F1 " + byl.f());
    }
}
