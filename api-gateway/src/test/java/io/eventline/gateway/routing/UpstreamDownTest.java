package io.eventline.gateway.routing;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.ServerSocket;
import java.util.Map;

import org.junit.jupiter.api.Test;

import io.eventline.gateway.testsupport.Keys;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.QuarkusTestProfile;
import io.quarkus.test.junit.TestProfile;

@QuarkusTest
@TestProfile(UpstreamDownTest.NothingListening.class)
class UpstreamDownTest {

    /** Points both upstreams at a port nobody listens on, so connections are refused. */
    public static class NothingListening implements QuarkusTestProfile {
        @Override
        public Map<String, String> getConfigOverrides() {
            String url = "http://127.0.0.1:" + closedPort();
            return Map.of("eventline.gateway.ingest-url", url, "eventline.gateway.timeline-url", url);
        }

        private static int closedPort() {
            try (ServerSocket socket = new ServerSocket(0)) {
                return socket.getLocalPort();
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }
    }

    @Test
    void upstreamThatRefusesConnectionsGivesA503Problem() {
        given().header("Authorization", Keys.NEWSROOM).contentType("application/json").body("{\"title\":\"Quake\"}")
                .when().post("/api/v1/articles")
                .then().statusCode(503)
                .contentType("application/problem+json")
                .body("type", equalTo("urn:eventline:problem:upstream-unavailable"))
                .body("upstream", equalTo("ingest"))
                .body("detail", containsString("ingest"));
    }

    @Test
    void refusalForADownUpstreamNamesThatUpstreamAndKeepsTheRequestId() {
        given().header("Authorization", Keys.DASHBOARD).header("X-Request-Id", "down-1")
                .when().get("/api/v1/timelines")
                .then().statusCode(503)
                .header("X-Request-Id", "down-1")
                .body("upstream", equalTo("timeline"))
                .body("requestId", equalTo("down-1"));
    }

    @Test
    void openApiDocumentIsServedAndMarkedWhenNoServiceAnswers() {
        given().when().get("/openapi")
                .then().statusCode(200)
                .contentType("application/json")
                .body("info.description", containsString("ingest-service could not be asked"))
                .body("info.description", containsString("timeline-service could not be asked"))
                .body("'x-eventline-sources'.state", equalTo(java.util.List.of("unavailable", "unavailable")))
                .body("components.securitySchemes.apiKey.scheme", equalTo("bearer"));
    }
}
