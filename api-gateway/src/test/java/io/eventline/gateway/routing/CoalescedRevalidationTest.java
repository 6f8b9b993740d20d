package io.eventline.gateway.routing;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.IntStream;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import io.eventline.gateway.testsupport.Eventually;
import io.eventline.gateway.testsupport.Keys;
import io.eventline.gateway.testsupport.Metrics;
import io.eventline.gateway.testsupport.UpstreamStub;
import io.eventline.gateway.testsupport.Upstreams;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.common.http.TestHTTPResource;
import io.quarkus.test.junit.QuarkusTest;

/**
 * Dashboards revalidating the same page at the same moment: identical conditional reads in flight together
 * cost the upstream one request. The upstream holds its first answer until the others are waiting, so what
 * is shared does not depend on timing.
 */
@QuarkusTest
@WithTestResource(Upstreams.class)
class CoalescedRevalidationTest {

    private static final String PAGE = "/api/v1/timelines/t-c/events";
    private static final String ETAG = "W/\"page-7\"";
    private static final int CALLERS = 12;

    @TestHTTPResource("/")
    URI gateway;

    /** Shared so its connections stay open from one test to the next. */
    private static final HttpClient HTTP = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build();
    private final CountDownLatch release = new CountDownLatch(1);
    private final AtomicInteger upstreamCalls = new AtomicInteger();
    private UpstreamStub timeline;

    @BeforeEach
    void resetUpstreamsAndConnect() {
        Upstreams.stubs().reset();
        timeline = Upstreams.stubs().timeline();
        // The callers' connections are opened, and the metrics read once, here: so that on a slow machine all
        // callers reach the gateway, and the test sees them waiting, well within the route's timeout (2 s in
        // tests) while the first is held upstream.
        sendTogether(CALLERS, "W/\"warm-up\"", "/api/v1/timelines/t-warm").forEach(CompletableFuture::join);
        assertThat(waiting()).isZero();
    }

    @AfterEach
    void releaseHeldAnswers() {
        release.countDown();
    }

    @Test
    void identicalRevalidationsInFlightShareOneUpstreamRequestAnd304WithItsHeaders() throws Exception {
        timeline.on(PAGE, exchange -> {
            upstreamCalls.incrementAndGet();
            awaitRelease();
            exchange.getResponseHeaders().set("ETag", ETAG);
            exchange.getResponseHeaders().set("Cache-Control", "private, max-age=15");
            exchange.getResponseHeaders().set("Link", "<" + PAGE + "?cursor=c2>; rel=\"next\"");
            UpstreamStub.respond(exchange, 304, null, "");
        });
        double sharedBefore = coalesced("not-modified");

        List<CompletableFuture<HttpResponse<String>>> answers = sendTogether(CALLERS, ETAG);
        Eventually.until("all but the first wait for it", () -> waiting() == CALLERS - 1);
        release.countDown();

        for (CompletableFuture<HttpResponse<String>> each : answers) {
            HttpResponse<String> answer = each.get(10, TimeUnit.SECONDS);
            assertThat(answer.statusCode()).isEqualTo(304);
            assertThat(answer.headers().firstValue("ETag")).contains(ETAG);
            assertThat(answer.headers().firstValue("Cache-Control")).contains("private, max-age=15");
            assertThat(answer.headers().firstValue("Link")).contains("<" + PAGE + "?cursor=c2>; rel=\"next\"");
            assertThat(answer.body()).isEmpty();
        }
        assertThat(upstreamCalls.get()).isEqualTo(1);
        // Each caller still has its own id, though the upstream saw only the first one's.
        assertThat(answers.stream().map(each -> each.join().headers().firstValue("X-Request-Id").orElseThrow()).distinct())
                .hasSize(CALLERS);
        assertThat(coalesced("not-modified") - sharedBefore).isEqualTo(CALLERS - 1);
    }

