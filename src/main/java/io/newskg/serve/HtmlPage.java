package io.newskg.serve;

import org.apache.jena.rdf.model.Literal;
import org.apache.jena.rdf.model.Model;
import org.apache.jena.rdf.model.Property;
import org.apache.jena.rdf.model.RDFNode;
import org.apache.jena.rdf.model.Resource;
import org.apache.jena.rdf.model.Statement;
import org.apache.jena.vocabulary.RDF;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** The HTML page of a resource: its name, types, properties with links to neighbours, and what points at it. */
final class HtmlPage {
    private final String base;
    private final String contextPath;

    /**
     * @param base        base IRI of instances; IRIs under it link to this server's {@code /id/…}
     * @param contextPath the servlet context path ("" at the root)
     */
    HtmlPage(String base, String contextPath) {
        this.base = base;
        this.contextPath = contextPath;
    }

    String render(Describer.Description d) {
        Model m = d.model();
        Resource focus = m.createResource(d.iri());
        String name = Labels.label(m, focus.asNode());
        StringBuilder h = new StringBuilder(8192);
        h.append("<!DOCTYPE html>\n<html lang=\"zh\">\n<head>\n<meta charset=\"utf-8\">\n")
                .append("<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">\n")
                .append("<title>").append(esc(name)).append(" — NewsKG</title>\n");
        for (String[] f : alternates()) {
            h.append("<link rel=\"alternate\" type=\"").append(f[1]).append("\" href=\"?format=").append(f[0]).append("\">\n");
        }
        h.append("<style>").append(CSS).append("</style>\n</head>\n<body>\n");
        h.append("<header><a href=\"").append(esc(contextPath)).append("/graph/\">NewsKG</a> · <a href=\"")
                .append(esc(contextPath)).append("/graph/#iri=").append(esc(urlComponent(d.iri()))).append("\">图谱视图 graph view</a> · <a href=\"")
                .append(esc(contextPath)).append("/void\">VoID</a></header>\n<main>\n");
        h.append("<h1>").append(esc(name)).append("</h1>\n");
        h.append("<p class=\"iri\"><code>").append(esc(d.iri())).append("</code></p>\n");
        List<String> types = new ArrayList<>();
        for (Statement s : focus.listProperties(RDF.type).toList()) types.add(link(m, s.getObject()));
        if (!types.isEmpty()) h.append("<p class=\"types\">").append(String.join(" · ", types)).append("</p>\n");
        h.append("<p class=\"formats\">");
        List<String> fl = new ArrayList<>();
        for (String[] f : alternates()) fl.add("<a href=\"?format=" + f[0] + "\">" + f[2] + "</a>");
        h.append(String.join(" · ", fl)).append("</p>\n");

        Map<Property, List<RDFNode>> out = new LinkedHashMap<>();
        for (Statement s : sorted(focus.listProperties().toList())) {
            if (s.getPredicate().equals(RDF.type)) continue;
            out.computeIfAbsent(s.getPredicate(), k -> new ArrayList<>()).add(s.getObject());
        }
        if (!out.isEmpty()) {
            h.append("<h2>属性 Properties</h2>\n<table class=\"props\">\n");
            out.forEach((p, vs) -> {
                h.append("<tr><th>").append(link(m, p)).append("</th><td>");
                List<String> cells = new ArrayList<>();
                for (RDFNode v : vs) cells.add(value(m, v));
                h.append(String.join("<br>", cells)).append("</td></tr>\n");
            });
            h.append("</table>\n");
        }
        Map<Property, List<Resource>> in = new LinkedHashMap<>();
        for (Statement s : sorted(m.listStatements(null, null, focus).toList())) {
            in.computeIfAbsent(s.getPredicate(), k -> new ArrayList<>()).add(s.getSubject());
        }
        if (!in.isEmpty()) {
            h.append("<h2>被引用 Referenced by</h2>\n<table class=\"props\">\n");
            in.forEach((p, subjects) -> {
                h.append("<tr><th>").append(link(m, p)).append(" of</th><td>");
                List<String> cells = new ArrayList<>();
                for (Resource s : subjects) cells.add(link(m, s));
                h.append(String.join("<br>", cells)).append("</td></tr>\n");
            });
            h.append("</table>\n");
            if (d.truncated()) h.append("<p class=\"note\">Only the first ").append(Describer.MAX_INCOMING).append(" links are shown.</p>\n");
        }
        if (!d.graphs().isEmpty()) {
            h.append("<h2>来源 Stated in</h2>\n<ul class=\"graphs\">\n");
            for (String g : d.graphs()) h.append("<li>").append(link(m, m.createResource(g))).append("</li>\n");
            h.append("</ul>\n");
        }
        h.append("</main>\n</body>\n</html>\n");
        return h.toString();
    }

    private String inline(Model m, Resource b, int depth) {
        List<String> parts = new ArrayList<>();
        for (Statement s : sorted(b.listProperties().toList())) {
            RDFNode o = s.getObject();
            String v = o.isAnon() ? (depth < 2 ? inline(m, o.asResource(), depth + 1) : "…") : value(m, o);
            parts.add(link(m, s.getPredicate()) + " " + v);
        }
        return "<span class=\"bnode\">[ " + String.join(" ; ", parts) + " ]</span>";
    }

    String notFound(String iri) {
        return "<!DOCTYPE html>\n<html lang=\"zh\"><head><meta charset=\"utf-8\"><title>Not found — NewsKG</title><style>" + CSS
                + "</style></head><body><header><a href=\"" + esc(contextPath) + "/graph/\">NewsKG</a></header><main><h1>Not found</h1><p>The graph says nothing about <code>"
                + esc(iri) + "</code>.</p></main></body></html>\n";
    }

    private static String[][] alternates() {
        return new String[][] {{"ttl", "text/turtle", "Turtle"}, {"jsonld", "application/ld+json", "JSON-LD"},
                {"nt", "application/n-triples", "N-Triples"}, {"rdf", "application/rdf+xml", "RDF/XML"}};
    }

    private static List<Statement> sorted(List<Statement> l) {
        l.sort(Comparator.comparing((Statement s) -> s.getPredicate().getURI())
                .thenComparing(s -> s.getObject().toString()));
        return l;
    }

    private String value(Model m, RDFNode v) {
        if (v.isLiteral()) {
            Literal l = v.asLiteral();
            StringBuilder b = new StringBuilder("<span class=\"lit\">").append(esc(readable(l))).append("</span>");
            if (!l.getLanguage().isEmpty()) b.append(" <small>@").append(esc(l.getLanguage())).append("</small>");
            else if (l.getDatatypeURI() != null && !l.getDatatypeURI().endsWith("#string")) {
                b.append(" <small>").append(esc(m.shortForm(l.getDatatypeURI()))).append("</small>");
            }
            return b.toString();
        }
        return link(m, v);
    }

    /** A double or float as people write it (0.75e0 → 0.75); other literals as written. */
    static String readable(Literal l) {
        String dt = l.getDatatypeURI();
        if (dt != null && (dt.endsWith("#double") || dt.endsWith("#float") || dt.endsWith("#decimal"))) {
            try {
                java.math.BigDecimal d = new java.math.BigDecimal(l.getLexicalForm().strip());
                return d.stripTrailingZeros().toPlainString();
            } catch (NumberFormatException e) {
                return l.getLexicalForm();
            }
        }
        return l.getLexicalForm();
    }

    /** A link to a resource, named by its label; IRIs under the base go to this server. */
    String link(Model m, RDFNode n) {
        // a blank node (VoID's class and property partitions) is shown by what it says
        if (n.isAnon()) return inline(m, n.asResource(), 0);
        if (!n.isURIResource()) return "<span class=\"bnode\">" + esc(n.toString()) + "</span>";
        String iri = n.asResource().getURI();
        String label = Labels.label(m, n.asNode());
        String shortForm = m.shortForm(iri);
        String text = label.equals(Labels.fallback(iri)) && !shortForm.equals(iri) ? shortForm : label;
        String href = href(iri);
        if (href == null) return "<span class=\"iri\" title=\"" + esc(iri) + "\">" + esc(text) + "</span>";
        return "<a href=\"" + esc(href) + "\" title=\"" + esc(iri) + "\">" + esc(text) + "</a>";
    }

    /**
     * Where a browser should go for an IRI: this server for instance IRIs, the IRI itself if it is
     * http(s); null (no link) for anything else, such as javascript: or file: IRIs in the data.
     */
    String href(String iri) {
        if (iri.startsWith(base)) return contextPath + "/id/" + safePath(iri.substring(base.length()));
        String scheme = iri.length() > 8 ? iri.substring(0, 8).toLowerCase(java.util.Locale.ROOT) : iri.toLowerCase(java.util.Locale.ROOT);
        return scheme.startsWith("http://") || scheme.startsWith("https://") ? safePath(iri) : null;
    }

    /** Percent-encodes what may not appear in a URL (spaces, quotes, non-ASCII), keeping IRI syntax. */
    static String safePath(String s) {
        StringBuilder b = new StringBuilder(s.length());
        for (byte x : s.getBytes(StandardCharsets.UTF_8)) {
            int c = x & 0xff;
            if (c > 0x20 && c < 0x7f && "\"<>\\^`{|}".indexOf(c) < 0) b.append((char) c);
            else b.append('%').append(String.format("%02X", c));
        }
        return b.toString();
    }

    static String urlComponent(String s) {
        return java.net.URLEncoder.encode(s, StandardCharsets.UTF_8).replace("+", "%20");
    }

    /** HTML-escapes text for element content and quoted attribute values. */
    static String esc(String s) {
        StringBuilder b = new StringBuilder(s.length() + 16);
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            switch (c) {
                case '&' -> b.append("&amp;");
                case '<' -> b.append("&lt;");
                case '>' -> b.append("&gt;");
                case '"' -> b.append("&quot;");
                case '\'' -> b.append("&#39;");
                default -> b.append(c);
            }
        }
        return b.toString();
    }

    private static final String CSS = """
            body{font-family:system-ui,"Noto Sans CJK SC","PingFang SC","Microsoft YaHei",sans-serif;margin:0;color:#1d2433;background:#f7f8fa}
            header{background:#1f3a5f;color:#fff;padding:.6em 1.2em}header a{color:#fff}
            main{max-width:70em;margin:0 auto;padding:1em 1.2em}
            h1{margin:.3em 0 .1em}h2{font-size:1.1em;margin-top:1.6em;border-bottom:1px solid #d6dae2}
            .iri code{color:#555;word-break:break-all}.types a{background:#e6ecf5;border-radius:3px;padding:0 .3em}
            table.props{border-collapse:collapse;width:100%}table.props th{text-align:left;vertical-align:top;width:16em;font-weight:500;color:#444;padding:.25em .6em .25em 0}
            table.props td{padding:.25em 0;border-bottom:1px solid #eceef2;word-break:break-word}
            small{color:#777}.note{color:#777}a{color:#1857b8;text-decoration:none}a:hover{text-decoration:underline}
            """;
}
