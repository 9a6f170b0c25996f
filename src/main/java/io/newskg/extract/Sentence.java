package io.newskg.extract;

import java.util.ArrayList;
import java.util.List;

/** A sentence of an article body: [begin, end) in the body text. */
record Sentence(int begin, int end) {
    private static final String ENDS = "。！？!?；;\n";

    static List<Sentence> split(String text) {
        List<Sentence> out = new ArrayList<>();
        int start = 0;
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (ENDS.indexOf(c) >= 0) {
                int end = i + 1;
                // keep a closing quote with its sentence
                while (end < text.length() && "”’」』)）".indexOf(text.charAt(end)) >= 0) end++;
                if (end > start && !text.substring(start, end).isBlank()) out.add(new Sentence(start, end));
                start = end;
                i = end - 1;
            }
        }
        if (start < text.length() && !text.substring(start).isBlank()) out.add(new Sentence(start, text.length()));
        return out;
    }
}
