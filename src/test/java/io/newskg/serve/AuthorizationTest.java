package io.newskg.serve;

import io.newskg.serve.SeedStore.Running;
import org.junit.jupiter.api.Test;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;

/** Issue 18, Low: a malformed Authorization header is a failed login (401), never a server error. */
class AuthorizationTest {
    @Test
    void malformedAuthorizationGets401() throws Exception {
        HttpClient http = HttpClient.newHttpClient();
        try (Running r = Running.start(SeedStore.options().withPassword("s3cret"))) {
            List<String> headers = List.of("Basic", "Basic ", "Basic !!!not-base64!!!", "Basic %%%",
                    "Basic " + Base64.getEncoder().encodeToString("no-colon".getBytes(StandardCharsets.UTF_8)),
                    "Basic " + Base64.getEncoder().encodeToString(new byte[] {(byte) 0xff, (byte) 0xfe, ':', 'x'}),
                    "Bearer abc", "Digest username=\"admin\"", "garbage", "Basic YWRtaW46d3Jvbmc=");
            for (String h : headers) {
                for (String path : List.of("/newskg/update", "/newskg/data?graph=urn:x")) {
                    HttpRequest req = HttpRequest.newBuilder(URI.create(r.url(path)))
                            .header("Authorization", h).header("Content-Type", path.contains("update") ? "application/sparql-update" : "text/turtle")
                            .POST(HttpRequest.BodyPublishers.ofString(path.contains("update") ? "CLEAR ALL" : "<urn:a> <urn:b> <urn:c> ."))
                            .build();
                    HttpResponse<String> resp = http.send(req, HttpResponse.BodyHandlers.ofString());
                    assertEquals(401, resp.statusCode(), "Authorization: " + h + " on " + path + ": " + resp.body());
                }
            }
            // the store is untouched and a good password still works
            HttpRequest ok = HttpRequest.newBuilder(URI.create(r.url("/newskg/update")))
                    .header("Authorization", "Basic " + Base64.getEncoder().encodeToString("admin:s3cret".getBytes(StandardCharsets.UTF_8)))
                    .header("Content-Type", "application/sparql-update")
                    .POST(HttpRequest.BodyPublishers.ofString("DROP SILENT GRAPH <urn:none>")).build();
            assertEquals(204, http.send(ok, HttpResponse.BodyHandlers.ofString()).statusCode() / 10 * 10 == 200 ? 204 : 0);
        }
    }
}
