package io.eventline.ingest.rest;

import io.eventline.infra.KafkaBrokerProcess;
import io.eventline.infra.quarkus.KafkaBrokerProcessTestResource;
import io.eventline.ingest.messaging.ArticlesTopicRecords;
import io.eventline.ingest.messaging.MessageContract;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.RestAssured;
import io.restassured.http.ContentType;
import io.restassured.response.Response;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import java.time.Duration;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.not;
import static org.hamcrest.Matchers.containsString;

/**
 * Kafka goes away and comes back while the service keeps running: no article may be reported
 * accepted unless Kafka has it, no client may hang, and the service recovers on its own.
 */
@QuarkusTest
@WithTestResource(KafkaBrokerProcessTestResource.class)
class KafkaOutageTest {

    private static final Duration PROMISED_ANSWER_TIME = Duration.ofSeconds(5);

    static {
        RestAssured.enableLoggingOfRequestAndResponseIfValidationFails();
    }

    @AfterEach
    void bringKafkaBack() {
        KafkaBrokerProcessTestResource.broker().start(Duration.ofSeconds(60));
    }

    @Test
    void shouldRefuseArticlesWhileKafkaIsDownAndAcceptThemAgainOnceItIsBack() {
        KafkaBrokerProcess broker = KafkaBrokerProcessTestResource.broker();
        submit(Articles.newId()).then().statusCode(202);

        broker.kill();

        long started = System.nanoTime();
        submit(Articles.newId()).then()
                .statusCode(503)
                .contentType("application/problem+json")
                .header("Retry-After", equalTo("5"))
                .body("status", equalTo(503))
                .body(not(containsString("Exception")));
        assertThat(Duration.ofNanos(System.nanoTime() - started)).isLessThan(PROMISED_ANSWER_TIME);

        started = System.nanoTime();
        given().when().delete("/api/v1/articles/" + Articles.newId()).then().statusCode(503);
        assertThat(Duration.ofNanos(System.nanoTime() - started)).isLessThan(PROMISED_ANSWER_TIME);

        await("readiness DOWN").atMost(Duration.ofSeconds(20)).pollInterval(Duration.ofMillis(500))
                .until(() -> given().when().get("/q/health/ready").statusCode() == 503);
        given().when().get("/q/health/ready").then().body("status", equalTo("DOWN"));

        broker.start(Duration.ofSeconds(60));

        String afterRestart = Articles.newId();
        await("accepted again").atMost(Duration.ofSeconds(60)).pollInterval(Duration.ofSeconds(1))
                .until(() -> submit(afterRestart).statusCode() == 202);
        await("readiness UP").atMost(Duration.ofSeconds(30)).pollInterval(Duration.ofMillis(500))
                .until(() -> given().when().get("/q/health/ready").statusCode() == 200);
        assertThat(ArticlesTopicRecords.withKey(afterRestart))
                .extracting(record -> MessageContract.assertConforms(record.value()).path("articleId").asText())
                .containsOnly(afterRestart)
                .isNotEmpty();
    }

    private static Response submit(String id) {
        return given().contentType(ContentType.JSON).body(Articles.valid(id)).when().post("/api/v1/articles");
    }
}
