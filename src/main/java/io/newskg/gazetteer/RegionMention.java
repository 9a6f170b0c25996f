package io.newskg.gazetteer;

/**
 * A region named in text. {@code region} is null when the mention is ambiguous or unknown:
 * it is kept with its text and never guessed.
 */
public record RegionMention(String asWritten, int begin, int end, Region region, double confidence) {
    public boolean resolved() { return region != null; }

    /** Written with the level word it had before (斗门县 for today's 斗门区, 邹平县 for 邹平市). */
    public boolean formerName() {
        if (region == null || region.level() != Region.Level.COUNTY) return false;
        String n = region.name();
        return asWritten.length() == n.length() && asWritten.endsWith("县") && !n.endsWith("县")
                && asWritten.regionMatches(0, n, 0, n.length() - 1);
    }
}
