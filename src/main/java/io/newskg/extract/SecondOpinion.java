package io.newskg.extract;

import io.newskg.nlp.NameSpan;
import io.newskg.nlp.PersonNames;
import io.newskg.nlp.Token;

import java.util.ArrayList;
import java.util.List;
import java.util.function.Function;
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

        /** Whether the second model reads exactly [begin, end) as a name. */
        boolean reads(int begin, int end) {
            for (NameSpan n : names) if (n.begin() == begin && n.end() == end) return true;
            return false;
        }

        /** The second model's name strictly inside [begin, end) (陆静 of 任陆静), or null. */
        NameSpan inside(int begin, int end) {
            for (NameSpan n : names) {
                if (n.begin() >= begin && n.end() <= end && n.end() - n.begin() < end - begin && n.end() - n.begin() >= 2) return n;
            }
            return null;
        }
    }

    /** Function words the organisation recogniser glues between a name and a body (阴和俊为科学技术部). */
    private static final String GLUE = "为在与和同到向对率带任是说";

    /** Characters read on each side of a candidate. */
    static final int WINDOW = 12;

    private SecondOpinion() {}

    /** The start of the token holding {@code at}. */
    private static int tokenStart(List<Token> tokens, int at) {
        for (Token t : tokens) if (t.end() > at) return Math.min(at, t.begin());
        return at;
    }

    /** The end of the token holding {@code at - 1}. */
    private static int tokenEnd(List<Token> tokens, int at) {
        for (int i = tokens.size() - 1; i >= 0; i--) if (tokens.get(i).begin() < at) return Math.max(at, tokens.get(i).end());
        return at;
    }

    static Reading read(String text, List<Token> tokens, PersonNames model, Predicate<String> title,
                        Predicate<String> surname, Function<String, List<Token>> segmenter) {
        // the model reads only the stretches around a person candidate or a title: names stand
        // next to them, and the model's cost grows with the text it reads
        List<int[]> windows = new ArrayList<>();
        for (Token t : tokens) {
            if (!t.isPerson() && !title.test(t.word())) continue;
            int b = Math.max(0, t.begin() - WINDOW), e = Math.min(text.length(), t.end() + WINDOW);
            // a window starts and ends at a token boundary, so no word is cut in two
            b = tokenStart(tokens, b);
            e = tokenEnd(tokens, e);
            int[] last = windows.isEmpty() ? null : windows.get(windows.size() - 1);
            if (last != null && b <= last[1]) last[1] = Math.max(last[1], e);
            else windows.add(new int[] {b, e});
        }
        if (windows.isEmpty()) return new Reading(tokens, List.of());
        List<NameSpan> names = new ArrayList<>();
        for (int[] w : windows) {
            if (w[0] == 0 && w[1] == text.length()) {
                names.addAll(model.find(text));
                continue;
            }
            for (NameSpan n : model.find(text.substring(w[0], w[1]))) {
                names.add(new NameSpan(n.name(), n.begin() + w[0], n.end() + w[0]));
            }
        }
        return new Reading(joined(text, tokens, names, title, surname, segmenter), names);
    }

    /**
     * Joins the tokens a second-model name covers into one person token when HanLP saw a name
     * piece there (郑朝/nr 强拉/nrf → 郑朝强 + 拉) or only single chars (杨/守/亮). A name that ends
     * inside a word HanLP did not take for a name (李腾/荣获) is left as HanLP cut it.
     */
    static List<Token> joined(String text, List<Token> tokens, List<NameSpan> names, Predicate<String> title,
                              Predicate<String> surname, Function<String, List<Token>> segmenter) {
        if (names.isEmpty()) return tokens;
        List<Token> out = new ArrayList<>(tokens.size());
        int i = 0;
        for (NameSpan n : names) {
            while (i < tokens.size() && tokens.get(i).end() <= n.begin()) out.add(tokens.get(i++));
            if (i >= tokens.size()) break;
            Token first = tokens.get(i);
            if (first.begin() < n.begin()) {
                // 董事/长江/丙/坤: the name starts inside a word whose head completes the title before it
                String head = first.word().substring(0, n.begin() - first.begin());
                Token before = out.isEmpty() ? null : out.get(out.size() - 1);
                if (before == null || before.end() != first.begin() || !title.test(before.word() + head)) continue;
                out.set(out.size() - 1, new Token(before.word() + head, "nnt", before.begin(), n.begin()));
                first = new Token(first.word().substring(head.length()), first.tag(), n.begin(), first.end());
            }
            int z = i;
            while (z < tokens.size() && tokens.get(z).end() < n.end()) z++;
            if (z >= tokens.size()) {
                out.add(first);
                i++;
                continue;
            }
            Token last = z == i ? first : tokens.get(z);
            boolean personPiece = false, singles = true;
            for (int k = i; k <= z; k++) {
                Token t = k == i ? first : tokens.get(k);
                personPiece |= t.isPerson();
                singles &= t.word().length() == 1;
            }
            boolean overhang = last.end() > n.end();
            // 艾力/·/买买提: a name with the middle dot; 钟/海涛, 欧阳/文华: a surname before a word
            if (n.name().indexOf('·') > 0 || surname.test(first.word()) && z - i <= 2 && !overhang) personPiece = true;
            // 阴和俊为科学技术部/nt: the organisation recogniser glued the name to what follows
            boolean glued = overhang && last.tag().startsWith("nt") && GLUE.indexOf(text.charAt(n.end())) >= 0;
            boolean whole = z == i && !overhang && first.word().equals(n.name()) && first.begin() == n.begin();
            if (whole || overhang && !last.isPerson() && !glued || !personPiece && !singles && !glued) {
                out.add(first);
                i++;
                continue;
            }
            out.add(new Token(n.name(), "nr", n.begin(), n.end()));
            if (overhang) {
                String rest = text.substring(n.end(), last.end());
                for (Token r : segmenter.apply(rest)) {
                    out.add(new Token(r.word(), r.tag(), n.end() + r.begin(), n.end() + r.end()));
                }
            }
            i = z + 1;
        }
        while (i < tokens.size()) out.add(tokens.get(i++));
        return out;
    }
}
