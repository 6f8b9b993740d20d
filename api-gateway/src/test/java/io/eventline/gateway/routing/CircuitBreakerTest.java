package io.eventline.gateway.routing;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.ServerSocket;
import java.util.Map;

import org.junit.jupiter.api.Test;

import io.eventline.gateway.testsupport.Eventually;
import io.eventline.gateway.testsupport.Keys;
import io.eventline.gateway.testsupport.Metrics;
import io.eventline.gateway.testsupport.UpstreamStub;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.QuarkusTestProfile;
import io.quarkus.test.junit.TestProfile;

/**
 * Ingest is down when the test starts (nothing listens on its port) and comes up halfway through. The
 * breaker opens after 4 failed exchanges and tries again after 1 s; GETs are retried once.
 */
@QuarkusTest
@TestProfile(CircuitBreakerTest.IngestDownThenUp.class)
class CircuitBreakerTest {

    /**
     * Kept in a system property because Quarkus loads the profile class in another class loader than the
     * test: a plain static would pick a different port in each.
     */
    static final int INGEST_PORT = Integer.parseInt((String) System.getProperties()
            .computeIfAbsent("eventline.test.circuit-breaker.ingest-port", ignored -> Integer.toString(freePort())));

    public static class IngestDownThenUp implements QuarkusTestProfile {
        @Override
        public Map<String, String> getConfigOverrides() {
            return Map.of(
                    "eventline.gateway.ingest-url", "http://127.0.0.1:" + INGEST_PORT,
                    "eventline.gateway.resilience.retries", "1",
                    "eventline.gateway.resilience.retry-delay", "10ms",
                    "eventline.gateway.resilience.circuit-breaker.request-volume", "4",
                    "eventline.gateway.resilience.circuit-breaker.failure-ratio", "0.5",
                    "eventline.gateway.resilience.circuit-breaker.delay", "1s",
                    "eventline.gateway.resilience.circuit-breaker.success-threshold", "1");
        }
    }

    @Test
    void failingUpstreamOpensTheBreakerGetsAreRetriedAndTheRouteRecoversOnItsOwn() {
        double retriesBefore = Metrics.value("eventline_gateway_upstream_retries_total{upstream=\"ingest\"}");

        // A POST is not retried: the upstream may have acted on it.
        given().header("Authorization", Keys.NEWSROOM).body("{}").post("/api/v1/articles")
                .then().statusCode(503).body("type", equalTo("urn:eventline:problem:upstream-unavailable"));
        assertThat(Metrics.value("eventline_gateway_upstream_retries_total{upstream=\"ingest\"}")).isEqualTo(retriesBefore);

        // A GET is sent again once; both attempts fail. Three failed exchanges now.
        given().header("Authorization", Keys.NEWSROOM).get("/api/v1/articles/a-1").then().statusCode(503);
        assertThat(Metrics.value("eventline_gateway_upstream_retries_total{upstream=\"ingest\"}")).isEqualTo(retriesBefore + 1);
        assertThat(Metrics.value("eventline_gateway_circuit_breaker_state{state=\"closed\",upstream=\"ingest\"}")).isEqualTo(1);

        // The fourth failure opens the breaker; from then on callers are refused without a connection attempt.
        given().header("Authorization", Keys.NEWSROOM).body("{}").post("/api/v1/articles").then().statusCode(503);
        assertThat(Metrics.value("eventline_gateway_circuit_breaker_state{state=\"open\",upstream=\"ingest\"}")).isEqualTo(1);
        given().header("Authorization", Keys.NEWSROOM).body("{}").post("/api/v1/articles")
                .then().statusCode(503)
                .contentType("application/problem+json")
                .header("Retry-After", "1")
                .body("upstream", equalTo("ingest"))
                .body("detail", containsString("has been failing"));

        // The other upstream's routes are unaffected (timeline is down too, but its breaker stays closed).
        assertThat(Metrics.value("eventline_gateway_circuit_breaker_state{state=\"closed\",upstream=\"timeline\"}")).isEqualTo(1);

        UpstreamStub ingest = UpstreamStub.start("ingest", INGEST_PORT);
        try {
            Eventually.until("the route recovers once ingest is back and the breaker's delay has passed", () -> {
                int status = given().header("Authorization", Keys.NEWSROOM).get("/api/v1/articles/a-1").statusCode();
                assertThat(status).isIn(200, 503);
                return status == 200;
            });
            assertThat(Metrics.value("eventline_gateway_circuit_breaker_state{state=\"closed\",upstream=\"ingest\"}")).isEqualTo(1);
        } finally {
            ingest.stop();
        }
    }

    private static int freePort() {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
