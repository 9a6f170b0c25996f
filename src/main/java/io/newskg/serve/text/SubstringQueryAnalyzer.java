package io.newskg.serve.text;

import org.apache.lucene.analysis.Analyzer;
import org.apache.lucene.analysis.LowerCaseFilter;
import org.apache.lucene.analysis.TokenStream;
import org.apache.lucene.analysis.Tokenizer;
import org.apache.lucene.analysis.cjk.CJKWidthFilter;
import org.apache.lucene.analysis.core.KeywordTokenizer;

import java.util.Set;

/**
 * Query side of the Chinese substring search ({@link SubstringIndexAnalyzer}): each word of
 * the query (the query parser splits at whitespace) is one term, folded like the index, so it
 * matches every value that contains it. The bookkeeping fields of the index (entity, graph,
 * language, uid) are kept verbatim.
 */
public final class SubstringQueryAnalyzer extends Analyzer {
    /** Field names of the entity map in fuseki-config/config.ttl that hold IRIs or codes. */
    static final Set<String> VERBATIM = Set.of("uri", "graph", "lang", "uid");

    @Override
    protected TokenStreamComponents createComponents(String fieldName) {
        Tokenizer source = new KeywordTokenizer(KeywordTokenizer.DEFAULT_BUFFER_SIZE);
        if (VERBATIM.contains(fieldName)) return new TokenStreamComponents(source);
        TokenStream ts = new LowerCaseFilter(new CJKWidthFilter(source));
        return new TokenStreamComponents(source, ts);
    }

    @Override
    protected TokenStream normalize(String fieldName, TokenStream in) {
        if (VERBATIM.contains(fieldName)) return in;
        return new LowerCaseFilter(new CJKWidthFilter(in));
    }
}
