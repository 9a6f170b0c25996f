package io.newskg.ingest;

import io.newskg.model.Article;
import io.newskg.model.Byline;
import io.newskg.model.MappedText;
import io.newskg.model.Page;

import java.util.ArrayList;
import java.util.List;

/** Cuts a page into articles: headline block, credits, repaired body. */
public final class ArticleSplitter {

    public List<Article> split(Page page) {
        List<Line> lines = Line.of(page.text());
        List<LineKind> kinds = lines.stream().map(l -> LineKind.of(l.text())).toList();
        List<Integer> starts = new ArrayList<>();
        for (int i = 0; i < lines.size(); i++) {
            if (startsArticle(lines, kinds, i, starts)) starts.add(i);
        }
        if (starts.isEmpty() || starts.get(0) != 0) starts.add(0, 0);
        List<Article> out = new ArrayList<>();
        for (int a = 0; a < starts.size(); a++) {
            int from = starts.get(a), to = a + 1 < starts.size() ? starts.get(a + 1) : lines.size();
            Article art = build(out.size(), lines.subList(from, to), kinds.subList(from, to));
            if (art != null) out.add(art);
        }
        return out;
    }

    private static boolean startsArticle(List<Line> lines, List<LineKind> kinds, int i, List<Integer> starts) {
        LineKind k = kinds.get(i);
        boolean afterStart = !starts.isEmpty() && starts.get(starts.size() - 1) >= i - 2;
        if (k == LineKind.SECTION) return !afterStart || kinds.get(i - 1) != LineKind.SECTION;
        if (k != LineKind.HEADING) return false;
        if (i > 0 && (kinds.get(i - 1) == LineKind.SECTION || kinds.get(i - 1) == LineKind.HEADING
                || kinds.get(i - 1) == LineKind.BYLINE)) return false;
        if (i == 0) return true;
        LineKind prev = kinds.get(i - 1);
        if (prev == LineKind.PHOTO_CREDIT || prev == LineKind.SOURCE) return true;
        if (prev == LineKind.BODY && lines.get(i - 1).text().endsWith("摄")) return true;
        for (int j = i + 1; j < Math.min(lines.size(), i + 3); j++) {
            if (kinds.get(j) == LineKind.BYLINE) return true;
            if (kinds.get(j) != LineKind.HEADING) break;
        }
        return false;
    }

    private static Article build(int index, List<Line> lines, List<LineKind> kinds) {
        List<String> headings = new ArrayList<>();
        List<Byline> bylines = new ArrayList<>();
        List<Line> body = new ArrayList<>();
        boolean inHeader = true;
        for (int i = 0; i < lines.size(); i++) {
            Line l = lines.get(i);
            LineKind k = kinds.get(i);
            if (inHeader && (k == LineKind.HEADING)) {
                headings.add(l.text());
                continue;
            }
            if (k == LineKind.SECTION) continue;
            if (k == LineKind.BYLINE || k == LineKind.PHOTO_CREDIT || k == LineKind.SOURCE) {
                bylines.addAll(BylineParser.parse(l.text(), l.begin()));
                continue;
            }
            inHeader = false;
            if (body.isEmpty() || k == LineKind.BODY && l.text().startsWith("本报讯")) {
                bylines.addAll(BylineParser.parse(firstClause(l.text()), l.begin()));
            }
            if (l.text().endsWith("摄")) {
                int cut = l.text().lastIndexOf('。');
                bylines.addAll(BylineParser.parse(l.text().substring(cut + 1), l.begin() + cut + 1));
            }
            body.add(l);
        }
        if (body.isEmpty()) return null;
        List<MappedText> paragraphs = LayoutRepair.paragraphs(body);
        MappedText text = MappedText.join(paragraphs, "\n");
        String title = headings.isEmpty() ? "" : headings.get(0);
        String subtitle = headings.size() > 1 ? String.join("", headings.subList(1, headings.size())) : null;
        boolean photo = bylines.stream().anyMatch(b -> b.role().equals(Byline.PHOTO)) && paragraphs.size() <= 2;
        return new Article(index, title, subtitle, photo ? "photo" : "news", bylines, text,
                lines.get(0).begin(), lines.get(lines.size() - 1).end());
    }

    private static String firstClause(String s) {
        int p = s.indexOf(')');
        if (p < 0) p = s.indexOf('）');
        return p > 0 && p < 40 ? s.substring(0, p + 1) : "";
    }
}
