package io.newskg.nlp;

import com.hankcs.hanlp.HanLP;
import com.hankcs.hanlp.dictionary.CustomDictionary;
import com.hankcs.hanlp.seg.Segment;
import com.hankcs.hanlp.seg.common.Term;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * HanLP's dictionary segmenter with person, place and organisation recognition. Our
 * lexicons are added to HanLP's custom dictionary once, so titles come out whole as nnt.
 */
public final class HanLpTokenizer implements Tokenizer {
    private static final Object INIT = new Object();
    private static boolean initialised;

    // Segment objects keep per-call state in their configuration only, but one per thread is cheap and safe.
    private final ThreadLocal<Segment> segment = ThreadLocal.withInitial(() -> HanLP.newSegment()
            .enableNameRecognize(true)
            .enablePlaceRecognize(true)
            .enableOrganizationRecognize(true)
            .enableOffset(true));

    /** The same segmenter without organisation recognition, for re-reading what that recognition glued. */
    private final ThreadLocal<Segment> plain = ThreadLocal.withInitial(() -> HanLP.newSegment()
            .enableNameRecognize(true)
            .enablePlaceRecognize(true)
            .enableOffset(true));

    /** Titles (words given as nnt): an organisation HanLP recognises never holds one followed by more text. */
    private final java.util.Set<String> titles = new java.util.HashSet<>();
    private int longestTitle;

    /** @param words extra words and their tags, e.g. titles as nnt */
    public HanLpTokenizer(Map<String, String> words) {
        words.forEach((w, tag) -> {
            if (tag.equals("nnt")) {
                titles.add(w);
                longestTitle = Math.max(longestTitle, w.length());
            }
        });
        synchronized (INIT) {
            if (!initialised) {
                HanLP.Config.ShowTermNature = true;
                words.forEach((w, tag) -> CustomDictionary.insert(w, tag + " 1000"));
                initialised = true;
            }
        }
    }

    @Override
    public List<Token> tokenize(String text) {
        List<Term> terms = segment.get().seg(text);
        List<Token> out = new ArrayList<>(terms.size());
        for (Term t : terms) {
            String tag = t.nature == null ? "x" : t.nature.toString();
            String before = out.isEmpty() ? "" : out.get(out.size() - 1).word();
            if (tag.startsWith("nr") && t.word.length() >= 3 && t.word.endsWith("为") && APPOINTING.contains(before)) {
                // 任命张华为/nr 市长: 为 belongs to the verb, not the name
                int e = t.offset + t.word.length() - 1;
                out.add(new Token(t.word.substring(0, t.word.length() - 1), tag, t.offset, e));
                out.add(new Token("为", "p", e, e + 1));
                continue;
            }
            if (tag.startsWith("nt") && gluedWei(t.word, before, out)) {
                // keep the organisation whole: name (if glued) / 为 / organisation
                int i = t.word.indexOf('为'), b = t.offset;
                if (i > 0) out.add(new Token(t.word.substring(0, i), "nr", b, b + i));
                out.add(new Token("为", "p", b + i, b + i + 1));
                out.add(new Token(t.word.substring(i + 1), tag, b + i + 1, b + t.word.length()));
                continue;
            }
            if (tag.startsWith("nt") && holdsTitle(t.word)) {
                // 省长郭庚茂率团/nt: the recogniser glued a title and a name into one "organisation"
                for (Term p : plain.get().seg(t.word)) {
                    out.add(new Token(p.word, p.nature == null ? "x" : p.nature.toString(),
                            t.offset + p.offset, t.offset + p.offset + p.word.length()));
                }
                continue;
            }
            out.add(new Token(t.word, tag, t.offset, t.offset + t.word.length()));
        }
        return out;
    }

    /** Verbs of 任命X为Y: the 为 after the name opens the post. */
    private static final java.util.Set<String> APPOINTING = java.util.Set.of("任命", "决定任命", "提名", "推荐", "选举", "聘任", "聘请");

    /**
     * 任命赵一鸣 为中共溆浦县委/nt, 任命 王伟为中共溆浦县委/nt: the recogniser glued the 为 of 任命X为Y
     * (and the name) to the organisation.
     */
    private static boolean gluedWei(String word, String before, List<Token> out) {
        int i = word.indexOf('为');
        if (i < 0 || word.length() - i < 4) return false;
        if (i == 0) return out.size() >= 2 && out.get(out.size() - 1).tag().startsWith("nr")
                && APPOINTING.contains(out.get(out.size() - 2).word());
        return i <= 3 && APPOINTING.contains(before);
    }

    /** Chars that go on with a body's name after a title-like word (委员会, 主任室). */
    private static final String BODY_CONTINUES = "会部处局厅室组队团所院办";

    /** Whether a title occurs in {@code word} with more text after it. */
    private boolean holdsTitle(String word) {
        for (int b = 0; b < word.length() - 1; b++) {
            for (int e = b + 2; e <= Math.min(word.length() - 1, b + longestTitle); e++) {
                // 委员 of 委员会 is part of the body's name, not a title
                if (titles.contains(word.substring(b, e)) && BODY_CONTINUES.indexOf(word.charAt(e)) < 0) return true;
            }
        }
        return false;
    }
}
