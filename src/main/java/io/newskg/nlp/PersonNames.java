package io.newskg.nlp;

import java.util.List;

/** Which spans of a sentence are person names. Offsets are char offsets into the text passed in. */
public interface PersonNames {
    /** The person names in {@code text}, in text order, never overlapping; empty when there are none. */
    List<NameSpan> find(String text);
}
