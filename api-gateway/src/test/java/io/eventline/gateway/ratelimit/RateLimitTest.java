package io.eventline.gateway.ratelimit;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.equalTo;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicInteger;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import io.eventline.gateway.testsupport.Keys;
import io.eventline.gateway.testsupport.Metrics;
import io.eventline.gateway.testsupport.UpstreamStub;
import io.eventline.gateway.testsupport.Upstreams;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.common.http.TestHTTPResource;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.QuarkusTestProfile;
import io.quarkus.test.junit.TestProfile;
import io.restassured.response.Response;

/**
 * Buckets that never refill during the test (one request per 1000 days), so what a test may send is exactly
 * the burst. Each test uses its own key and allowance, hence its own bucket.
 */
@QuarkusTest
@WithTestResource(Upstreams.class)
@TestProfile(RateLimitTest.SmallBuckets.class)
class RateLimitTest {

    static final int TIMELINES_READ_BURST = 25;

    public static class SmallBuckets implements QuarkusTestProfile {
        @Override
        public Map<String, String> getConfigOverrides() {
            return Map.ofEntries(
                    Map.entry("eventline.gateway.rate-limit.enabled", "true"),
                    Map.entry("eventline.gateway.rate-limit.not-modified-cost", "0.5"),
                    Map.entry("eventline.gateway.rate-limit.timelines-read.burst", Integer.toString(TIMELINES_READ_BURST)),
                    Map.entry("eventline.gateway.rate-limit.timelines-read.requests", "1"),
                    Map.entry("eventline.gateway.rate-limit.timelines-read.period", "1000d"),
                    Map.entry("eventline.gateway.rate-limit.timelines-write.burst", "2"),
                    Map.entry("eventline.gateway.rate-limit.timelines-write.requests", "1"),
                    Map.entry("eventline.gateway.rate-limit.timelines-write.period", "1000d"),
                    Map.entry("eventline.gateway.rate-limit.any-key.burst", "2"),
                    Map.entry("eventline.gateway.rate-limit.any-key.requests", "1"),
                    Map.entry("eventline.gateway.rate-limit.any-key.period", "1000d"));
        }
    }

    @TestHTTPResource("/")
    URI gateway;

    private Upstreams.Stubs upstreams;

    @BeforeEach
    void resetUpstreams() {
        upstreams = Upstreams.stubs();
        upstreams.reset();
    }

    @Test
    void concurrentRequestsGetExactlyTheBurstThroughAndTheRestA429() throws Exception {
        int threads = 8;
        int requestsEach = 10;
        HttpClient client = HttpClient.newHttpClient();
        ExecutorService pool = Executors.newFixedThreadPool(threads);
        CountDownLatch start = new CountDownLatch(1);
        Map<Integer, AtomicInteger> byStatus = new ConcurrentHashMap<>();
        List<String> retryAfters = new ArrayList<>();
        long rateLimitedBefore = rateLimitedCount("timelines", "dashboard");
        try {
            List<Future<?>> done = new ArrayList<>();
            for (int t = 0; t < threads; t++) {
                done.add(pool.submit(() -> {
                    start.await();
                    for (int i = 0; i < requestsEach; i++) {
                        HttpResponse<String> response = client.send(HttpRequest.newBuilder(gateway.resolve("/api/v1/timelines"))
                                .header("Authorization", Keys.DASHBOARD).build(), HttpResponse.BodyHandlers.ofString());
                        byStatus.computeIfAbsent(response.statusCode(), s -> new AtomicInteger()).incrementAndGet();
                        if (response.statusCode() == 429) {
                            synchronized (retryAfters) {
                                retryAfters.add(response.headers().firstValue("Retry-After").orElse("missing"));
                            }
                        }
                    }
                    return null;
                }));
            }
            start.countDown();
            for (Future<?> each : done) {
                each.get();
            }
        } finally {
            pool.shutdownNow();
        }

        assertThat(byStatus.get(200)).hasValue(TIMELINES_READ_BURST);
        assertThat(byStatus.get(429)).hasValue(threads * requestsEach - TIMELINES_READ_BURST);
        assertThat(byStatus).containsOnlyKeys(200, 429);
        assertThat(retryAfters).allSatisfy(value -> assertThat(Long.parseLong(value)).isPositive());
        assertThat(rateLimitedCount("timelines", "dashboard") - rateLimitedBefore)
                .isEqualTo(threads * requestsEach - TIMELINES_READ_BURST);
    }

    @Test
    void refusalIsA429ProblemWithRetryAfterAndRateLimitHeaders() {
        // Dashboard's timelines-write bucket holds 2 requests.
        given().header("Authorization", Keys.DASHBOARD).body("{}").put("/api/v1/timelines/t-9").then().statusCode(200)
                .header("RateLimit-Limit", "2").header("RateLimit-Remaining", "1");
        given().header("Authorization", Keys.DASHBOARD).body("{}").put("/api/v1/timelines/t-9").then().statusCode(200)
                .header("RateLimit-Remaining", "0");

        Response refused = given().header("Authorization", Keys.DASHBOARD).body("{}").put("/api/v1/timelines/t-9");

        refused.then().statusCode(429)
                .contentType("application/problem+json")
                .body("type", equalTo("urn:eventline:problem:rate-limited"))
                .body("detail", org.hamcrest.Matchers.containsString("'dashboard'"))
                .header("RateLimit-Limit", "2")
                .header("RateLimit-Remaining", "0");
        // One request's worth refills in 1000 days / 1 request.
        assertThat(Long.parseLong(refused.header("Retry-After"))).isGreaterThan(86_400L * 999);
        assertThat(Long.parseLong(refused.header("RateLimit-Reset"))).isGreaterThan(86_400L * 1999);
    }

    @Test
    void revalidationsAnsweredWith304CostTheirShareAndAConditionalReadAnsweredInFullCostsAFullRequest() {
        upstreams.ingest().on("/api/v1/articles/a-7", exchange -> {
            exchange.getResponseHeaders().set("ETag", "\"v1\"");
            if ("\"v1\"".equals(exchange.getRequestHeaders().getFirst("If-None-Match"))) {
                UpstreamStub.respond(exchange, 304, null, "");
            } else {
                UpstreamStub.respond(exchange, 200, "application/json", "{\"id\":\"a-7\"}");
            }
        });

        // Newsroom's any-key bucket holds 2 requests; a 304 costs half of one, so four revalidations fit.
        for (int i = 1; i <= 4; i++) {
            given().header("Authorization", Keys.NEWSROOM).header("If-None-Match", "\"v1\"").get("/api/v1/articles/a-7")
                    .then().statusCode(304);
        }
        given().header("Authorization", Keys.NEWSROOM).header("If-None-Match", "\"v1\"").get("/api/v1/articles/a-7")
                .then().statusCode(429);

        // A conditional read the upstream answers in full is charged in full once the answer is known: the
        // bucket of 2 takes two of them, not four.
        String stale = "\"v0\"";
        given().header("Authorization", Keys.DASHBOARD).header("If-None-Match", stale).get("/api/v1/articles/a-7")
                .then().statusCode(200);
        given().header("Authorization", Keys.DASHBOARD).header("If-None-Match", stale).get("/api/v1/articles/a-7")
                .then().statusCode(200);
        given().header("Authorization", Keys.DASHBOARD).header("If-None-Match", stale).get("/api/v1/articles/a-7")
                .then().statusCode(429);
    }

    private static long rateLimitedCount(String route, String key) {
        return (long) Metrics.sum("eventline_gateway_rate_limited_total", "route=\"" + route + "\"", "key=\"" + key + "\"");
    }
}
