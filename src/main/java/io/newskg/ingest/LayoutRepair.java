package io.newskg.ingest;

import io.newskg.model.MappedText;

import java.util.ArrayList;
import java.util.List;

/**
 * Rejoins body paragraphs that the page layout split across blank lines (认真记 / 录,…),
 * leaving paragraphs that really end alone.
 */
final class LayoutRepair {
    private LayoutRepair() {}

    /** Chars after which a paragraph is complete. */
    private static final String FINAL = "。！？!?…”」』)）】》";

    static boolean endsOpen(String s) {
        char last = s.charAt(s.length() - 1);
        return FINAL.indexOf(last) < 0;
    }

    /** Merges a run of body lines into paragraphs. */
    static List<MappedText> paragraphs(List<Line> body) {
        List<MappedText> out = new ArrayList<>();
        MappedText current = null;
        for (Line l : body) {
            if (current != null && endsOpen(current.text()) && current.length() >= LineKind.HEADING_MAX) {
                current = MappedText.join(List.of(current, l.mapped()), "");
            } else {
                if (current != null) out.add(current);
                current = l.mapped();
            }
        }
        if (current != null) out.add(current);
        return out;
    }
}
