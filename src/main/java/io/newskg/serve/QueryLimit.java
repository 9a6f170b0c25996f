package io.newskg.serve;

import jakarta.servlet.Filter;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.ServletRequest;
import jakarta.servlet.ServletResponse;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;

/**
 * At most {@code permits} SPARQL queries run at once; the next ones wait up to {@code waitMillis}
 * for one to end, then get 503 with Retry-After. Without a cap, a few clients sending heavy
 * queries hold every core until their timeouts and the server answers nobody else.
 */
final class QueryLimit implements Filter {
    /** Queries run at once ({@value}; default: two per core). */
    static final String ENV_MAX = "NEWSKG_MAX_QUERIES";
    /** Seconds a query waits for its turn before 503 ({@value}; default 10). */
    static final String ENV_WAIT = "NEWSKG_QUERY_QUEUE_SECONDS";
    /** Servlet context attribute holding the server's limit (tests and the bench read how many queries run). */
    static final String ATTRIBUTE = QueryLimit.class.getName();

    private final Semaphore running;
    private final int permits;
    private final long waitMillis;

    QueryLimit(int permits, long waitMillis) {
        if (permits < 1) throw new IllegalArgumentException(ENV_MAX + " must be at least 1: " + permits);
        this.permits = permits;
        this.running = new Semaphore(permits, true);
        this.waitMillis = Math.max(0, waitMillis);
    }

    static QueryLimit fromEnvironment(Map<String, String> env) {
        int permits = 2 * Runtime.getRuntime().availableProcessors();
        long wait = 10_000;
        String m = env.get(ENV_MAX), w = env.get(ENV_WAIT);
        try {
            if (m != null && !m.isBlank()) permits = Integer.parseInt(m.strip());
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException(ENV_MAX + " must be a whole number: " + m);
        }
        try {
            if (w != null && !w.isBlank()) wait = Math.round(Double.parseDouble(w.strip()) * 1000);
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException(ENV_WAIT + " must be a number of seconds: " + w);
        }
        return new QueryLimit(permits, wait);
    }

    /** The limit a running server applies. */
    static QueryLimit of(org.apache.jena.fuseki.main.FusekiServer server) {
        return (QueryLimit) server.getServletContext().getAttribute(ATTRIBUTE);
    }

    /** How many queries hold a permit now. */
    int running() {
        return permits - running.availablePermits();
    }

    /** SPARQL query requests: the query endpoints, and a query sent to the dataset itself. */
    static boolean isQuery(HttpServletRequest req) {
        String path = req.getRequestURI();
        if (path.endsWith("/sparql") || path.endsWith("/query")) return true;
        return req.getQueryString() != null && req.getQueryString().contains("query=") && !path.endsWith("/update");
    }

    @Override
    public void doFilter(ServletRequest request, ServletResponse response, FilterChain chain) throws IOException, ServletException {
        HttpServletRequest req = (HttpServletRequest) request;
        if (!isQuery(req) || "OPTIONS".equals(req.getMethod())) {
            chain.doFilter(request, response);
            return;
        }
        boolean admitted;
        try {
            admitted = running.tryAcquire(waitMillis, TimeUnit.MILLISECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            admitted = false;
        }
        if (!admitted) {
            HttpServletResponse resp = (HttpServletResponse) response;
            resp.setStatus(HttpServletResponse.SC_SERVICE_UNAVAILABLE);
            resp.setHeader("Retry-After", String.valueOf(Math.max(1, waitMillis / 1000)));
            resp.setContentType("text/plain;charset=utf-8");
            resp.getOutputStream().write(("busy: " + permits + " queries are running (" + ENV_MAX
                    + "); try again shortly\n").getBytes(StandardCharsets.UTF_8));
            return;
        }
        try {
            chain.doFilter(request, response);
        } finally {
            running.release();
        }
    }
}
