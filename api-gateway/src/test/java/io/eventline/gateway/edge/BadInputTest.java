package io.eventline.gateway.edge;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;

import java.net.URI;
import java.time.Duration;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import io.eventline.gateway.testsupport.Keys;
import io.eventline.gateway.testsupport.RawHttp;
import io.eventline.gateway.testsupport.Upstreams;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.common.http.TestHTTPResource;
import io.quarkus.test.junit.QuarkusTest;

/** Hostile or broken requests: each gets a clear refusal, and none reaches a service. */
@QuarkusTest
@WithTestResource(Upstreams.class)
class BadInputTest {

    @TestHTTPResource("/")
    URI gateway;

    private Upstreams.Stubs upstreams;

    @BeforeEach
    void resetUpstreams() {
        upstreams = Upstreams.stubs();
        upstreams.reset();
    }

    @Test
    void keyInTheQueryStringIsRefusedNamingTheParameterEvenWithAValidHeader() {
        given().header("Authorization", Keys.DASHBOARD)
                .when().get("/api/v1/timelines?api_key=dev-dashboard-key")
                .then().statusCode(400)
                .contentType("application/problem+json")
                .body("type", equalTo("urn:eventline:problem:api-key-in-query"))
                .body("parameter", equalTo("api_key"))
                .body("detail", containsString("Authorization"));
        given().when().get("/api/v1/events?Access_Token=abc")
                .then().statusCode(400).body("parameter", equalTo("Access_Token"));

        assertThat(upstreams.timeline().receivedAnything(Duration.ofMillis(200))).isFalse();
    }

    @Test
    void dotSegmentsLeadingOutOfTheApiAreRefused() throws Exception {
        for (String path : new String[] {"/api/v1/../q/metrics", "/api/v1/%2e%2e/%2E%2E/q/health", "/api/v1/timelines/./t-1",
                "/api/v1/timelines%2ft-1", "/api/v1/timelines%5C..%5Cq"}) {
            String response = rawGet(path, Keys.DASHBOARD);
            assertThat(response).as(path).startsWith("HTTP/1.1 400")
                    .containsIgnoringCase("content-type: application/problem+json")
                    .contains("urn:eventline:problem:path-traversal");
        }

        assertThat(upstreams.timeline().receivedAnything(Duration.ofMillis(200))).isFalse();
    }

    @Test
    void oversizedHeadersGetA431Problem() {
        given().header("Authorization", Keys.DASHBOARD).header("X-Padding", "p".repeat(20_000))
                .when().get("/api/v1/timelines")
                .then().statusCode(431)
                .contentType("application/problem+json")
                .body("type", equalTo("urn:eventline:problem:headers-too-large"))
                .body("maxBytes", equalTo(16 * 1024));

        assertThat(upstreams.timeline().receivedAnything(Duration.ofMillis(200))).isFalse();
    }

    @Test
    void malformedHeaderLineIsRefusedBeforeRouting() throws Exception {
        String response;
        try (RawHttp http = new RawHttp(gateway)) {
            http.send("GET /api/v1/timelines HTTP/1.1\r\n"
                    + "Host: " + gateway.getHost() + "\r\n"
                    + "Authorization: " + Keys.DASHBOARD + "\r\n"
                    + "Bad Header Name: x\r\n\r\n");
            response = http.readHead();
        }

        assertThat(response).startsWith("HTTP/1.1 400");
        assertThat(upstreams.timeline().receivedAnything(Duration.ofMillis(200))).isFalse();
    }

    @Test
    void unknownRouteIsA404ProblemAndSeveralAuthorizationHeadersCountAsNoKey() {
        given().header("Authorization", Keys.DASHBOARD).when().get("/api/v1/timeline")
                .then().statusCode(404).contentType("application/problem+json")
                .body("type", equalTo("urn:eventline:problem:no-route"));
        given().header("Authorization", Keys.DASHBOARD).header("Authorization", Keys.NEWSROOM)
                .when().get("/api/v1/timelines")
                .then().statusCode(401).body("type", equalTo("urn:eventline:problem:missing-api-key"));
    }

    private String rawGet(String path, String authorization) throws Exception {
        try (RawHttp http = new RawHttp(gateway)) {
            http.send("GET " + path + " HTTP/1.1\r\n"
                    + "Host: " + gateway.getHost() + ":" + gateway.getPort() + "\r\n"
                    + "Authorization: " + authorization + "\r\n"
                    + "Connection: close\r\n\r\n");
            return http.readHead() + http.readRest();
        }
    }
}
