package io.eventline.gateway.routing;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;

import org.junit.jupiter.api.Test;

import io.eventline.gateway.testsupport.Keys;
import io.eventline.gateway.testsupport.Metrics;
import io.eventline.gateway.testsupport.UpstreamStub;
import io.eventline.gateway.testsupport.Upstreams;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.QuarkusTestProfile;
import io.quarkus.test.junit.TestProfile;

/**
 * More callers than pooled connections: the ones without a connection wait for one within the route's time,
 * like callers queued at the upstream itself would. A short connect timeout is for connecting, not for that
 * wait: callers of a busy but healthy upstream must not get 503s, nor open its circuit breaker.
 */
@QuarkusTest
@WithTestResource(Upstreams.class)
@TestProfile(FullConnectionPoolTest.OneConnection.class)
class FullConnectionPoolTest {

    static final int ANSWER_MILLIS = 400;
    static final int CALLERS = 4;

    public static class OneConnection implements QuarkusTestProfile {
        @Override
        public Map<String, String> getConfigOverrides() {
            return Map.of("eventline.gateway.connections-per-upstream", "1",
                    // Shorter than one answer, so any caller that waited for the connection would have failed.
                    "eventline.gateway.connect-timeout", "100ms",
                    "eventline.gateway.route-timeout.timelines", "30s");
        }
    }

    @Test
    void callersBeyondThePoolWaitForAConnectionAndAllGetTheirAnswer() {
        Upstreams.stubs().timeline().on("/api/v1/timelines/busy", exchange -> {
            try {
                Thread.sleep(ANSWER_MILLIS);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
            UpstreamStub.respond(exchange, 200, "application/json", "{\"timelines\":[]}");
        });

        List<CompletableFuture<Integer>> callers = new ArrayList<>();
        for (int i = 0; i < CALLERS; i++) {
            callers.add(CompletableFuture.supplyAsync(() -> given().header("Authorization", Keys.DASHBOARD)
                    .get("/api/v1/timelines/busy").statusCode()));
        }

        assertThat(callers.stream().map(CompletableFuture::join).toList()).containsOnly(200);
        assertThat(Metrics.value("eventline_gateway_circuit_breaker_state{state=\"closed\",upstream=\"timeline\"}")).isEqualTo(1);
    }
}
