package io.eventline.gateway.routing;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.ServerSocket;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import io.eventline.gateway.testsupport.ClosingUpstream;
import io.eventline.gateway.testsupport.Keys;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.QuarkusTestProfile;
import io.quarkus.test.junit.TestProfile;

/**
 * An upstream closes keep-alive connections the gateway's pool still holds (it restarted, or its idle timeout
 * crossed the gateway's next request): a GET sent on such a connection is lost before any answer. The caller
 * must not see a 502 for it: the gateway sends the GET again on another connection. The retry settings are the
 * defaults; nothing in this test waits for a timer.
 */
@QuarkusTest
@TestProfile(StaleUpstreamConnectionTest.ClosingTimeline.class)
class StaleUpstreamConnectionTest {

    /** In a system property: Quarkus loads the profile in another class loader than the test. */
    static final int TIMELINE_PORT = Integer.parseInt((String) System.getProperties()
            .computeIfAbsent("eventline.test.stale-connection.timeline-port", ignored -> Integer.toString(freePort())));

    public static class ClosingTimeline implements QuarkusTestProfile {
        @Override
        public Map<String, String> getConfigOverrides() {
            return Map.of("eventline.gateway.timeline-url", "http://127.0.0.1:" + TIMELINE_PORT);
        }
    }

    private static ClosingUpstream timeline;

    @BeforeAll
    static void startUpstream() {
        timeline = ClosingUpstream.start(TIMELINE_PORT);
    }

    @AfterAll
    static void stopUpstream() {
        timeline.close();
    }

    @Test
    void getsOnConnectionsTheUpstreamClosedAreAnsweredFromFreshConnections() {
        // Several concurrent reads leave several kept-alive connections in the gateway's pool.
        List<CompletableFuture<Integer>> warm = new ArrayList<>();
        for (int i = 0; i < 8; i++) {
            warm.add(CompletableFuture.supplyAsync(() -> read()));
        }
        warm.forEach(status -> assertThat(status.join()).isEqualTo(200));
        int pooled = timeline.connections();
        assertThat(pooled).isPositive();

        timeline.closeConnectionsOnTheirNextRequest();

        // Each of these may be sent first on a connection the upstream drops unanswered; every one is answered.
        for (int i = 0; i < pooled + 2; i++) {
            assertThat(read()).as("read %d after the upstream dropped its %d connections", i, pooled).isEqualTo(200);
        }
        assertThat(timeline.connections()).isGreaterThan(pooled);
    }

    private static int read() {
        return given().header("Authorization", Keys.DASHBOARD).get("/api/v1/events").statusCode();
    }

    private static int freePort() {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
