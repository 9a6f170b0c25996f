package io.newskg.serve.search;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.newskg.store.Progress;
import jakarta.servlet.http.HttpServlet;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Supplier;

/**
 * {@code GET /search?q=乌兰察布[&kind=person|org|region|event][&limit=20]}: the best distinct
 * resources for a name, as JSON, each with what tells it apart from namesakes.
 * {@code GET /search/nodes?iri=…&iri=…} (or POST the same as a form): label and details of
 * given resources, for drawing them. The graph view uses both; so can any tool.
 */
public final class SearchServlet extends HttpServlet {
    static final int MAX_LIMIT = 200, MAX_NODES = 500;
    private static final Set<String> KINDS = Set.of("person", "org", "region", "event");
    private static final ObjectMapper JSON = new ObjectMapper();
    private final Supplier<SearchService> service;

    public SearchServlet(Supplier<SearchService> service) { this.service = service; }

    @Override
    protected void doGet(HttpServletRequest req, HttpServletResponse resp) throws IOException {
        answer(req, resp);
    }

    @Override
    protected void doPost(HttpServletRequest req, HttpServletResponse resp) throws IOException {
        answer(req, resp);
    }

    private void answer(HttpServletRequest req, HttpServletResponse resp) throws IOException {
        SearchService s = service.get();
        SearchIndex index = s == null ? null : s.index();
        if (index == null) {
            ObjectNode err = JSON.createObjectNode().put("error", "the search index is being built; try again shortly");
            Progress p = s == null ? null : s.building();
            if (p != null) err.put("done", p.done());
            resp.setHeader("Retry-After", "10");
            send(resp, 503, err);
            return;
        }
        String path = req.getPathInfo() == null ? "" : req.getPathInfo();
        if (path.equals("/nodes")) {
            String[] iris = req.getParameterValues("iri");
            if (iris == null || iris.length == 0) {
                send(resp, 400, JSON.createObjectNode().put("error", "give one or more iri= parameters"));
                return;
            }
            if (iris.length > MAX_NODES) {
                send(resp, 400, JSON.createObjectNode().put("error", "at most " + MAX_NODES + " iri= parameters"));
                return;
            }
            Map<String, SearchIndex.Hit> found = index.lookup(List.of(iris));
            ObjectNode out = JSON.createObjectNode();
            ArrayNode nodes = out.putArray("nodes");
            for (String iri : iris) if (found.containsKey(iri)) nodes.add(json(found.get(iri)));
            send(resp, 200, out);
            return;
        }
        if (!path.isEmpty() && !path.equals("/")) {
            send(resp, 404, JSON.createObjectNode().put("error", "no such search resource: " + path + " (use /search?q= or /search/nodes?iri=)"));
            return;
        }
        String q = req.getParameter("q");
        if (q == null || q.isBlank()) {
            send(resp, 400, JSON.createObjectNode().put("error", "give a name to search for: /search?q=乌兰察布"));
            return;
        }
        String kind = req.getParameter("kind");
        if (kind != null && !kind.isEmpty() && !KINDS.contains(kind)) {
            send(resp, 400, JSON.createObjectNode().put("error", "kind must be one of person, org, region, event: " + kind));
            return;
        }
        int limit = 20;
        String l = req.getParameter("limit");
        if (l != null && !l.isEmpty()) {
            try {
                limit = Integer.parseInt(l.strip());
            } catch (NumberFormatException e) {
                limit = -1;
            }
            if (limit < 1 || limit > MAX_LIMIT) {
                send(resp, 400, JSON.createObjectNode().put("error", "limit must be 1 to " + MAX_LIMIT + ": " + l));
                return;
            }
        }
        long t0 = System.nanoTime();
        List<SearchIndex.Hit> hits = index.search(q, kind, limit);
        ObjectNode out = JSON.createObjectNode().put("query", q);
        ArrayNode arr = out.putArray("hits");
        for (SearchIndex.Hit h : hits) arr.add(json(h));
        out.put("millis", (System.nanoTime() - t0) / 1_000_000.0);
        send(resp, 200, out);
    }

    static ObjectNode json(SearchIndex.Hit h) {
        ObjectNode o = JSON.createObjectNode();
        o.put("iri", h.iri()).put("kind", h.kind()).put("label", h.label());
        if (h.detail() != null) o.put("detail", h.detail());
        if (h.post() != null) o.put("post", h.post());
        if (h.organization() != null) o.put("organization", h.organization());
        if (h.region() != null) o.put("region", h.region());
        if (h.years() != null) o.put("years", h.years());
        o.put("articles", h.articles()).put("degree", h.degree());
        if (h.match() != null) o.put("match", h.match());
        return o;
    }

    private static void send(HttpServletResponse resp, int status, ObjectNode body) throws IOException {
        resp.setStatus(status);
        resp.setContentType("application/json");
        resp.setCharacterEncoding("UTF-8");
        resp.setHeader("Cache-Control", "no-cache");
        JSON.writeValue(resp.getOutputStream(), body);
    }
}
