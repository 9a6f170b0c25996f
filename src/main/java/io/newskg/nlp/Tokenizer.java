package io.newskg.nlp;

import java.util.List;

/** Segments Chinese text into tagged words with offsets into that text. */
public interface Tokenizer {
    List<Token> tokenize(String text);
}
