package io.eventline.gateway.routing;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.emptyString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.nullValue;

import java.io.BufferedReader;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.OutputStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import io.eventline.gateway.testsupport.Keys;
import io.eventline.gateway.testsupport.RawHttp;
import io.eventline.gateway.testsupport.UpstreamStub;
import io.eventline.gateway.testsupport.Upstreams;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.common.http.TestHTTPResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.response.Response;

@QuarkusTest
@WithTestResource(Upstreams.class)
class ProxyForwardingTest {

    private static final String UUID_PATTERN = "[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}";

    @TestHTTPResource("/")
    URI gateway;

    private Upstreams.Stubs upstreams;

    @BeforeEach
    void resetUpstreams() {
        upstreams = Upstreams.stubs();
        upstreams.reset();
    }

    @Test
    void acceptedArticleComesBackWithTheUpstreamsStatusHeadersAndBody() {
        upstreams.ingest().on("/api/v1/articles", exchange -> {
            upstreams.ingest().record(exchange, UpstreamStub.readAll(exchange.getRequestBody()));
            exchange.getResponseHeaders().set("Location", "/api/v1/articles/a-42");
            UpstreamStub.respond(exchange, 202, "application/json", "{\"id\":\"a-42\",\"status\":\"accepted\"}");
        });

        given().header("Authorization", Keys.NEWSROOM).contentType("application/json").body("{\"title\":\"Flood\"}")
                .when().post("/api/v1/articles")
                .then().statusCode(202)
                .header("Location", "/api/v1/articles/a-42")
                .contentType("application/json")
                .body("id", equalTo("a-42"))
                .body("status", equalTo("accepted"));
    }

    @Test
    void withTracingOffAsByDefaultTheCallersTraceHeaderPassesThroughUntouched() {
        String traceparent = "00-4bf92f3577b34da6a3ce929d0e0e4736-00f067aa0ba902b7-01";
        given().header("Authorization", Keys.DASHBOARD).header("traceparent", traceparent)
                .when().get("/api/v1/timelines/t-1")
                .then().statusCode(200);

        assertThat(upstreams.timeline().takeRequest().headers().get("traceparent")).containsExactly(traceparent);
    }

    @Test
    void methodPathQueryAndBodyReachTheUpstreamUnchanged() {
        given().header("Authorization", Keys.NEWSROOM).contentType("application/json")
                .urlEncodingEnabled(false)
                .body("{\"title\":\"Storm update\"}")
                .when().patch("/api/v1/articles/a-1?fields=title&note=a%20b")
                .then().statusCode(200);

        UpstreamStub.Received received = upstreams.ingest().takeRequest();
        assertThat(received.method()).isEqualTo("PATCH");
        assertThat(received.uri()).isEqualTo("/api/v1/articles/a-1?fields=title&note=a%20b");
        assertThat(received.bodyText()).isEqualTo("{\"title\":\"Storm update\"}");
        assertThat(received.header("Content-Type")).startsWith("application/json");
    }

    @Test
    void upstreamNeverSeesTheCallersKeyButSeesWhoCalledThroughTheGateway() {
        given().header("Authorization", Keys.DASHBOARD)
                .header("Proxy-Authorization", "Basic c2VjcmV0")
                .header("X-Client-Version", "dashboard-1.2")
                .header("Forwarded", "for=6.6.6.6")
                .when().get("/api/v1/timelines/t-1")
                .then().statusCode(200);

        UpstreamStub.Received received = upstreams.timeline().takeRequest();
        assertThat(received.headers()).doesNotContainKeys("Authorization", "Proxy-Authorization", "Forwarded");
        assertThat(received.header("X-Client-Version")).isEqualTo("dashboard-1.2");
        assertThat(received.header("X-Forwarded-For")).isEqualTo("127.0.0.1");
        assertThat(received.header("X-Forwarded-Proto")).isEqualTo("http");
        assertThat(received.header("X-Forwarded-Host")).isEqualTo(gateway.getHost() + ":" + gateway.getPort());
    }

