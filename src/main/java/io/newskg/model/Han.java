package io.newskg.model;

/**
 * Whether a UTF-16 unit is a Han character, as {@code Character.UnicodeScript.of(c) == HAN}
 * answers, from a table built once: the script lookup is a binary search per call, and the
 * extractor asks it for nearly every character it reads.
 */
public final class Han {
    private Han() {}

    private static final boolean[] HAN = new boolean[Character.MAX_VALUE + 1];

    static {
        for (int c = 0; c <= Character.MAX_VALUE; c++) HAN[c] = Character.UnicodeScript.of(c) == Character.UnicodeScript.HAN;
    }

    public static boolean is(char c) {
        return HAN[c];
    }
}
