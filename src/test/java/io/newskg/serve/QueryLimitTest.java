package io.newskg.serve;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletOutputStream;
import jakarta.servlet.WriteListener;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.junit.jupiter.api.Test;

import java.io.ByteArrayOutputStream;
import java.lang.reflect.Proxy;
import java.util.HashMap;
import java.util.Map;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Issue 18: a cap on queries running at once; the ones over it wait, then get 503. */
class QueryLimitTest {
    private static HttpServletRequest request(String method, String uri, String query) {
        return (HttpServletRequest) Proxy.newProxyInstance(QueryLimitTest.class.getClassLoader(), new Class<?>[] {HttpServletRequest.class},
                (p, m, a) -> switch (m.getName()) {
                    case "getRequestURI" -> uri;
                    case "getQueryString" -> query;
                    case "getMethod" -> method;
                    default -> null;
                });
    }

    /** A response recording its status, headers and body. */
    private static HttpServletResponse response(Map<String, Object> seen, ByteArrayOutputStream body) {
        ServletOutputStream out = new ServletOutputStream() {
            @Override public boolean isReady() { return true; }
            @Override public void setWriteListener(WriteListener l) {}
            @Override public void write(int b) { body.write(b); }
        };
        return (HttpServletResponse) Proxy.newProxyInstance(QueryLimitTest.class.getClassLoader(), new Class<?>[] {HttpServletResponse.class},
                (p, m, a) -> {
                    switch (m.getName()) {
                        case "setStatus" -> seen.put("status", a[0]);
                        case "setHeader" -> seen.put((String) a[0], a[1]);
                        case "getOutputStream" -> { return out; }
                        default -> { }
                    }
                    return null;
                });
    }

    @Test
    void queriesOverTheCapWaitThenGet503AndOtherRequestsPass() throws Exception {
        QueryLimit limit = new QueryLimit(1, 200);
        CountDownLatch inside = new CountDownLatch(1), release = new CountDownLatch(1);
        AtomicInteger ran = new AtomicInteger();
        FilterChain slow = (rq, rs) -> {
            ran.incrementAndGet();
            inside.countDown();
            try {
                release.await(10, TimeUnit.SECONDS);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        };
        Thread first = new Thread(() -> {
            try {
                limit.doFilter(request("POST", "/newskg/sparql", null), response(new HashMap<>(), new ByteArrayOutputStream()), slow);
            } catch (Exception e) {
                throw new RuntimeException(e);
            }
        });
        first.start();
        assertTrue(inside.await(10, TimeUnit.SECONDS));
        // a second query finds the one permit taken: after its wait, 503 with Retry-After
        Map<String, Object> seen = new HashMap<>();
        ByteArrayOutputStream body = new ByteArrayOutputStream();
        long t0 = System.nanoTime();
        limit.doFilter(request("GET", "/newskg/sparql", "query=ASK%7B%7D"), response(seen, body), (rq, rs) -> ran.incrementAndGet());
        long waited = (System.nanoTime() - t0) / 1_000_000;
        assertEquals(503, seen.get("status"));
        assertTrue(seen.containsKey("Retry-After"));
        assertTrue(body.toString(java.nio.charset.StandardCharsets.UTF_8).contains("NEWSKG_MAX_QUERIES"), body.toString());
        assertTrue(waited >= 150, "it waited for a turn first: " + waited + " ms");
        assertEquals(1, ran.get(), "the refused query never ran");
        // pages, the graph view and updates are not queries: they pass
        limit.doFilter(request("GET", "/graph/index.html", null), response(new HashMap<>(), new ByteArrayOutputStream()), (rq, rs) -> ran.incrementAndGet());
        assertEquals(2, ran.get());
        release.countDown();
        first.join(10_000);
        // the permit is back: the next query runs
        Map<String, Object> after = new HashMap<>();
        limit.doFilter(request("GET", "/newskg/sparql", "query=ASK%7B%7D"), response(after, new ByteArrayOutputStream()), (rq, rs) -> ran.incrementAndGet());
        assertFalse(after.containsKey("status"));
        assertEquals(3, ran.get());
    }

    @Test
    void badSettingsAreNamed() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> QueryLimit.fromEnvironment(Map.of(QueryLimit.ENV_MAX, "many")));
        assertTrue(e.getMessage().contains(QueryLimit.ENV_MAX), e.getMessage());
        assertThrows(IllegalArgumentException.class, () -> QueryLimit.fromEnvironment(Map.of(QueryLimit.ENV_MAX, "0")));
        assertThrows(IllegalArgumentException.class, () -> QueryLimit.fromEnvironment(Map.of(QueryLimit.ENV_WAIT, "soon")));
    }
}
