package io.newskg.serve.text;

import org.apache.lucene.analysis.Analyzer;
import org.apache.lucene.analysis.LowerCaseFilter;
import org.apache.lucene.analysis.TokenStream;
import org.apache.lucene.analysis.Tokenizer;
import org.apache.lucene.analysis.cjk.CJKWidthFilter;
import org.apache.lucene.analysis.core.KeywordTokenizer;
import org.apache.lucene.analysis.miscellaneous.LengthFilter;

/**
 * Index side of the Chinese substring search: the whole value and every substring of it of
 * 1 to {@value #MAX_GRAM} characters, after folding full-width forms and case. Chinese has
 * no spaces between words and names are cut differently by every segmenter, so matching
 * substrings (乌兰察布 in 乌兰察布市委) finds partial names and places that word-based
 * analyzers miss.
 */
public final class SubstringIndexAnalyzer extends Analyzer {
    /** Longest substring indexed; longer queries match whole values only. */
    public static final int MAX_GRAM = 16;
    /** Whole values longer than this (in chars) are not kept as one term (Lucene's term limit). */
    static final int MAX_WHOLE = 2000;

    @Override
    protected TokenStreamComponents createComponents(String fieldName) {
        Tokenizer source = new KeywordTokenizer(KeywordTokenizer.DEFAULT_BUFFER_SIZE);
        TokenStream ts = new CJKWidthFilter(source);
        ts = new LowerCaseFilter(ts);
        ts = new SubstringGramFilter(ts, 1, MAX_GRAM);
        ts = new LengthFilter(ts, 1, MAX_WHOLE);
        return new TokenStreamComponents(source, ts);
    }

    @Override
    protected TokenStream normalize(String fieldName, TokenStream in) {
        return new LowerCaseFilter(new CJKWidthFilter(in));
    }
}
