package io.eventline.ingest.rest;

import io.eventline.infra.quarkus.KafkaTestResource;
import io.eventline.ingest.messaging.ArticlesTopicRecords;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.TestProfile;
import io.restassured.http.ContentType;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.common.header.Header;
import org.junit.jupiter.api.Test;

import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.UUID;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;

/** With tracing on, an article's trace continues into the Kafka record that carries it to timeline-service. */
@QuarkusTest
@WithTestResource(KafkaTestResource.class)
@TestProfile(TracingOn.class)
class TracePropagationTest {

    private static final String TRACEPARENT = "00-[0-9a-f]{32}-[0-9a-f]{16}-01";

    @Test
    void shouldPutTheRequestsTraceIntoThePublishedRecord() {
        String id = Articles.newId();
        String traceId = UUID.randomUUID().toString().replace("-", "");
        String callerSpanId = traceId.substring(0, 16);

        given().header("traceparent", "00-" + traceId + "-" + callerSpanId + "-01")
                .contentType(ContentType.JSON).body(Articles.valid(id))
                .when().post("/api/v1/articles")
                .then().statusCode(202);

        String traceparent = traceparentOf(ArticlesTopicRecords.withKey(id));
        assertThat(traceparent).matches(TRACEPARENT);
        assertThat(traceparent.split("-")[1]).as("trace id").isEqualTo(traceId);
        assertThat(traceparent.split("-")[2]).as("parent: a span of ingest's own, not the caller's").isNotEqualTo(callerSpanId);
    }

    @Test
    void shouldStartATraceForAnArticleSubmittedWithoutOne() {
        String id = Articles.newId();

        given().contentType(ContentType.JSON).body(Articles.valid(id))
                .when().post("/api/v1/articles")
                .then().statusCode(202);

        assertThat(traceparentOf(ArticlesTopicRecords.withKey(id))).matches(TRACEPARENT);
    }

    private static String traceparentOf(List<ConsumerRecord<String, String>> records) {
        assertThat(records).hasSize(1);
        Header header = records.get(0).headers().lastHeader("traceparent");
        assertThat(header).as("traceparent header").isNotNull();
        assertThat(records.get(0).headers().headers("traceparent")).hasSize(1);
        return new String(header.value(), StandardCharsets.UTF_8);
    }
}
