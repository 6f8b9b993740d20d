package io.eventline.gateway.routing;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.equalTo;

import java.time.Duration;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import io.eventline.gateway.testsupport.Keys;
import io.eventline.gateway.testsupport.Upstreams;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;

@QuarkusTest
@WithTestResource(Upstreams.class)
class UnknownPathTest {

    private Upstreams.Stubs upstreams;

    @BeforeEach
    void resetUpstreams() {
        upstreams = Upstreams.stubs();
        upstreams.reset();
    }

    @Test
    void unknownApiPathIsA404Problem() {
        given().header("Authorization", Keys.DASHBOARD)
                .when().get("/api/v2/timelines")
                .then().statusCode(404)
                .contentType("application/problem+json")
                .body("type", equalTo("urn:eventline:problem:no-route"))
                .body("status", equalTo(404));
    }

    @Test
    void pathThatOnlyStartsLikeARouteIsNotThatRoute() {
        given().header("Authorization", Keys.NEWSROOM).contentType("application/json").body("{}")
                .when().post("/api/v1/articlesarchive")
                .then().statusCode(404)
                .body("type", equalTo("urn:eventline:problem:no-route"));

        assertThat(upstreams.ingest().receivedAnything(Duration.ofMillis(200))).isFalse();
    }

    @Test
    void unknownApiPathWithoutKeyIsRefusedBeforeRevealingWhatExists() {
        given().when().get("/api/v2/timelines")
                .then().statusCode(401)
                .contentType("application/problem+json");
    }

    @Test
    void pathOutsideTheApiIsA404ProblemToo() {
        given().when().get("/wp-login.php")
                .then().statusCode(404)
                .contentType("application/problem+json")
                .body("type", equalTo("urn:eventline:problem:not-found"));
    }
}
