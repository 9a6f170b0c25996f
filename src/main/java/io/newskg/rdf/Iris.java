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

    public String page(String file) { return base + "page/" + slug(file.replaceFirst("\\.txt$", "")); }

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

    private static String slug(String s) {
        return s.replaceAll("[^A-Za-z0-9._-]", "_");
    }
}
