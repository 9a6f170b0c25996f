package io.newskg.gazetteer;

/**
 * A region named in text. {@code region} is null when the mention is ambiguous or unknown:
 * it is kept with its text and never guessed.
 */
public record RegionMention(String asWritten, int begin, int end, Region region, double confidence) {
    public boolean resolved() { return region != null; }
}
