package io.newskg.extract;

import io.newskg.nlp.NameSpan;
import io.newskg.nlp.PersonNames;
import io.newskg.nlp.Token;

import java.util.ArrayList;
import java.util.List;
import java.util.function.Predicate;

/**
 * A second name model beside HanLP's: HanLP cuts three-character names short (郑朝/强拉) and
 * takes word and place pieces for names (都爱听, 黄集镇). The second model's names repair HanLP's
 * cuts, and a name HanLP alone proposes needs other evidence. The model is asked only about
 * sentences where it can change an answer: those with a person candidate or a title.
 */
final class SecondOpinion {
    /** The sentence's tokens with cut names joined, and the second model's names (sentence offsets). */
    record Reading(List<Token> tokens, List<NameSpan> names) {
        /** Whether the second model has a name overlapping [begin, end). */
        boolean confirms(int begin, int end) {
            for (NameSpan n : names) if (n.begin() < end && begin < n.end()) return true;
            return false;
        }
    }

    private SecondOpinion() {}

    static Reading read(String text, List<Token> tokens, PersonNames model, Predicate<Token> title) {
        boolean asked = false;
        for (Token t : tokens) if (t.isPerson() || title.test(t)) asked = true;
        if (!asked) return new Reading(tokens, List.of());
        List<NameSpan> names = model.find(text);
        return new Reading(joined(tokens, names), names);
    }

    /**
     * Joins the tokens a second-model name covers into one person token when HanLP saw a name
     * piece there (郑朝/nr 强拉/nrf → 郑朝强 + 拉) or only single chars (杨/守/亮). A name that ends
     * inside a word HanLP did not take for a name (李腾/荣获) is left as HanLP cut it.
     */
    static List<Token> joined(List<Token> tokens, List<NameSpan> names) {
        if (names.isEmpty()) return tokens;
        List<Token> out = new ArrayList<>(tokens.size());
        int i = 0;
        for (NameSpan n : names) {
            while (i < tokens.size() && tokens.get(i).begin() < n.begin()) out.add(tokens.get(i++));
            if (i >= tokens.size() || tokens.get(i).begin() != n.begin()) continue;
            int z = i;
            while (z < tokens.size() && tokens.get(z).end() < n.end()) z++;
            if (z >= tokens.size() || z == i && tokens.get(z).end() == n.end()) continue;
            Token last = tokens.get(z);
            boolean personPiece = false, singles = true;
            for (int k = i; k <= z; k++) {
                personPiece |= tokens.get(k).isPerson();
                singles &= tokens.get(k).word().length() == 1;
            }
            boolean overhang = last.end() > n.end();
            if (overhang && !last.isPerson() || !personPiece && !singles) continue;
            out.add(new Token(n.name(), "nr", n.begin(), n.end()));
            if (overhang) {
                String rest = last.word().substring(n.end() - last.begin());
                out.add(new Token(rest, rest.length() == 1 ? "x" : "n", n.end(), last.end()));
            }
            i = z + 1;
        }
        while (i < tokens.size()) out.add(tokens.get(i++));
        return out;
    }
}
