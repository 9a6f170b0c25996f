package io.newskg.serve;

import io.newskg.serve.SeedStore.Running;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

import java.net.URLDecoder;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The project's prefixes in the Fuseki UI: its prefix buttons, and /editor opening a query that declares them. */
@Timeout(value = 120, threadMode = Timeout.ThreadMode.SEPARATE_THREAD)
class QueryEditorTest {
    @Test
    void prefixButtonsAndEditorLink() throws Exception {
        try (Running r = Running.start(SeedStore.options())) {
            HttpResponse<String> index = ServerTest.get(r.url("/"));
            assertEquals(200, index.statusCode());
            // the UI's query script, found through its index page and the scripts it loads
            String script = null;
            Matcher m = Pattern.compile("/static/[A-Za-z0-9_.-]+\\.js").matcher(index.body());
            java.util.Set<String> seen = new java.util.HashSet<>();
            java.util.ArrayDeque<String> todo = new java.util.ArrayDeque<>();
            while (m.find()) todo.add(m.group());
            while (!todo.isEmpty() && script == null) {
                String path = todo.poll();
                if (!seen.add(path)) continue;
                String body = ServerTest.get(r.url(path)).body();
                if (path.matches("/static/Query-.*\\.js")) script = body;
                Matcher more = Pattern.compile("(?:\\./|/static/)(Query-[A-Za-z0-9_-]+\\.js)").matcher(body);
                while (more.find()) todo.add("/static/" + more.group(1));
            }
            assertTrue(script != null, "no query script found in the UI");
            assertTrue(script.contains("{\"uri\":\"https://w3id.org/newskg/ns#\",\"text\":\"nkg\"}"), "nkg not among the prefix buttons");
            assertTrue(script.contains("\"text\":\"org\""));

            HttpResponse<String> editor = ServerTest.get(r.url("/editor"));
            assertEquals(302, editor.statusCode());
            String to = URLDecoder.decode(editor.headers().firstValue("Location").orElseThrow(), StandardCharsets.UTF_8);
            assertTrue(to.contains("/#/dataset/newskg/query?query=PREFIX "), to);
            assertTrue(to.contains("PREFIX nkg: <https://w3id.org/newskg/ns#>"), to);
        }
    }

    @Test
    void patchLeavesAnotherScriptAlone() {
        assertEquals("var x = 1;", QueryEditor.patch("var x = 1;"));
    }
}
