package io.newskg.rdf;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.text.Normalizer;
import java.util.HexFormat;

/**
 * Stable IRIs: the same input always yields the same IRIs. Regions are keyed by division
 * code, organisations by normalised full name, people by name plus the region of their posts
 * (see README, "Identity"). People, organisations and roles are named {@code SLUG-HASH}: the
 * slug is the name, for reading; the hash of the key alone keeps namesakes apart.
 */
public final class Iris {
    private final String base;

    public Iris(String base) {
        this.base = base.endsWith("/") ? base : base + "/";
    }

    public String base() { return base; }

    /**
     * The page of an input, named by its path relative to the input root ("a/x.txt", "新闻.txt"),
     * '/'-separated, without ".txt". Each segment is kept as written where IRIs allow it (letters
     * of any script, digits, {@code . _ -}) and percent-encoded otherwise, so distinct paths give
     * distinct IRIs and plain ASCII names keep the IRIs they always had (x.txt → page/x).
     */
    public String page(String file) {
        String path = Normalizer.normalize(file, Normalizer.Form.NFC).replaceFirst("\\.txt$", "");
        StringBuilder b = new StringBuilder(base).append("page/");
        String[] segments = path.split("/", -1);
        for (int i = 0; i < segments.length; i++) {
            if (i > 0) b.append('/');
            b.append(segment(segments[i]));
        }
        return b.toString();
    }

    public String article(String file, int index) { return page(file) + "/article/" + index; }

    public String region(String code) { return base + "region/" + code; }

    public String organization(String fullName) { return base + "org/" + named(fullName, key(fullName)); }

    public String role(String title) { return base + "role/" + named(title, key(title)); }

    public String person(String name, String scope) { return base + "person/" + named(name, key(name + "|" + scope)); }

    public String post(String personIri, String title, String orgName) {
        return base + "post/" + key(personIri + "|" + title + "|" + orgName);
    }

    public String event(String articleIri, int index) { return articleIri + "/event/" + index; }

    public String gazetteerGraph() { return base + "graph/gazetteer"; }

    public String ontologyGraph() { return base + "graph/ontology"; }

    /** The owl:sameAs links the whole store's careers justify (see CareerIdentity). */
    public String identityGraph() { return base + "graph/identity"; }

    /** RFC 5147 fragment for a character span of a page. */
    public String span(String file, int begin, int end) { return page(file) + "#char=" + begin + "," + end; }

    static String norm(String s) {
        return Normalizer.normalize(s, Normalizer.Form.NFKC).strip();
    }

    /** Short hash of a normalised key: what makes an IRI distinct and stable. */
    static String key(String s) {
        try {
            byte[] d = MessageDigest.getInstance("SHA-256").digest(norm(s).getBytes(StandardCharsets.UTF_8));
            return HexFormat.of().formatHex(d, 0, 8);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    /** Most characters of a name kept in its IRI: enough to read it, short enough to share. */
    static final int SLUG_CHARS = 24;

    /** {@code slug(name)-hash}, or the hash alone when the name has nothing an IRI keeps. */
    static String named(String name, String hash) {
        String slug = slug(name);
        return slug.isEmpty() ? hash : slug + "-" + hash;
    }

    /**
     * The name's letters and digits (any script) as written, each run of anything else one '-',
     * at most {@link #SLUG_CHARS} code points: nothing in it needs percent-encoding.
     */
    static String slug(String name) {
        String s = norm(name);
        StringBuilder b = new StringBuilder();
        int n = 0;
        for (int i = 0; i < s.length() && n < SLUG_CHARS; ) {
            int c = s.codePointAt(i);
            i += Character.charCount(c);
            if (c < 0x80 ? (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9') : keptNonAscii(c)) {
                b.appendCodePoint(c);
                n++;
            } else if (!b.isEmpty() && b.charAt(b.length() - 1) != '-') {
                b.append('-');
                n++;
            }
        }
        while (!b.isEmpty() && b.charAt(b.length() - 1) == '-') b.setLength(b.length() - 1);
        return b.toString();
    }

    /** Non-ASCII characters IRIs here keep as written (letters, digits, marks); others are percent-encoded or dropped. */
    public static boolean keptNonAscii(int c) {
        int t = Character.getType(c);
        return c >= 0x80 && (Character.isLetterOrDigit(c) || t == Character.NON_SPACING_MARK || t == Character.COMBINING_SPACING_MARK);
    }

    /** One path segment as an IRI segment: unreserved ASCII and non-ASCII letters/digits/marks kept, the rest %XX. */
    static String segment(String s) {
        if (s.equals(".") || s.equals("..")) return s.replace(".", "%2E");
        StringBuilder b = new StringBuilder(s.length());
        for (int i = 0; i < s.length(); ) {
            int c = s.codePointAt(i);
            i += Character.charCount(c);
            boolean keep = c < 0x80 ? (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9') || c == '.' || c == '_' || c == '-'
                    : keptNonAscii(c);
            if (keep) {
                b.appendCodePoint(c);
            } else {
                for (byte x : new String(Character.toChars(c)).getBytes(StandardCharsets.UTF_8)) b.append('%').append(String.format("%02X", x & 0xff));
            }
        }
        return b.toString();
    }
}
