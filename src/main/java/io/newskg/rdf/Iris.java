package io.newskg.rdf;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.text.Normalizer;
import java.util.HexFormat;

/**
 * Stable IRIs: the same input always yields the same IRIs. Regions are keyed by division
 * code, organisations by normalised full name, people by name plus the region of their posts
 * (see README, "Identity").
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

    public String organization(String fullName) { return base + "org/" + key(fullName); }

    public String role(String title) { return base + "role/" + key(title); }

    public String person(String name, String scope) { return base + "person/" + key(name + "|" + scope); }

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

    /** Short hash of a normalised key; the label, not the IRI, carries the readable name. */
    static String key(String s) {
        try {
            byte[] d = MessageDigest.getInstance("SHA-256").digest(norm(s).getBytes(StandardCharsets.UTF_8));
            return HexFormat.of().formatHex(d, 0, 8);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    /** One path segment as an IRI segment: unreserved ASCII and non-ASCII letters/digits/marks kept, the rest %XX. */
    static String segment(String s) {
        if (s.equals(".") || s.equals("..")) return s.replace(".", "%2E");
        StringBuilder b = new StringBuilder(s.length());
        for (int i = 0; i < s.length(); ) {
            int c = s.codePointAt(i);
            i += Character.charCount(c);
            boolean keep = c < 0x80 ? (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9') || c == '.' || c == '_' || c == '-'
                    : Character.isLetterOrDigit(c) || Character.getType(c) == Character.NON_SPACING_MARK
                      || Character.getType(c) == Character.COMBINING_SPACING_MARK;
            if (keep) {
                b.appendCodePoint(c);
            } else {
                for (byte x : new String(Character.toChars(c)).getBytes(StandardCharsets.UTF_8)) b.append('%').append(String.format("%02X", x & 0xff));
            }
        }
        return b.toString();
    }
}
