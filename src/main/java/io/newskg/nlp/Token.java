package io.newskg.nlp;

/** A word with its part-of-speech tag (HanLP/PKU tag set: nr person, ns place, nt organisation, nnt title). */
public record Token(String word, String tag, int begin, int end) {
    public boolean isPerson() { return tag.startsWith("nr"); }
    public boolean isPlace() { return tag.startsWith("ns"); }
    public boolean isOrganization() { return tag.startsWith("nt") || tag.equals("nis"); }
    public boolean isTitle() { return tag.equals("nnt"); }
    public boolean isPunctuation() { return tag.startsWith("w"); }
}
