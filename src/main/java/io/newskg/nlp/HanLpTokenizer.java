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

    /** @param words extra words and their tags, e.g. titles as nnt */
    public HanLpTokenizer(Map<String, String> words) {
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
            out.add(new Token(t.word, t.nature == null ? "x" : t.nature.toString(), t.offset, t.offset + t.word.length()));
        }
        return out;
    }
}
