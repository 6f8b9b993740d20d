package io.eventline.gateway.edge;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.time.Duration;
import java.util.Map;

import org.junit.jupiter.api.Test;

import io.eventline.gateway.testsupport.Keys;
import io.eventline.gateway.testsupport.RawHttp;
import io.eventline.gateway.testsupport.Upstreams;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.common.http.TestHTTPResource;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.QuarkusTestProfile;
import io.quarkus.test.junit.TestProfile;

/** A client that starts a request and stops sending (slow loris) loses its connection to the idle timeout. */
@QuarkusTest
@WithTestResource(Upstreams.class)
@TestProfile(SlowClientTest.ShortIdleTimeout.class)
class SlowClientTest {

    public static class ShortIdleTimeout implements QuarkusTestProfile {
        @Override
        public Map<String, String> getConfigOverrides() {
            return Map.of("quarkus.http.idle-timeout", "1s");
        }
    }

    @TestHTTPResource("/")
    URI gateway;

    @Test
    void clientThatStopsHalfwayThroughItsHeadersIsDisconnected() throws Exception {
        Upstreams.stubs().reset();
        try (RawHttp http = new RawHttp(gateway)) {
            http.send("GET /api/v1/timelines HTTP/1.1\r\n"
                    + "Host: " + gateway.getHost() + "\r\n"
                    + "Authorization: " + Keys.DASHBOARD + "\r\n"
                    + "X-Still-Typing: ");
            // Returns when the gateway closes the connection; RawHttp's 15 s read timeout fails the test otherwise.
            assertThat(http.readRest()).isEmpty();
        }

        assertThat(Upstreams.stubs().timeline().receivedAnything(Duration.ofMillis(200))).isFalse();
    }
}
