package io.newskg.model;

import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertEquals;

class HanTest {
    @Test
    void answersAsTheUnicodeScriptDoes() {
        for (int c = 0; c <= Character.MAX_VALUE; c++) {
            assertEquals(Character.UnicodeScript.of(c) == Character.UnicodeScript.HAN, Han.is((char) c), "U+" + Integer.toHexString(c));
        }
    }
}
