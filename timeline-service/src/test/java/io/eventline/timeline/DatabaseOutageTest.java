package io.eventline.timeline;

import io.eventline.infra.PostgresServer;
import io.eventline.infra.quarkus.KafkaTestResource;
import io.eventline.timeline.config.TimelineConfig;
import io.quarkus.test.common.TestResourceScope;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.QuarkusTestProfile;
import io.quarkus.test.junit.TestProfile;
import jakarta.inject.Inject;
import org.apache.kafka.clients.producer.RecordMetadata;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.util.Map;
import java.util.Set;

import static io.eventline.timeline.ArticleMessages.day;
import static io.eventline.timeline.ArticleMessages.newArticleId;
import static io.eventline.timeline.ArticleMessages.version;
import static io.eventline.timeline.TimelineApi.eventsStatedBy;
import static io.eventline.timeline.TimelineApi.texts;
import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/** The database goes away and comes back: no message is lost and the service recovers by itself. */
@QuarkusTest
@TestProfile(DatabaseOutageTest.OwnDatabase.class)
@WithTestResource(value = KafkaTestResource.class, scope = TestResourceScope.RESTRICTED_TO_CLASS)
@WithTestResource(value = RestartablePostgresResource.class, scope = TestResourceScope.RESTRICTED_TO_CLASS)
class DatabaseOutageTest {

    /** Its own topic and group, and short pauses, so the test neither replays the others' messages nor waits long. */
    public static class OwnDatabase implements QuarkusTestProfile {
        @Override
        public Map<String, String> getConfigOverrides() {
            return Map.of(
                    "eventline.timeline.articles-topic", "eventline.articles.outage-test",
                    "eventline.timeline.consumer-group", "timeline-service-outage-test",
                    "eventline.timeline.consumer.backoff-max", "2s",
                    "quarkus.datasource.jdbc.acquisition-timeout", "2s");
        }
    }

    @Inject
    TimelineConfig config;

    @Test
    void messagesArrivingWhileTheDatabaseIsDownAreAppliedOnceItIsBack() {
        PostgresServer database = RestartablePostgresResource.server();
        String article = newArticleId();
        try (ArticleTopic topic = new ArticleTopic(config.articlesTopic(), config.consumerGroup())) {
            topic.awaitConsumed(topic.send(version(article, 1, day("1940-01-01", "Before the outage."))));
            double retriedBefore = retriedBatches();

            database.stop();
            RecordMetadata sentDuringOutage;
            try {
                sentDuringOutage = topic.send(version(article, 2, day("1940-02-01", "During the outage.")));
                await().atMost(Duration.ofSeconds(30)).until(() -> retriedBatches() > retriedBefore);
                given().when().get("/q/health/ready").then().statusCode(503);
                // dashboards polling meanwhile are told to come back, not handed a server error
                given().when().get("/api/v1/events").then().statusCode(503)
                        .contentType("application/problem+json")
                        .header("Retry-After", "5")
                        .body("detail", org.hamcrest.Matchers.containsString("cannot be reached"));
                // nothing is committed that was not applied
                assertThat(topic.isConsumed(sentDuringOutage)).isFalse();
                given().when().get("/q/health/live").then().statusCode(200);
            } finally {
                database.start();
            }

            topic.awaitConsumed(Duration.ofSeconds(60), sentDuringOutage);
            assertThat(texts(eventsStatedBy(Set.of(article), "from", "1940", "to", "1940", "limit", "500")))
                    .containsExactly("During the outage.");
            await().atMost(Duration.ofSeconds(30)).untilAsserted(() ->
                    given().when().get("/q/health/ready").then().statusCode(200));
        }
    }

    private static double retriedBatches() {
        String metrics = given().when().get("/q/metrics").then().statusCode(200).extract().asString();
        return metrics.lines()
                .filter(line -> line.startsWith("timeline_batches_total{") && line.contains("outcome=\"retried\""))
                .mapToDouble(line -> Double.parseDouble(line.substring(line.lastIndexOf(' ') + 1)))
                .sum();
    }
}
