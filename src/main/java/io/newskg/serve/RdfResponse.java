package io.newskg.serve;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.apache.jena.atlas.web.AcceptList;
import org.apache.jena.atlas.web.MediaType;
import org.apache.jena.fuseki.system.ConNeg;
import org.apache.jena.rdf.model.Model;
import org.apache.jena.riot.Lang;
import org.apache.jena.riot.RDFDataMgr;
import org.apache.jena.riot.RDFFormat;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;

/** Content negotiation between the RDF formats (written by RIOT) and an HTML page. */
final class RdfResponse {
    static final String HTML = "text/html";

    /** Media types offered, in order of preference when the client accepts anything. */
    static final Map<String, RDFFormat> FORMATS = new LinkedHashMap<>();
    static {
        FORMATS.put(Lang.TURTLE.getHeaderString(), RDFFormat.TURTLE_PRETTY);
        FORMATS.put(HTML, null);
        FORMATS.put(Lang.JSONLD.getHeaderString(), RDFFormat.JSONLD11_PRETTY);
        FORMATS.put(Lang.NTRIPLES.getHeaderString(), RDFFormat.NTRIPLES);
        FORMATS.put(Lang.RDFXML.getHeaderString(), RDFFormat.RDFXML_PRETTY);
    }

    /** {@code ?format=} names. */
    static final Map<String, String> SHORT_NAMES = Map.of(
            "ttl", Lang.TURTLE.getHeaderString(), "turtle", Lang.TURTLE.getHeaderString(),
            "jsonld", Lang.JSONLD.getHeaderString(), "json", Lang.JSONLD.getHeaderString(),
            "nt", Lang.NTRIPLES.getHeaderString(), "ntriples", Lang.NTRIPLES.getHeaderString(),
            "rdf", Lang.RDFXML.getHeaderString(), "xml", Lang.RDFXML.getHeaderString(),
            "html", HTML);

    private static final AcceptList OFFER = AcceptList.create(FORMATS.keySet().toArray(new String[0]));

    private RdfResponse() {}

    /** The media type to answer with, or null when the client accepts none of ours. */
    static String choose(HttpServletRequest req) {
        String f = req.getParameter("format");
        if (f != null) return SHORT_NAMES.get(f.toLowerCase(Locale.ROOT));
        String accept = req.getHeader("Accept");
        if (accept == null || accept.isBlank()) return Lang.TURTLE.getHeaderString();
        MediaType m = ConNeg.chooseContentType(req, OFFER, null);
        return m == null ? null : m.getContentTypeStr();
    }

    /** Writes {@code model} in the chosen RDF format. */
    static void writeRdf(HttpServletResponse resp, String mediaType, Model model) throws IOException {
        RDFFormat fmt = FORMATS.get(mediaType);
        resp.setContentType(mediaType);
        resp.setCharacterEncoding("UTF-8");
        try (OutputStream out = resp.getOutputStream()) {
            RDFDataMgr.write(out, model, fmt);
        }
    }

    static void writeHtml(HttpServletResponse resp, String html) throws IOException {
        resp.setContentType("text/html; charset=utf-8");
        byte[] b = html.getBytes(StandardCharsets.UTF_8);
        resp.setContentLength(b.length);
        try (OutputStream out = resp.getOutputStream()) {
            out.write(b);
        }
    }

    /** 406 listing what we offer. */
    static void notAcceptable(HttpServletResponse resp) throws IOException {
        resp.setStatus(HttpServletResponse.SC_NOT_ACCEPTABLE);
        resp.setContentType("text/plain; charset=utf-8");
        resp.getWriter().println("Not acceptable. Offered: " + String.join(", ", FORMATS.keySet())
                + " (or ?format=" + String.join("|", new java.util.TreeSet<>(SHORT_NAMES.keySet())) + ")");
    }

    static void headers(HttpServletResponse resp) {
        resp.setHeader("Vary", "Accept");
        resp.setHeader("Link", "<?format=ttl>; rel=\"alternate\"; type=\"text/turtle\", "
                + "<?format=jsonld>; rel=\"alternate\"; type=\"application/ld+json\", "
                + "<?format=nt>; rel=\"alternate\"; type=\"application/n-triples\", "
                + "<?format=rdf>; rel=\"alternate\"; type=\"application/rdf+xml\"");
    }
}
