package io.eventline.gateway.edge;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.nullValue;

import java.time.Duration;
import java.util.Map;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import io.eventline.gateway.testsupport.Eventually;
import io.eventline.gateway.testsupport.Keys;
import io.eventline.gateway.testsupport.Metrics;
import io.eventline.gateway.testsupport.UpstreamStub;
import io.eventline.gateway.testsupport.Upstreams;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.QuarkusTestProfile;
import io.quarkus.test.junit.TestProfile;

@QuarkusTest
@WithTestResource(Upstreams.class)
@TestProfile(CorsTest.OneDashboardOrigin.class)
class CorsTest {

    static final String DASHBOARD_ORIGIN = "https://dashboard.eventline.example";

    public static class OneDashboardOrigin implements QuarkusTestProfile {
        @Override
        public Map<String, String> getConfigOverrides() {
            return Map.of("eventline.gateway.cors.origins", DASHBOARD_ORIGIN + ",http://localhost:5173",
                    "eventline.gateway.cors.max-age", "5m");
        }
    }

    private Upstreams.Stubs upstreams;

    @BeforeEach
    void resetUpstreams() {
        upstreams = Upstreams.stubs();
        upstreams.reset();
    }

    @Test
    void preflightFromAnAllowedOriginIsAnsweredAtTheGatewayWithoutAKey() {
        given().header("Origin", DASHBOARD_ORIGIN)
                .header("Access-Control-Request-Method", "GET")
                .header("Access-Control-Request-Headers", "authorization, if-none-match")
                .when().options("/api/v1/timelines/t-1")
                .then().statusCode(204)
                .header("Access-Control-Allow-Origin", DASHBOARD_ORIGIN)
                .header("Access-Control-Allow-Methods", containsString("GET"))
                .header("Access-Control-Allow-Headers", containsString("Authorization"))
                .header("Access-Control-Allow-Headers", containsString("If-None-Match"))
                .header("Access-Control-Max-Age", "300")
                .header("Access-Control-Allow-Credentials", nullValue())
                .header("Vary", containsString("Origin"));

        assertThat(upstreams.timeline().receivedAnything(Duration.ofMillis(200))).isFalse();
        Eventually.until("the preflight is counted under its route", () -> Metrics.sum(
                "eventline_gateway_requests_seconds_count", "route=\"timelines\"", "key=\"none\"", "status=\"2xx\"") >= 1);
    }

    @Test
    void preflightFromAnotherOriginIsRefusedWithAProblem() {
        given().header("Origin", "https://evil.example")
                .header("Access-Control-Request-Method", "POST")
                .when().options("/api/v1/articles")
                .then().statusCode(403)
                .contentType("application/problem+json")
                .header("Access-Control-Allow-Origin", nullValue())
                .body("type", equalTo("urn:eventline:problem:origin-not-allowed"))
                .body("detail", containsString("https://evil.example"));

        assertThat(upstreams.ingest().receivedAnything(Duration.ofMillis(200))).isFalse();
    }

    @Test
    void responsesToAnAllowedOriginLetThePageReadRevalidationAndLimitHeaders() {
        upstreams.timeline().on("/api/v1/timelines/t-2", exchange -> {
            // An upstream's own CORS answer would contradict the gateway's allow-list.
            exchange.getResponseHeaders().set("Access-Control-Allow-Origin", "*");
            exchange.getResponseHeaders().set("ETag", "\"t2\"");
            UpstreamStub.respond(exchange, 200, "application/json", "{}");
        });

        given().header("Origin", DASHBOARD_ORIGIN).header("Authorization", Keys.DASHBOARD)
                .when().get("/api/v1/timelines/t-2")
                .then().statusCode(200)
                .header("Access-Control-Allow-Origin", DASHBOARD_ORIGIN)
                .header("Access-Control-Expose-Headers", containsString("ETag"))
                .header("Access-Control-Expose-Headers", containsString("RateLimit-Remaining"))
                .header("Access-Control-Expose-Headers", containsString("X-Request-Id"))
                .header("ETag", "\"t2\"");
    }

    @Test
    void refusalsCarryCorsHeadersSoThePageCanReadTheProblem() {
        given().header("Origin", "http://localhost:5173")
                .when().get("/api/v1/timelines")
                .then().statusCode(401)
                .header("Access-Control-Allow-Origin", "http://localhost:5173")
                .body("type", equalTo("urn:eventline:problem:missing-api-key"));
    }

    @Test
    void requestsFromOtherOriginsGetNoCorsHeaders() {
        given().header("Origin", "https://evil.example").header("Authorization", Keys.DASHBOARD)
                .when().get("/api/v1/timelines")
                .then().statusCode(200)
                .header("Access-Control-Allow-Origin", nullValue());
    }
}