    @Test
    void whenThePageChangedEveryWaiterSendsItsOwnRequestAndGetsTheWholePage() throws Exception {
        String page = "{\"events\":[{\"id\":\"e-1\"}],\"etag\":\"page-8\"}";
        timeline.on(PAGE, exchange -> {
            if (upstreamCalls.incrementAndGet() == 1) {
                awaitRelease();
            }
            exchange.getResponseHeaders().set("ETag", "W/\"page-8\"");
            UpstreamStub.respond(exchange, 200, "application/json", page);
        });

        List<CompletableFuture<HttpResponse<String>>> answers = sendTogether(CALLERS, ETAG);
        Eventually.until("all but the first wait for it", () -> waiting() == CALLERS - 1);
        release.countDown();

        for (CompletableFuture<HttpResponse<String>> each : answers) {
            HttpResponse<String> answer = each.get(10, TimeUnit.SECONDS);
            assertThat(answer.statusCode()).isEqualTo(200);
            assertThat(answer.headers().firstValue("ETag")).contains("W/\"page-8\"");
            assertThat(answer.body()).isEqualTo(page);
        }
        assertThat(upstreamCalls.get()).isEqualTo(CALLERS);
    }

    @Test
    void aKeyWithoutTheReadScopeIsRefusedAtOnceAndNeverJoins() throws Exception {
        holdFirstAnswerThen304();
        CompletableFuture<HttpResponse<String>> leader = sendTogether(1, ETAG).get(0);
        Eventually.until("the first request reached the upstream", () -> upstreamCalls.get() == 1);

        given().header("Authorization", Keys.NEWSROOM).header("If-None-Match", ETAG)
                .when().get(PAGE)
                .then().statusCode(403);

        assertThat(waiting()).isZero();
        release.countDown();
        assertThat(leader.get(10, TimeUnit.SECONDS).statusCode()).isEqualTo(304);
        assertThat(upstreamCalls.get()).isEqualTo(1);
    }

    @Test
    void revalidationsOfDifferentVersionsAreNotCoalesced() throws Exception {
        holdFirstAnswerThen304();
        CompletableFuture<HttpResponse<String>> leader = sendTogether(1, ETAG).get(0);
        Eventually.until("the first request reached the upstream", () -> upstreamCalls.get() == 1);

        // Answered while the first is still held upstream: it went there itself.
        given().header("Authorization", Keys.DASHBOARD).header("If-None-Match", "W/\"page-6\"")
                .when().get(PAGE)
                .then().statusCode(304);

        assertThat(upstreamCalls.get()).isEqualTo(2);
        release.countDown();
        assertThat(leader.get(10, TimeUnit.SECONDS).statusCode()).isEqualTo(304);
    }

    /** The upstream holds the first request until released; the others it answers at once. */
    private void holdFirstAnswerThen304() {
        timeline.on(PAGE, exchange -> {
            if (upstreamCalls.incrementAndGet() == 1) {
                awaitRelease();
            }
            exchange.getResponseHeaders().set("ETag", ETAG);
            UpstreamStub.respond(exchange, 304, null, "");
        });
    }

    private List<CompletableFuture<HttpResponse<String>>> sendTogether(int callers, String ifNoneMatch) {
        return sendTogether(callers, ifNoneMatch, PAGE);
    }

    private List<CompletableFuture<HttpResponse<String>>> sendTogether(int callers, String ifNoneMatch, String path) {
        HttpRequest request = HttpRequest.newBuilder(gateway.resolve(path))
                .header("Authorization", Keys.DASHBOARD)
                .header("If-None-Match", ifNoneMatch)
                .header("Accept", "application/json")
                .GET().build();
        return IntStream.range(0, callers)
                .mapToObj(i -> HTTP.sendAsync(request, HttpResponse.BodyHandlers.ofString()))
                .toList();
    }

    private void awaitRelease() {
        try {
            release.await(10, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    private static double waiting() {
        return Metrics.value("eventline_gateway_revalidations_waiting");
    }

    private static double coalesced(String outcome) {
        return Metrics.sum("eventline_gateway_revalidations_coalesced_total", "outcome=\"" + outcome + "\"");
    }
}
