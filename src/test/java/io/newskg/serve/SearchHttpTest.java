package io.newskg.serve;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.newskg.serve.SeedStore.Running;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

import java.net.URLEncoder;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** /search over HTTP: the server builds the index in the background, then answers ranked, distinct JSON hits. */
@Timeout(value = 120, threadMode = Timeout.ThreadMode.SEPARATE_THREAD)
class SearchHttpTest {
    static final ObjectMapper JSON = new ObjectMapper();

    static JsonNode search(Running r, String query) throws Exception {
        String url = r.url("/search" + query);
        for (int i = 0; i < 600; i++) {
            HttpResponse<String> resp = ServerTest.get(url);
            if (resp.statusCode() != 503) {
                JsonNode j = JSON.readTree(resp.body());
                ((com.fasterxml.jackson.databind.node.ObjectNode) j).put("status", resp.statusCode());
                return j;
            }
            Thread.sleep(100);
        }
        throw new AssertionError("the search index was never ready");
    }

    static String q(String s) { return URLEncoder.encode(s, StandardCharsets.UTF_8); }

    @Test
    void searchesNodesAndRefusesBadInput() throws Exception {
        try (Running r = Running.start(SeedStore.options())) {
            JsonNode j = search(r, "?q=" + q("烏蘭察布") + "&limit=5");
            assertEquals(200, j.get("status").asInt());
            JsonNode first = j.get("hits").get(0);
            assertEquals("乌兰察布市", first.get("label").asText());
            assertEquals("region", first.get("kind").asText());
            assertEquals(5, j.get("hits").size());

            JsonNode p = search(r, "?q=" + q("谢敬东") + "&kind=person").get("hits").get(0);
            assertTrue(p.get("post").asText().contains("统战部"), p.toString());
            assertTrue(p.get("articles").asLong() >= 1);

            JsonNode nodes = search(r, "/nodes?iri=" + q(p.get("iri").asText()));
            assertEquals("谢敬东", nodes.get("nodes").get(0).get("label").asText());

            assertEquals(400, search(r, "?q=").get("status").asInt());
            assertEquals(400, search(r, "?q=x&limit=0").get("status").asInt());
            assertEquals(400, search(r, "?q=x&kind=planet").get("status").asInt());
            HttpResponse<String> resp = ServerTest.get(r.url("/search?q=" + q("乌兰察布")));
            assertTrue(resp.headers().firstValue("Content-Type").orElse("").startsWith("application/json"));
        }
    }
}
