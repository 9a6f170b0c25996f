package io.newskg.serve;

import jakarta.servlet.http.HttpServlet;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

import java.io.IOException;
import java.util.function.Supplier;

/**
 * Linked data: {@code GET /id/REST} describes the instance IRI {@code BASE + REST} (BASE is the
 * store's base, https://w3id.org/newskg/id/ by default) as Turtle, JSON-LD, N-Triples, RDF/XML
 * or HTML, chosen by the Accept header or {@code ?format=ttl|jsonld|nt|rdf|html}. A browser
 * sends an IRI's letters 谢敬东 as %E8%B0%A2…; they are read back as letters.
 */
final class LinkedDataServlet extends HttpServlet {
    private final Supplier<Server.Site> site;

    LinkedDataServlet(Supplier<Server.Site> site) {
        this.site = site;
    }

    @Override
    protected void doGet(HttpServletRequest req, HttpServletResponse resp) throws IOException {
        Server.Site s = site.get();
        String prefix = req.getContextPath() + "/id/";
        String uri = req.getRequestURI();
        if (!uri.startsWith(prefix) || uri.length() == prefix.length()) {
            resp.sendError(HttpServletResponse.SC_NOT_FOUND, "no resource named");
            return;
        }
        String rest = uri.substring(prefix.length());
        if (rest.equals("dataset")) {
            VoidServlet.serve(s, req, resp);
            return;
        }
        String iri = s.base() + iriPath(rest);
        String type = RdfResponse.choose(req);
        RdfResponse.headers(resp);
        if (type == null) {
            RdfResponse.notAcceptable(resp);
            return;
        }
        if (rest.startsWith("graph/") && serveGraph(s, req, resp, iri, type)) return;
        Describer.Description d = Describer.describe(s.dataset(), iri);
        HtmlPage page = new HtmlPage(s.base(), req.getContextPath());
        if (!d.found()) {
            resp.setStatus(HttpServletResponse.SC_NOT_FOUND);
            if (type.equals(RdfResponse.HTML)) RdfResponse.writeHtml(resp, page.notFound(iri));
            else {
                resp.setContentType("text/plain; charset=utf-8");
                resp.getWriter().println("Not found: " + iri);
            }
            return;
        }
        if (type.equals(RdfResponse.HTML)) RdfResponse.writeHtml(resp, page.render(d));
        else RdfResponse.writeRdf(resp, type, d.model());
    }

    /**
     * A shared graph's IRI ({@code /id/graph/gazetteer}, {@code /id/graph/ontology}) answers with
     * the graph's contents; as HTML, with its size and where to get it.
     */
    private static boolean serveGraph(Server.Site s, HttpServletRequest req, HttpServletResponse resp, String iri, String type)
            throws IOException {
        org.apache.jena.graph.Node g = org.apache.jena.graph.NodeFactory.createURI(iri);
        org.apache.jena.rdf.model.Model contents = org.apache.jena.system.Txn.calculateRead(s.dataset(), () -> {
            if (!s.dataset().containsGraph(g)) return null;
            org.apache.jena.rdf.model.Model m = Describer.model();
            s.dataset().getGraph(g).find().forEachRemaining(m.getGraph()::add);
            return m;
        });
        if (contents == null) return false;
        if (!type.equals(RdfResponse.HTML)) {
            RdfResponse.writeRdf(resp, type, contents);
            return true;
        }
        org.apache.jena.rdf.model.Model m = Describer.model();
        String get = req.getContextPath() + s.datasetPath() + "/get?graph=" + java.net.URLEncoder.encode(iri, java.nio.charset.StandardCharsets.UTF_8);
        String server = req.getScheme() + "://" + req.getServerName() + ":" + req.getServerPort();
        m.createResource(iri, m.createResource("http://www.w3.org/ns/sparql-service-description#NamedGraph"))
                .addLiteral(m.createProperty(VoidServlet.VOID, "triples"), contents.size())
                .addProperty(org.apache.jena.vocabulary.RDFS.seeAlso, m.createResource(server + get));
        RdfResponse.writeHtml(resp, new HtmlPage(s.base(), req.getContextPath())
                .render(new Describer.Description(iri, m, true, java.util.Set.of(), false)));
        return true;
    }

    /**
     * The IRI path a request path names: percent-encoded UTF-8 of a character instance IRIs keep
     * as written (a letter, digit or mark) becomes that character; any other %XX stays, because
     * IRIs percent-encode such characters themselves (a page named 新闻（一） is page/新闻%EF%BC%88一%EF%BC%89).
     */
    static String iriPath(String path) {
        StringBuilder b = new StringBuilder(path.length());
        for (int i = 0; i < path.length(); ) {
            int lead = hexByte(path, i);
            int n = lead >= 0xF5 ? 0 : lead >= 0xF0 ? 4 : lead >= 0xE0 ? 3 : lead >= 0xC2 ? 2 : 0;
            byte[] bytes = new byte[n];
            for (int k = 0; k < n; k++) {
                int x = hexByte(path, i + 3 * k);
                if (x < 0 || (k > 0 && (x & 0xC0) != 0x80)) { n = 0; break; }
                bytes[k] = (byte) x;
            }
            if (n > 0) {
                String c = new String(bytes, java.nio.charset.StandardCharsets.UTF_8);
                if (c.codePointCount(0, c.length()) == 1 && io.newskg.rdf.Iris.keptNonAscii(c.codePointAt(0))) {
                    b.append(c);
                    i += 3 * n;
                    continue;
                }
            }
            b.append(path.charAt(i++));
        }
        return b.toString();
    }

    /** The byte a {@code %XX} at {@code i} encodes, or -1. */
    private static int hexByte(String s, int i) {
        if (i + 2 >= s.length() || s.charAt(i) != '%') return -1;
        int hi = Character.digit(s.charAt(i + 1), 16), lo = Character.digit(s.charAt(i + 2), 16);
        return hi < 0 || lo < 0 ? -1 : hi * 16 + lo;
    }
}
