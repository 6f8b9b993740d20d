package io.eventline.timeline;

import io.eventline.infra.quarkus.KafkaTestResource;
import io.eventline.infra.quarkus.PostgresTestResource;
import io.quarkus.test.common.TestResourceScope;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import org.junit.jupiter.api.Test;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItems;

/** What an operator (or the orchestrator, or a client's code generator) reads off the service. */
@QuarkusTest
@WithTestResource(value = KafkaTestResource.class, scope = TestResourceScope.MATCHING_RESOURCES)
@WithTestResource(value = PostgresTestResource.class, scope = TestResourceScope.MATCHING_RESOURCES)
class HealthAndMetricsTest {

    @Test
    void isLiveWithItsConsumerRunning() {
        given().when().get("/q/health/live")
                .then().statusCode(200)
                .body("status", equalTo("UP"))
                .body("checks.find { it.name == 'timeline-article-consumer' }.status", equalTo("UP"));
    }

    @Test
    void isReadyWhenTheDatabaseAndKafkaAnswer() {
        given().when().get("/q/health/ready")
                .then().statusCode(200)
                .body("status", equalTo("UP"))
                .body("checks.name", hasItems("Database connections health check", "Kafka connection health check"));
    }

    @Test
    void exposesTheConsumersMetricsForPrometheus() {
        given().when().get("/q/metrics")
                .then().statusCode(200)
                .body(containsString("timeline_messages_applied_total{kind=\"ARTICLE_VERSION\""))
                .body(containsString("timeline_messages_skipped_total{reason=\"stale\""))
                .body(containsString("timeline_messages_dead_lettered_total{reason=\"invalid\""))
                .body(containsString("timeline_messages_dead_lettered_total{reason=\"rejected\""))
                .body(containsString("timeline_batch_apply_seconds_count"))
                .body(containsString("timeline_batch_apply_seconds_bucket"))
                .body(containsString("timeline_batches_total{outcome=\"committed\""))
                .body(containsString("timeline_consumer_lag_records"))
                .body(containsString("timeline_consumer_last_applied_seconds"))
                .body(containsString("timeline_duplicates_merged_total"))
                .body(containsString("timeline_query_seconds_count{endpoint=\"events\""))
                .body(containsString("timeline_query_seconds_count{endpoint=\"event\""));
    }

    @Test
    void describesTheTimelineApiInOpenApi() {
        given().when().get("/q/openapi?format=json")
                .then().statusCode(200)
                .body(containsString("\"nextLink\""))
                .body(containsString("\"reportCount\""))
                .body(containsString("\"statedDate\""))
                .body(containsString("\"granularity\""));
    }
}
