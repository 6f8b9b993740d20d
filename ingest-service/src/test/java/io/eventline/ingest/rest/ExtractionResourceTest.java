package io.eventline.ingest.rest;

import io.eventline.infra.quarkus.KafkaTestResource;
import io.eventline.ingest.messaging.ArticlesTopicRecords;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.RestAssured;
import io.restassured.http.ContentType;
import io.restassured.path.json.JsonPath;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Map;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;

@QuarkusTest
@WithTestResource(KafkaTestResource.class)
class ExtractionResourceTest {

    static {
        RestAssured.enableLoggingOfRequestAndResponseIfValidationFails();
    }

    @Test
    void shouldPreviewTheExpressionsAndEventsOfATextWithoutPublishing() {
        int recordsBefore = ArticlesTopicRecords.all().size();
        String text = "Andrea Lobo\n20 February 2025\n\nOn February 3, Washington agreed to suspend 25 percent tariffs "
                + "for 30 days. The United States launched a war on Mexico in 1846.";

        JsonPath preview = given().contentType(ContentType.JSON)
                .body(Map.of("text", text, "publishedAt", "2025-02-20T10:00:00Z"))
                .when().post("/api/v1/extract")
                .then().statusCode(200)
                .extract().jsonPath();

        assertThat(preview.getList("expressions.value")).containsExactly("2025-02-20", "2025-02-03", "P30D", "1846");
        assertThat(preview.getList("events.date.value")).containsExactly("2025-02-03", "1846");
        assertThat(preview.getList("events.date.granularity")).containsExactly("day", "year");
        assertThat(preview.getString("events[0].text"))
                .isEqualTo("On February 3, Washington agreed to suspend 25 percent tariffs for 30 days.");
        String normalized = preview.getString("normalizedText");
        List<Integer> starts = preview.getList("events.expression.start");
        List<Integer> ends = preview.getList("events.expression.end");
        assertThat(normalized.substring(starts.get(1), ends.get(1))).isEqualTo("1846");
        assertThat(ArticlesTopicRecords.all()).as("a preview publishes nothing").hasSize(recordsBefore);
    }

    @Test
    void shouldRejectAPreviewWithoutPublicationDate() {
        given().contentType(ContentType.JSON)
                .body(Map.of("text", "On February 3, Washington agreed."))
                .when().post("/api/v1/extract")
                .then().statusCode(400)
                .contentType("application/problem+json")
                .body("status", equalTo(400))
                .body("violations.field", hasItem("publishedAt"));
    }
}
