package io.newskg.model;

import java.util.Arrays;

/**
 * Text derived from a page (repaired, cut into an article) that remembers, for every
 * character, its offset in the original page, so every extracted item points back into
 * the file as it was read.
 */
public final class MappedText {
    private final String text;
    private final int[] origin;

    /** @param origin original offset of each char, plus one entry for the end position */
    public MappedText(String text, int[] origin) {
        if (origin.length != text.length() + 1) {
            throw new IllegalArgumentException("origin must have text.length()+1 entries");
        }
        this.text = text;
        this.origin = origin;
    }

    /** Text that is its own original: offsets are shifted by {@code base}. */
    public static MappedText identity(String text, int base) {
        int[] o = new int[text.length() + 1];
        for (int i = 0; i < o.length; i++) o[i] = base + i;
        return new MappedText(text, o);
    }

    public String text() { return text; }

    public int length() { return text.length(); }

    /** Original offset of the char at {@code i} (or the end position when i == length). */
    public int origin(int i) { return origin[i]; }

    /** Original offset just after the char at {@code end - 1}. */
    public int originEnd(int end) {
        return end == 0 ? origin[0] : origin[end - 1] + 1;
    }

    public MappedText sub(int begin, int end) {
        int[] o = Arrays.copyOfRange(origin, begin, end + 1);
        if (end > begin) o[o.length - 1] = origin[end - 1] + 1;
        return new MappedText(text.substring(begin, end), o);
    }

    /** Concatenates pieces; the chars of {@code sep} map to the end of the piece before them. */
    public static MappedText join(java.util.List<MappedText> parts, String sep) {
        StringBuilder sb = new StringBuilder();
        java.util.List<Integer> o = new java.util.ArrayList<>();
        int lastEnd = 0;
        for (int pi = 0; pi < parts.size(); pi++) {
            MappedText p = parts.get(pi);
            if (pi > 0) {
                sb.append(sep);
                for (int s = 0; s < sep.length(); s++) o.add(lastEnd);
            }
            sb.append(p.text);
            for (int i = 0; i < p.length(); i++) o.add(p.origin[i]);
            lastEnd = p.originEnd(p.length());
        }
        int[] arr = new int[o.size() + 1];
        for (int i = 0; i < o.size(); i++) arr[i] = o.get(i);
        arr[o.size()] = lastEnd;
        return new MappedText(sb.toString(), arr);
    }

    /** This text without the spans {@code noise} matches; what remains keeps its original offsets. */
    public MappedText without(java.util.regex.Pattern noise) {
        java.util.regex.Matcher m = noise.matcher(text);
        if (!m.find()) return this;
        java.util.List<MappedText> kept = new java.util.ArrayList<>();
        int from = 0;
        do {
            kept.add(sub(from, m.start()));
            from = m.end();
        } while (m.find());
        kept.add(sub(from, text.length()));
        return join(kept, "");
    }

    @Override
    public String toString() { return text; }
}