    @Test
    void headersMarkedHopByHopStayOnTheirOwnConnection() throws Exception {
        upstreams.timeline().on("/api/v1/timelines/hop", exchange -> {
            upstreams.timeline().record(exchange, new byte[0]);
            exchange.getResponseHeaders().set("Connection", "X-Upstream-Hop");
            exchange.getResponseHeaders().set("X-Upstream-Hop", "internal");
            exchange.getResponseHeaders().set("Keep-Alive", "timeout=30");
            UpstreamStub.respond(exchange, 200, "application/json", "{}");
        });

        String head;
        try (RawHttp http = new RawHttp(gateway)) {
            http.send("GET /api/v1/timelines/hop HTTP/1.1\r\n"
                    + "Host: " + gateway.getHost() + ":" + gateway.getPort() + "\r\n"
                    + "Authorization: " + Keys.DASHBOARD + "\r\n"
                    + "Connection: X-Caller-Hop\r\n"
                    + "X-Caller-Hop: private\r\n"
                    + "X-Caller-End-To-End: kept\r\n\r\n");
            head = http.readHead();
        }

        assertThat(head).startsWith("HTTP/1.1 200").doesNotContainIgnoringCase("X-Upstream-Hop")
                .doesNotContainIgnoringCase("Keep-Alive");
        UpstreamStub.Received received = upstreams.timeline().takeRequest();
        assertThat(received.headers()).doesNotContainKey("X-Caller-Hop");
        assertThat(received.header("X-Caller-End-To-End")).isEqualTo("kept");
    }

    @Test
    void conditionalGetPassesEtagAndIfNoneMatchThroughAndA304StaysA304() {
        upstreams.timeline().on("/api/v1/timelines/t-7", exchange -> {
            upstreams.timeline().record(exchange, new byte[0]);
            exchange.getResponseHeaders().set("ETag", "\"v3\"");
            if ("\"v3\"".equals(exchange.getRequestHeaders().getFirst("If-None-Match"))) {
                UpstreamStub.respond(exchange, 304, null, "");
            } else {
                UpstreamStub.respond(exchange, 200, "application/json", "{\"id\":\"t-7\",\"events\":[]}");
            }
        });

        String etag = given().header("Authorization", Keys.DASHBOARD)
                .when().get("/api/v1/timelines/t-7")
                .then().statusCode(200).body("id", equalTo("t-7"))
                .extract().header("ETag");
        assertThat(etag).isEqualTo("\"v3\"");
        upstreams.timeline().takeRequest();

        given().header("Authorization", Keys.DASHBOARD).header("If-None-Match", etag)
                .when().get("/api/v1/timelines/t-7")
                .then().statusCode(304)
                .header("ETag", "\"v3\"")
                .header("Transfer-Encoding", nullValue())
                .body(emptyString());
        assertThat(upstreams.timeline().takeRequest().header("If-None-Match")).isEqualTo("\"v3\"");
    }

    @Test
    void revalidationKeepsCacheControlAndLinkOnThe304() {
        upstreams.timeline().on("/api/v1/timelines/t-8", exchange -> {
            exchange.getResponseHeaders().set("ETag", "W/\"t8-2\"");
            exchange.getResponseHeaders().set("Cache-Control", "private, max-age=15");
            exchange.getResponseHeaders().set("Link", "</api/v1/timelines/t-8?cursor=c2>; rel=\"next\"");
            exchange.getResponseHeaders().set("Vary", "Accept-Encoding");
            UpstreamStub.respond(exchange, 304, null, "");
        });

        given().header("Authorization", Keys.DASHBOARD).header("If-None-Match", "W/\"t8-2\"")
                .when().get("/api/v1/timelines/t-8")
                .then().statusCode(304)
                .header("ETag", "W/\"t8-2\"")
                .header("Cache-Control", "private, max-age=15")
                .header("Link", "</api/v1/timelines/t-8?cursor=c2>; rel=\"next\"")
                .header("Vary", "Accept-Encoding")
                .body(emptyString());
    }

