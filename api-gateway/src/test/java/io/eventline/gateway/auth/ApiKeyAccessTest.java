package io.eventline.gateway.auth;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.startsWith;

import java.time.Duration;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import io.eventline.gateway.testsupport.Keys;
import io.eventline.gateway.testsupport.Upstreams;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;

@QuarkusTest
@WithTestResource(Upstreams.class)
class ApiKeyAccessTest {

    private Upstreams.Stubs upstreams;

    @BeforeEach
    void resetUpstreams() {
        upstreams = Upstreams.stubs();
        upstreams.reset();
    }

    @Test
    void requestWithoutKeyIsRefusedWith401ProblemAndBearerChallenge() {
        given().contentType("application/json").body("{\"title\":\"x\"}")
                .when().post("/api/v1/articles")
                .then().statusCode(401)
                .contentType("application/problem+json")
                .header("WWW-Authenticate", startsWith("Bearer"))
                .body("status", equalTo(401))
                .body("type", equalTo("urn:eventline:problem:missing-api-key"))
                .body("title", equalTo("API key required"));

        assertThat(upstreams.ingest().receivedAnything(Duration.ofMillis(200)))
                .as("an unauthenticated request must not reach ingest-service").isFalse();
    }

    @Test
    void requestWithUnknownKeyIsRefusedWith401Problem() {
        given().header("Authorization", "Bearer not-a-key-we-issued")
                .when().get("/api/v1/timelines")
                .then().statusCode(401)
                .contentType("application/problem+json")
                .header("WWW-Authenticate", startsWith("Bearer"))
                .body("type", equalTo("urn:eventline:problem:unknown-api-key"));

        assertThat(upstreams.timeline().receivedAnything(Duration.ofMillis(200))).isFalse();
    }

    @Test
    void keyPresentedWithAnotherSchemeCountsAsNoKey() {
        given().header("Authorization", "Basic ZGV2LW5ld3Nyb29tLWtleTo=")
                .when().get("/api/v1/timelines")
                .then().statusCode(401)
                .body("type", equalTo("urn:eventline:problem:missing-api-key"));
    }

    @Test
    void dashboardKeyCannotPostArticlesAndTheProblemNamesTheMissingScope() {
        given().header("Authorization", Keys.DASHBOARD).contentType("application/json").body("{}")
                .when().post("/api/v1/articles")
                .then().statusCode(403)
                .contentType("application/problem+json")
                .body("type", equalTo("urn:eventline:problem:insufficient-scope"))
                .body("requiredScope", equalTo("articles:write"))
                .body("detail", containsString("articles:write"));

        assertThat(upstreams.ingest().receivedAnything(Duration.ofMillis(200))).isFalse();
    }

    @Test
    void newsroomKeyCannotReadTimelines() {
        given().header("Authorization", Keys.NEWSROOM)
                .when().get("/api/v1/timelines/t-1")
                .then().statusCode(403)
                .body("requiredScope", equalTo("timelines:read"));
    }

    @Test
    void newsroomKeyCannotReadEvents() {
        given().header("Authorization", Keys.NEWSROOM)
                .when().get("/api/v1/events")
                .then().statusCode(403)
                .body("requiredScope", equalTo("timelines:read"));
    }

    @Test
    void newsroomKeyPostsArticlesToIngest() {
        given().header("Authorization", Keys.NEWSROOM).contentType("application/json").body("{\"title\":\"Flood\"}")
                .when().post("/api/v1/articles")
                .then().statusCode(200)
                .body("method", equalTo("POST"))
                .body("uri", equalTo("/api/v1/articles"));

        assertThat(upstreams.ingest().takeRequest().bodyText()).isEqualTo("{\"title\":\"Flood\"}");
    }

    @Test
    void newsroomKeyCanReadBackArticles() {
        given().header("Authorization", Keys.NEWSROOM)
                .when().get("/api/v1/articles/a-1")
                .then().statusCode(200)
                .body("uri", equalTo("/api/v1/articles/a-1"));
    }

    @Test
    void dashboardKeyReadsAndWritesTimelines() {
        given().header("Authorization", Keys.DASHBOARD)
                .when().get("/api/v1/timelines/t-1")
                .then().statusCode(200).body("method", equalTo("GET"));
        given().header("Authorization", Keys.DASHBOARD).contentType("application/json").body("{}")
                .when().put("/api/v1/timelines/t-1")
                .then().statusCode(200).body("method", equalTo("PUT"));
        given().header("Authorization", Keys.DASHBOARD)
                .when().get("/api/v1/events?timeline=t-1")
                .then().statusCode(200).body("uri", equalTo("/api/v1/events?timeline=t-1"));
    }

    @Test
    void anyValidKeyMayCallExtract() {
        given().header("Authorization", Keys.DASHBOARD).contentType("text/plain").body("Some article text")
                .when().post("/api/v1/extract")
                .then().statusCode(200).body("uri", equalTo("/api/v1/extract"));
        given().header("Authorization", Keys.NEWSROOM).contentType("text/plain").body("Some article text")
                .when().post("/api/v1/extract")
                .then().statusCode(200).body("uri", equalTo("/api/v1/extract"));
    }

    @Test
    void dotSegmentsCannotSmuggleARequestPastTheScopeCheck() {
        given().header("Authorization", Keys.NEWSROOM).urlEncodingEnabled(false)
                .when().get("/api/v1/articles/%2e%2e/timelines")
                .then().statusCode(400)
                .contentType("application/problem+json")
                .body("type", equalTo("urn:eventline:problem:path-traversal"));

        assertThat(upstreams.ingest().receivedAnything(Duration.ofMillis(200))).isFalse();
        assertThat(upstreams.timeline().receivedAnything(Duration.ofMillis(200))).isFalse();
    }
}
