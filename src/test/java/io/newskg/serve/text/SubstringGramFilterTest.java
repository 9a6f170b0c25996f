package io.newskg.serve.text;

import org.apache.lucene.analysis.Analyzer;
import org.apache.lucene.analysis.TokenStream;
import org.apache.lucene.analysis.Tokenizer;
import org.apache.lucene.analysis.core.KeywordTokenizer;
import org.apache.lucene.analysis.ngram.NGramTokenFilter;
import org.apache.lucene.analysis.tokenattributes.CharTermAttribute;
import org.apache.lucene.analysis.tokenattributes.PositionIncrementAttribute;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Function;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The linear n-gram filter gives Lucene's NGramTokenFilter tokens, without its quadratic cost. */
class SubstringGramFilterTest {
    private static Analyzer analyzer(Function<TokenStream, TokenStream> grams) {
        return new Analyzer() {
            @Override
            protected TokenStreamComponents createComponents(String field) {
                Tokenizer source = new KeywordTokenizer(KeywordTokenizer.DEFAULT_BUFFER_SIZE);
                return new TokenStreamComponents(source, grams.apply(source));
            }
        };
    }

    private static List<String> tokens(Analyzer a, String value) throws IOException {
        List<String> out = new ArrayList<>();
        try (TokenStream ts = a.tokenStream("f", value)) {
            CharTermAttribute term = ts.addAttribute(CharTermAttribute.class);
            PositionIncrementAttribute inc = ts.addAttribute(PositionIncrementAttribute.class);
            ts.reset();
            while (ts.incrementToken()) out.add(term + "@" + inc.getPositionIncrement());
            ts.end();
        }
        return out;
    }

    @Test
    void sameTokensAsLucenesFilter() throws IOException {
        Analyzer lucene = analyzer(in -> new NGramTokenFilter(in, 1, 4, true));
        Analyzer ours = analyzer(in -> new SubstringGramFilter(in, 1, 4));
        Analyzer lucene2 = analyzer(in -> new NGramTokenFilter(in, 2, 3, true));
        Analyzer ours2 = analyzer(in -> new SubstringGramFilter(in, 2, 3));
        for (String v : List.of("", "乌", "乌兰", "乌兰察布", "乌兰察布市", "内蒙古自治区党委统战部副部长",
                "𠀀乌𠀁兰察布𠀂", "ab𝒜cdefg", "谢敬东 Xie Jingdong")) {
            assertEquals(tokens(lucene, v), tokens(ours, v), v);
            assertEquals(tokens(lucene2, v), tokens(ours2, v), v);
        }
    }

    @Test
    void aLongSentenceCostsLinearTime() throws IOException {
        Analyzer ours = analyzer(in -> new SubstringGramFilter(in, 1, 16));
        String sentence = "会议要求，各级各部门要认清形势，压实责任，确保各项工作落到实处。".repeat(600);
        tokens(ours, sentence.substring(0, 100));
        long t0 = System.nanoTime();
        List<String> t = tokens(ours, sentence);
        double ms = (System.nanoTime() - t0) / 1e6;
        assertEquals(16 * sentence.length() - 16 * 15 / 2 + 1, t.size(), "every gram of 1..16 and the whole value");
        // Lucene's filter takes seconds here (it counts from the start of the value for every gram)
        assertTrue(ms < 1500, ms + " ms for " + sentence.length() + " chars");
    }
}