    @Test
    void serverSentEventsReachTheCallerOneByOne() throws Exception {
        CountDownLatch callerSawFirstEvent = new CountDownLatch(1);
        upstreams.timeline().on("/api/v1/timelines/t-1/changes", exchange -> {
            exchange.getResponseHeaders().set("Content-Type", "text/event-stream");
            exchange.getResponseHeaders().set("Cache-Control", "no-cache");
            exchange.sendResponseHeaders(200, 0);
            OutputStream out = exchange.getResponseBody();
            out.write("id: 1\nevent: event-added\ndata: {\"id\":\"e-1\"}\n\n".getBytes(StandardCharsets.UTF_8));
            out.flush();
            try {
                // The second event is only sent once the caller has the first: a buffering gateway would stall here.
                callerSawFirstEvent.await(10, TimeUnit.SECONDS);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
            out.write("id: 2\nevent: event-merged\ndata: {\"id\":\"e-2\"}\n\n".getBytes(StandardCharsets.UTF_8));
            out.close();
        });

        HttpResponse<InputStream> response = HttpClient.newHttpClient().send(
                HttpRequest.newBuilder(gateway.resolve("/api/v1/timelines/t-1/changes"))
                        .header("Authorization", Keys.DASHBOARD).header("Accept", "text/event-stream").build(),
                HttpResponse.BodyHandlers.ofInputStream());
        assertThat(response.statusCode()).isEqualTo(200);
        assertThat(response.headers().firstValue("Content-Type")).contains("text/event-stream");
        assertThat(response.headers().firstValue("Cache-Control")).contains("no-cache");
        BufferedReader events = new BufferedReader(new InputStreamReader(response.body(), StandardCharsets.UTF_8));

        assertThat(CompletableFuture.supplyAsync(() -> readLine(events)).get(5, TimeUnit.SECONDS)).isEqualTo("id: 1");
        assertThat(readLine(events)).isEqualTo("event: event-added");
        callerSawFirstEvent.countDown();
        assertThat(readLine(events)).isEqualTo("data: {\"id\":\"e-1\"}");
        assertThat(readLine(events)).isEmpty();
        assertThat(CompletableFuture.supplyAsync(() -> readLine(events)).get(5, TimeUnit.SECONDS)).isEqualTo("id: 2");
    }

    @Test
    void linkAndCacheControlHeadersReachTheCaller() {
        upstreams.timeline().on("/api/v1/timelines", exchange -> {
            exchange.getResponseHeaders().set("Cache-Control", "private, max-age=30");
            exchange.getResponseHeaders().set("Link", "</api/v1/timelines?cursor=abc>; rel=\"next\"");
            UpstreamStub.respond(exchange, 200, "application/json", "[]");
        });

        given().header("Authorization", Keys.DASHBOARD)
                .when().get("/api/v1/timelines")
                .then().statusCode(200)
                .header("Cache-Control", "private, max-age=30")
                .header("Link", "</api/v1/timelines?cursor=abc>; rel=\"next\"");
    }

    @Test
    void wellFormedRequestIdIsKeptForwardedAndReturned() {
        given().header("Authorization", Keys.DASHBOARD).header("X-Request-Id", "dash.board-42_A")
                .when().get("/api/v1/timelines")
                .then().statusCode(200)
                .header("X-Request-Id", "dash.board-42_A");

        assertThat(upstreams.timeline().takeRequest().header("X-Request-Id")).isEqualTo("dash.board-42_A");
    }

    @Test
    void requestWithoutIdGetsAFreshOneThatTheUpstreamSeesToo() {
        String id = given().header("Authorization", Keys.DASHBOARD)
                .when().get("/api/v1/timelines")
                .then().statusCode(200)
                .extract().header("X-Request-Id");

        assertThat(id).matches(UUID_PATTERN);
        assertThat(upstreams.timeline().takeRequest().header("X-Request-Id")).isEqualTo(id);
    }

    @Test
    void malformedRequestIdIsReplaced() {
        String tooLong = "a".repeat(129);
        for (String offered : List.of(tooLong, "has spaces", "<script>")) {
            String id = given().header("Authorization", Keys.DASHBOARD).header("X-Request-Id", offered)
                    .when().get("/api/v1/timelines")
                    .then().statusCode(200)
                    .extract().header("X-Request-Id");
            assertThat(id).as("id returned for offered '%s'", offered).matches(UUID_PATTERN);
            assertThat(upstreams.timeline().takeRequest().header("X-Request-Id")).isEqualTo(id);
        }
    }

    @Test
    void refusalsCarryTheRequestIdToo() {
        given().header("X-Request-Id", "refused-1")
                .when().get("/api/v1/timelines")
                .then().statusCode(401)
                .header("X-Request-Id", "refused-1")
                .body("requestId", equalTo("refused-1"));
    }

    @Test
    void callerSeesOneRequestIdEvenWhenTheUpstreamSendsItsOwn() {
        upstreams.timeline().on("/api/v1/timelines", exchange -> {
            exchange.getResponseHeaders().set("X-Request-Id", "upstream-made-this-up");
            UpstreamStub.respond(exchange, 200, "application/json", "[]");
        });

        Response response = given().header("Authorization", Keys.DASHBOARD).header("X-Request-Id", "mine-1")
                .when().get("/api/v1/timelines");

        assertThat(response.statusCode()).isEqualTo(200);
        assertThat(response.headers().getValues("X-Request-Id")).containsExactly("mine-1");
    }

    @Test
    void responseBodyIsStreamedToTheCallerBeforeTheUpstreamHasFinished() throws Exception {
        CountDownLatch callerSawFirstPart = new CountDownLatch(1);
        upstreams.timeline().on("/api/v1/timelines/live", exchange -> {
            exchange.getResponseHeaders().set("Content-Type", "text/plain");
            exchange.sendResponseHeaders(200, 0);
            OutputStream out = exchange.getResponseBody();
            out.write("first\n".getBytes(StandardCharsets.UTF_8));
            out.flush();
            try {
                // Holds the rest back until the caller has the first part, which it can only have if the
                // gateway relays chunks as they come instead of waiting for the whole body.
                callerSawFirstPart.await(10, TimeUnit.SECONDS);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
            out.write("second\n".getBytes(StandardCharsets.UTF_8));
            out.close();
        });

        HttpResponse<InputStream> response = HttpClient.newHttpClient().send(
                HttpRequest.newBuilder(gateway.resolve("/api/v1/timelines/live"))
                        .header("Authorization", Keys.DASHBOARD).build(),
                HttpResponse.BodyHandlers.ofInputStream());
        assertThat(response.statusCode()).isEqualTo(200);
        BufferedReader body = new BufferedReader(new InputStreamReader(response.body(), StandardCharsets.UTF_8));

        String firstLine = CompletableFuture.supplyAsync(() -> readLine(body)).get(5, TimeUnit.SECONDS);
        assertThat(firstLine).isEqualTo("first");
        callerSawFirstPart.countDown();
        assertThat(CompletableFuture.supplyAsync(() -> readLine(body)).get(5, TimeUnit.SECONDS)).isEqualTo("second");
    }

    @Test
    void requestBodyIsStreamedToTheUpstreamBeforeTheCallerHasFinished() throws Exception {
        CountDownLatch upstreamSawFirstPart = new CountDownLatch(1);
        upstreams.ingest().on("/api/v1/articles/bulk", exchange -> {
            InputStream in = exchange.getRequestBody();
            // One byte is enough to know the upload has started to arrive (the JDK server would block
            // reading a whole chunk until the next chunk header shows up).
            int first = in.read();
            upstreamSawFirstPart.countDown();
            byte[] rest = in.readAllBytes();
            UpstreamStub.respond(exchange, 200, "text/plain", (char) first + new String(rest, StandardCharsets.UTF_8));
        });

        try (RawHttp http = new RawHttp(gateway)) {
            http.send("POST /api/v1/articles/bulk HTTP/1.1\r\n"
                    + "Host: " + gateway.getHost() + ":" + gateway.getPort() + "\r\n"
                    + "Authorization: " + Keys.NEWSROOM + "\r\n"
                    + "Content-Type: text/plain\r\n"
                    + "Transfer-Encoding: chunked\r\n"
                    + "Connection: close\r\n\r\n");
            http.chunk("part-one;".getBytes(StandardCharsets.UTF_8));

            // Only a gateway that forwards chunks as they arrive lets the upstream see part one now.
            assertThat(upstreamSawFirstPart.await(5, TimeUnit.SECONDS))
                    .as("upstream received the first part while the caller was still sending").isTrue();

            http.chunk("part-two".getBytes(StandardCharsets.UTF_8)).lastChunk();
            assertThat(http.readHead()).startsWith("HTTP/1.1 200");
            assertThat(http.readRest()).contains("part-one;part-two");
        }
    }

    private static String readLine(BufferedReader reader) {
        try {
            return reader.readLine();
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }
}
