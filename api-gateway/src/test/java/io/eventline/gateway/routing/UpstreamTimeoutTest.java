package io.eventline.gateway.routing;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.equalTo;

import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import io.eventline.gateway.testsupport.Keys;
import io.eventline.gateway.testsupport.UpstreamStub;
import io.eventline.gateway.testsupport.Upstreams;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;

/** Runs with the timeline route's timeout set to {@value Upstreams#TIMELINE_TIMEOUT}. */
@QuarkusTest
@WithTestResource(Upstreams.class)
class UpstreamTimeoutTest {

    private final CountDownLatch release = new CountDownLatch(1);
    private Upstreams.Stubs upstreams;

    @BeforeEach
    void resetUpstreams() {
        upstreams = Upstreams.stubs();
        upstreams.reset();
    }

    @AfterEach
    void releaseSlowUpstream() {
        release.countDown();
    }

    @Test
    void upstreamThatDoesNotAnswerInTimeGives504Problem() {
        upstreams.timeline().on("/api/v1/timelines/slow", exchange -> {
            try {
                release.await(20, TimeUnit.SECONDS);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
            UpstreamStub.respond(exchange, 200, "application/json", "{}");
        });

        long started = System.nanoTime();
        given().header("Authorization", Keys.DASHBOARD)
                .when().get("/api/v1/timelines/slow")
                .then().statusCode(504)
                .contentType("application/problem+json")
                .body("type", equalTo("urn:eventline:problem:upstream-timeout"))
                .body("upstream", equalTo("timeline"));
        long tookMillis = TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - started);

        // The upstream holds its answer for 20 s, so a 504 at all shows the gateway gave up first.
        assertThat(tookMillis).as("answered once the 2 s route timeout had passed").isGreaterThanOrEqualTo(1_900L);
    }
}
