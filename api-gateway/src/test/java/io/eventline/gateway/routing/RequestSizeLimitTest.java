package io.eventline.gateway.routing;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Arrays;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import io.eventline.gateway.testsupport.Keys;
import io.eventline.gateway.testsupport.RawHttp;
import io.eventline.gateway.testsupport.Upstreams;
import io.vertx.core.json.JsonObject;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.common.http.TestHTTPResource;
import io.quarkus.test.junit.QuarkusTest;

@QuarkusTest
@WithTestResource(Upstreams.class)
class RequestSizeLimitTest {

    /** The default limit (2M), which the tests run with. */
    private static final int LIMIT = 2 * 1024 * 1024;

    @TestHTTPResource("/")
    URI gateway;

    private Upstreams.Stubs upstreams;

    @BeforeEach
    void resetUpstreams() {
        upstreams = Upstreams.stubs();
        upstreams.reset();
    }

    @Test
    void bodyOfExactlyTheLimitIsForwarded() throws Exception {
        HttpResponse<String> response = postArticle(filled(LIMIT));

        assertThat(response.statusCode()).isEqualTo(200);
        assertThat(upstreams.ingest().takeRequest().body()).hasSize(LIMIT);
    }

    @Test
    void bodyOverTheLimitIsRefusedWith413ProblemWithoutReachingTheUpstream() throws Exception {
        HttpResponse<String> response = postArticle(filled(LIMIT + 1));

        assertThat(response.statusCode()).isEqualTo(413);
        assertThat(response.headers().firstValue("Content-Type")).hasValue("application/problem+json");
        JsonObject problem = new JsonObject(response.body());
        assertThat(problem.getString("type")).isEqualTo("urn:eventline:problem:body-too-large");
        assertThat(problem.getLong("maxBytes")).isEqualTo(LIMIT);
        assertThat(upstreams.ingest().receivedAnything(Duration.ofMillis(300))).isFalse();
    }

    @Test
    void clientThatSendsTheWholeOversizedBodyBeforeReadingStillGetsThe413() throws Exception {
        // Like many blocking clients: write the entire request, only then read the answer. The gateway
        // must not hang up while the body is still coming, or this client sees a reset instead of a 413.
        // The body is bigger than socket buffers can swallow, so hanging up early would really show.
        int size = 3 * LIMIT + LIMIT / 2;
        try (RawHttp http = new RawHttp(gateway)) {
            http.send(head("POST", "/api/v1/articles", Keys.NEWSROOM, "Content-Length: " + size));
            byte[] chunk = filled(64 * 1024);
            for (int sent = 0; sent < size; sent += chunk.length) {
                http.send(Arrays.copyOf(chunk, Math.min(chunk.length, size - sent)));
            }

            assertThat(http.readHead()).startsWith("HTTP/1.1 413");
            assertThat(http.readRest()).contains("body-too-large");
        }
    }

    @Test
    void chunkedBodyThatGrowsPastTheLimitIsCutOffWith413() throws Exception {
        byte[] chunk = filled(64 * 1024);
        try (RawHttp http = new RawHttp(gateway)) {
            http.send(head("POST", "/api/v1/articles", Keys.NEWSROOM, "Transfer-Encoding: chunked"));
            for (int sent = 0; sent <= LIMIT; sent += chunk.length) {
                http.chunk(chunk);
            }
            http.lastChunk();

            String head = http.readHead();
            assertThat(head).startsWith("HTTP/1.1 413").containsIgnoringCase("content-type: application/problem+json");
            assertThat(http.readRest()).contains("urn:eventline:problem:body-too-large");
        }
        assertThat(upstreams.ingest().receivedAnything(Duration.ofMillis(300)))
                .as("the upstream must not have been handed a complete oversized body").isFalse();
    }

    @Test
    void clientThatAsksBeforeSendingAnOversizedBodyIsToldNoWithoutSendingIt() throws Exception {
        try (RawHttp http = new RawHttp(gateway)) {
            http.send(head("POST", "/api/v1/articles", Keys.NEWSROOM,
                    "Content-Length: " + (LIMIT + 1) + "\r\nExpect: 100-continue"));

            String head = http.readHead();
            assertThat(head).startsWith("HTTP/1.1 413");
            assertThat(http.readRest()).contains("body-too-large");
        }
    }

    @Test
    void clientThatAsksBeforeSendingAnAcceptableBodyIsToldToContinue() throws Exception {
        byte[] body = "{\"title\":\"Wildfire\"}".getBytes(StandardCharsets.UTF_8);
        try (RawHttp http = new RawHttp(gateway)) {
            http.send(head("POST", "/api/v1/articles", Keys.NEWSROOM,
                    "Content-Type: application/json\r\nContent-Length: " + body.length + "\r\nExpect: 100-continue"));

            assertThat(http.readHead()).startsWith("HTTP/1.1 100");
            http.send(body);
            assertThat(http.readHead()).startsWith("HTTP/1.1 200");
        }
        assertThat(upstreams.ingest().takeRequest().bodyText()).isEqualTo("{\"title\":\"Wildfire\"}");
    }

    /** Sends with Content-Length, as most clients do for a body they hold in memory. */
    private HttpResponse<String> postArticle(byte[] body) throws Exception {
        return HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build().send(
                HttpRequest.newBuilder(gateway.resolve("/api/v1/articles"))
                        .header("Authorization", Keys.NEWSROOM)
                        .header("Content-Type", "application/octet-stream")
                        .POST(HttpRequest.BodyPublishers.ofByteArray(body)).build(),
                HttpResponse.BodyHandlers.ofString());
    }

    private String head(String method, String path, String authorization, String extraHeaders) {
        return method + " " + path + " HTTP/1.1\r\n"
                + "Host: " + gateway.getHost() + ":" + gateway.getPort() + "\r\n"
                + "Authorization: " + authorization + "\r\n"
                + extraHeaders + "\r\n"
                + "Connection: close\r\n\r\n";
    }

    private static byte[] filled(int size) {
        byte[] bytes = new byte[size];
        Arrays.fill(bytes, (byte) 'x');
        return bytes;
    }
}
