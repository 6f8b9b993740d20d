package io.eventline.gateway.health;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.equalTo;

import java.util.List;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import io.eventline.gateway.testsupport.Keys;
import io.eventline.gateway.testsupport.Upstreams;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;

@QuarkusTest
@WithTestResource(Upstreams.class)
class HealthAndMetricsTest {

    @BeforeEach
    void resetUpstreams() {
        Upstreams.stubs().reset();
    }

    @Test
    void livenessAndReadinessAnswerWithoutAKey() {
        given().when().get("/q/health/live").then().statusCode(200).body("status", equalTo("UP"));
        given().when().get("/q/health/ready").then().statusCode(200).body("status", equalTo("UP"));
    }

    @Test
    void metricsAreServedWithoutAKey() {
        given().when().get("/q/metrics").then().statusCode(200);
    }

    @Test
    void proxiedRequestsAreCountedByRouteAndStatusNotByRawPath() {
        given().header("Authorization", Keys.DASHBOARD).get("/api/v1/timelines/tl-8c1f").then().statusCode(200);
        given().header("Authorization", Keys.DASHBOARD).get("/api/v1/timelines/tl-93aa").then().statusCode(200);
        given().header("Authorization", Keys.DASHBOARD).get("/api/v1/articles-unknown-9d2e").then().statusCode(404);
        given().get("/api/v1/events/ev-77b0").then().statusCode(401);

        String metrics = given().get("/q/metrics").then().statusCode(200).extract().asString();
        List<String> serverRequests = metrics.lines()
                .filter(line -> line.startsWith("http_server_requests_seconds_count"))
                .toList();

        assertThat(serverRequests)
                .anySatisfy(line -> assertThat(line).contains("uri=\"/api/v1/timelines/**\"").contains("status=\"200\""))
                .anySatisfy(line -> assertThat(line).contains("uri=\"/api/v1/events/**\"").contains("status=\"401\""))
                .anySatisfy(line -> assertThat(line).contains("uri=\"/api/**\"").contains("status=\"404\""));
        assertThat(metrics).doesNotContain("tl-8c1f", "tl-93aa", "9d2e", "ev-77b0");
    }

    @Test
    void gatewayMetricsCountAndTimeRequestsByRouteKeyNameAndStatusClass() {
        given().header("Authorization", Keys.DASHBOARD).get("/api/v1/timelines/tl-1").then().statusCode(200);
        given().header("Authorization", Keys.NEWSROOM).get("/api/v1/timelines/tl-1").then().statusCode(403);
        given().header("Authorization", "Bearer guessed-5a1").get("/api/v1/events").then().statusCode(401);

        List<String> requests = given().get("/q/metrics").then().statusCode(200).extract().asString().lines()
                .filter(line -> line.startsWith("eventline_gateway_requests_seconds"))
                .toList();

        assertThat(requests)
                .anySatisfy(line -> assertThat(line).startsWith("eventline_gateway_requests_seconds_count{")
                        .contains("key=\"dashboard\"", "route=\"timelines\"", "status=\"2xx\""))
                .anySatisfy(line -> assertThat(line).startsWith("eventline_gateway_requests_seconds_count{")
                        .contains("key=\"newsroom\"", "route=\"timelines\"", "status=\"4xx\""))
                .anySatisfy(line -> assertThat(line).contains("key=\"none\"", "route=\"events\"", "status=\"4xx\""))
                .anySatisfy(line -> assertThat(line).startsWith("eventline_gateway_requests_seconds_bucket{")
                        .contains("le=\"0.1\"", "route=\"timelines\""));
        assertThat(requests).noneMatch(line -> line.contains("dev-dashboard-key") || line.contains("guessed-5a1"));
    }

    @Test
    void circuitBreakerStateIsExportedPerUpstream() {
        String metrics = given().get("/q/metrics").then().statusCode(200).extract().asString();

        assertThat(metrics)
                .contains("eventline_gateway_circuit_breaker_state{state=\"closed\",upstream=\"ingest\"} 1.0")
                .contains("eventline_gateway_circuit_breaker_state{state=\"open\",upstream=\"timeline\"} 0.0");
    }
}
