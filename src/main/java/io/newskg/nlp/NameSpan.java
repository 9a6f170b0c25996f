package io.newskg.nlp;

/** A person name found in a text: the name as written and its [begin, end) char offsets into that text. */
public record NameSpan(String name, int begin, int end) {
    public NameSpan {
        if (begin < 0 || end < begin || end - begin != name.length()) {
            throw new IllegalArgumentException("bad span " + name + " [" + begin + "," + end + ")");
        }
    }
}
