package io.newskg.serve;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import io.newskg.rdf.NKG;
import jakarta.servlet.Filter;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.ServletRequest;
import jakarta.servlet.ServletResponse;
import jakarta.servlet.http.HttpServlet;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

import java.io.IOException;
import java.io.InputStream;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import java.util.TreeMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The project's prefixes in the Fuseki UI's query editor. The UI offers a fixed row of prefix
 * buttons (rdf, rdfs, owl, xsd) from its bundled script; {@link PrefixFilter} serves that
 * script with the project's prefixes in the row (left as it is if the UI's script changes
 * shape). {@link Redirect} ({@code /editor}) opens the editor with a query that declares them
 * all, through the UI's own {@code ?query=} link.
 */
final class QueryEditor {
    private QueryEditor() {}

    /** nkg, org, skos, … and text (jena-text), in a stable order. */
    static Map<String, String> prefixes() {
        Map<String, String> m = new TreeMap<>(NKG.PREFIXES.getNsPrefixMap());
        m.put("text", "http://jena.apache.org/text#");
        m.put("owl", "http://www.w3.org/2002/07/owl#");
        return m;
    }

    static String declarations() {
        StringBuilder b = new StringBuilder();
        prefixes().forEach((p, u) -> b.append("PREFIX ").append(p).append(": <").append(u).append(">\n"));
        return b.toString();
    }

    static final String EXAMPLE = """

            # who holds which post where; nkg:name is the label without @zh
            SELECT ?name ?role ?org WHERE {
              ?person org:holds ?post ; nkg:name ?name .
              ?post org:role/skos:prefLabel ?role ; org:postIn/nkg:name ?org .
            } LIMIT 25
            """;

    /** {@code /editor}: the Fuseki UI's query page with the prefixes declared. */
    static final class Redirect extends HttpServlet {
        private final java.util.function.Supplier<Server.Site> site;

        Redirect(java.util.function.Supplier<Server.Site> site) { this.site = site; }

        @Override
        protected void doGet(HttpServletRequest req, HttpServletResponse resp) throws IOException {
            String dataset = site.get().datasetPath().replaceAll("^/+", "");
            String q = URLEncoder.encode(declarations() + EXAMPLE, StandardCharsets.UTF_8).replace("+", "%20");
            // the UI routes by the fragment, which sendRedirect refuses: the header by hand
            resp.setStatus(HttpServletResponse.SC_FOUND);
            resp.setHeader("Location", req.getContextPath() + "/#/dataset/" + dataset + "/query?query=" + q);
        }
    }

    /** The prefix row of the UI's query script, as the script writes it. */
    static final Pattern PREFIX_ROW = Pattern.compile("prefixes:\\[\\{uri:\"http://www\\.w3\\.org/1999/02/22-rdf-syntax-ns#\",text:\"rdf\"\\}[^\\]]*\\]");
    private static final Pattern QUERY_SCRIPT = Pattern.compile("/static/Query-[A-Za-z0-9_-]+\\.js");

    static String patch(String script) {
        ArrayNode row = new ObjectMapper().createArrayNode();
        prefixes().forEach((p, u) -> row.addObject().put("uri", u).put("text", p));
        Matcher m = PREFIX_ROW.matcher(script);
        return m.find() ? script.substring(0, m.start()) + "prefixes:" + row + script.substring(m.end()) : script;
    }

    static final class PrefixFilter implements Filter {
        @Override
        public void doFilter(ServletRequest request, ServletResponse response, FilterChain chain) throws IOException, ServletException {
            HttpServletRequest req = (HttpServletRequest) request;
            String path = req.getRequestURI().substring(req.getContextPath().length());
            if (!"GET".equals(req.getMethod()) || !QUERY_SCRIPT.matcher(path).matches()) {
                chain.doFilter(request, response);
                return;
            }
            byte[] body;
            try (InputStream in = QueryEditor.class.getResourceAsStream("/webapp" + path)) {
                if (in == null) {
                    chain.doFilter(request, response);
                    return;
                }
                body = patch(new String(in.readAllBytes(), StandardCharsets.UTF_8)).getBytes(StandardCharsets.UTF_8);
            }
            HttpServletResponse resp = (HttpServletResponse) response;
            resp.setContentType("text/javascript; charset=utf-8");
            resp.setContentLength(body.length);
            resp.getOutputStream().write(body);
        }
    }
}
