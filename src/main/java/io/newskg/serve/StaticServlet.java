package io.newskg.serve;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import jakarta.servlet.http.HttpServlet;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import java.util.function.Supplier;

/**
 * The graph view's files, bundled into the jar under {@code web/} by the Maven build, at
 * {@code /graph/}; {@code /graph/config.json} tells the page where the SPARQL endpoint is and
 * which IRIs have linked-data pages here.
 */
final class StaticServlet extends HttpServlet {
    private static final Map<String, String> TYPES = Map.of(
            "html", "text/html; charset=utf-8", "js", "text/javascript; charset=utf-8",
            "css", "text/css; charset=utf-8", "json", "application/json", "svg", "image/svg+xml",
            "png", "image/png", "ico", "image/x-icon", "map", "application/json", "txt", "text/plain; charset=utf-8");

    private final String root;
    private final Supplier<Server.Site> site;

    StaticServlet(String root, Supplier<Server.Site> site) {
        this.root = root;
        this.site = site;
    }

    @Override
    protected void doGet(HttpServletRequest req, HttpServletResponse resp) throws IOException {
        String path = req.getPathInfo();
        if (path == null) {
            resp.sendRedirect(req.getContextPath() + req.getServletPath() + "/");
            return;
        }
        if (path.equals("/")) path = "/index.html";
        if (path.equals("/config.json")) {
            config(req, resp);
            return;
        }
        if (path.contains("..") || path.contains("//") || path.contains("\\")) {
            resp.sendError(HttpServletResponse.SC_NOT_FOUND);
            return;
        }
        String ext = path.substring(path.lastIndexOf('.') + 1);
        String type = TYPES.get(ext);
        InputStream in = type == null ? null : StaticServlet.class.getResourceAsStream("/" + root + path);
        if (in == null) {
            resp.sendError(HttpServletResponse.SC_NOT_FOUND, path.equals("/index.html")
                    ? "graph view not built: run mvn package (it runs npm ci && npm run build in web/)" : null);
            return;
        }
        try (in; OutputStream out = resp.getOutputStream()) {
            resp.setContentType(type);
            resp.setHeader("Cache-Control", "no-cache");
            resp.setHeader("X-Content-Type-Options", "nosniff");
            in.transferTo(out);
        }
    }

    private void config(HttpServletRequest req, HttpServletResponse resp) throws IOException {
        Server.Site s = site.get();
        ObjectNode o = new ObjectMapper().createObjectNode();
        o.put("sparql", req.getContextPath() + s.datasetPath() + "/sparql");
        o.put("base", s.base());
        o.put("linkedData", req.getContextPath() + "/id/");
        o.put("search", req.getContextPath() + "/search");
        byte[] b = o.toString().getBytes(StandardCharsets.UTF_8);
        resp.setContentType("application/json");
        resp.setHeader("Cache-Control", "no-cache");
        resp.getOutputStream().write(b);
    }
}
