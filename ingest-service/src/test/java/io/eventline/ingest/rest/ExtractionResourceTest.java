package io.eventline.ingest.rest;

import io.eventline.infra.quarkus.KafkaTestResource;
import io.eventline.ingest.messaging.ArticlesTopicRecords;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.RestAssured;
import io.restassured.http.ContentType;
import io.restassured.path.json.JsonPath;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

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
    void shouldAnswerTheTimexesAndEventsOfATextWithoutPublishing() {
        int recordsBefore = ArticlesTopicRecords.all().size();
        String text = "Andrea Lobo\n20 February 2025\n\nOn February 3, Washington agreed to suspend 25 percent tariffs "
                + "for 30 days. The United States launched a war on Mexico in 1846.";

        JsonPath answer = extract(Map.of("text", text, "publishedAt", "2025-02-20T10:00:00Z"));

        assertThat(answer.getList("timexes.value")).containsExactly("2025-02-20", "2025-02-03", "P30D", "1846");
        assertThat(answer.getList("timexes.type")).containsExactly("DATE", "DATE", "DURATION", "DATE");
        assertThat(answer.getList("timexes.rule")).contains("date.month-day");
        assertThat(answer.getList("events.date.value")).containsExactly("2025-02-03", "1846");
        assertThat(answer.getList("events.date.granularity")).containsExactly("day", "year");
        assertThat(answer.getString("events[0].text"))
                .isEqualTo("On February 3, Washington agreed to suspend 25 percent tariffs for 30 days.");
        assertThat(answer.getList("events[1].entities.text")).containsExactly("United States", "Mexico");
        assertThat(answer.getList("events[1].entities.type")).containsExactly("PLACE", "PLACE");
        assertThat(answer.getDouble("events[1].confidence")).isEqualTo(0.72);
        assertThat(ArticlesTopicRecords.all()).as("a preview publishes nothing").hasSize(recordsBefore);
        assertOffsetsIntoTheSubmittedText(text, answer);
    }

    @Test
    void shouldGiveOffsetsIntoTheTextAsSubmittedNotAsNormalized() {
        String text = "<p>Cartels &amp; drones</p>\n<p>\u201CWe\u00A0reject\u201D it, she said.\u200B On\u00A0<b>February 3</b>,"
                + " Washington\n\n   agreed to suspend tariffs.</p><p>In 1846, the US   launched a war on Mexico.</p>";

        JsonPath answer = extract(Map.of("text", text, "publishedAt", "2025-02-20"));

        assertThat(answer.getList("timexes.text")).containsExactly("February 3", "1846");
        assertThat(answer.getList("events.date.value")).containsExactly("2025-02-03", "1846");
        assertOffsetsIntoTheSubmittedText(text, answer);
        int sentenceStart = answer.getInt("events[1].sentence.start");
        int sentenceEnd = answer.getInt("events[1].sentence.end");
        assertThat(text.substring(sentenceStart, sentenceEnd)).isEqualTo("In 1846, the US   launched a war on Mexico.");
    }

    @Test
    void shouldAnswerTheReadmeExample() {
        String text = "In 1846, the US launched a war on Mexico.";

        given().contentType(ContentType.JSON).body(Map.of("text", text, "publishedAt", "2025-02-20"))
                .when().post("/api/v1/extract")
                .then().statusCode(200)
                .body("timexes[0].begin", equalTo(3)).body("timexes[0].end", equalTo(7))
                .body("timexes[0].text", equalTo("1846")).body("timexes[0].rule", equalTo("date.year-early"))
                .body("events[0].date.start", equalTo("1846-01-01")).body("events[0].date.end", equalTo("1846-12-31"))
                .body("events[0].text", equalTo(text))
                .body("events[0].sentence.start", equalTo(0)).body("events[0].sentence.end", equalTo(41))
                .body("events[0].entities.text", equalTo(List.of("US", "Mexico")))
                .body("events[0].confidence", equalTo(0.72f));
    }

    @Test
    void shouldGiveEachDatedClauseOfASentenceItsOwnEventAndClauseOffsets() {
        String text = "The US invaded Veracruz in 1914; in 1917 an expedition failed to capture Pancho Villa.";

        JsonPath answer = extract(Map.of("text", text, "publishedAt", "2025-02-20"));

        assertThat(answer.getList("events.text")).containsExactly("The US invaded Veracruz in 1914.",
                "In 1917 an expedition failed to capture Pancho Villa.");
        assertThat(text.substring(answer.getInt("events[1].clause.start"), answer.getInt("events[1].clause.end")))
                .isEqualTo("in 1917 an expedition failed to capture Pancho Villa.");
        assertThat(answer.getInt("events[1].sentence.start")).isZero();
        assertOffsetsIntoTheSubmittedText(text, answer);
    }

    @Test
    void shouldAcceptATitleAndIgnoreUnknownFields() {
        JsonPath answer = extract(Map.of("text", "In 1917, an expedition failed.", "publishedAt", "2025-04-09",
                "title", "Pentagon plans drone strikes", "somethingElse", 42));

        assertThat(answer.getList("events.date.value")).containsExactly("1917");
    }

    @Test
    void shouldAnswerNoEventsForATextWithoutDates() {
        JsonPath answer = extract(Map.of("text", "Trump also appointed Ronald Johnson as US ambassador to Mexico.",
                "publishedAt", "2025-02-20"));

        assertThat(answer.getList("timexes")).isEmpty();
        assertThat(answer.getList("events")).isEmpty();
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

    @ParameterizedTest
    @ValueSource(strings = {"20 February 2025", "2025-02-30", "2025-02-20T10:00:00", "yesterday",
            "0000-01-01", "+99999-01-01", "-0001-12-31T00:00:00Z", "+10000-01-01T00:00:00Z"})
    void shouldRejectAPublicationDateThatIsNotIsoNamingTheField(String publishedAt) {
        given().contentType(ContentType.JSON)
                .body(Map.of("text", "On February 3, Washington agreed.", "publishedAt", publishedAt))
                .when().post("/api/v1/extract")
                .then().statusCode(400)
                .contentType("application/problem+json")
                .body("violations.field", hasItem("publishedAt"));
    }

    @Test
    void shouldRejectABlankTextNamingTheField() {
        given().contentType(ContentType.JSON)
                .body(Map.of("text", "  ", "publishedAt", "2025-02-20"))
                .when().post("/api/v1/extract")
                .then().statusCode(400)
                .contentType("application/problem+json")
                .body("violations.field", hasItem("text"));
    }

    private static JsonPath extract(Map<String, Object> body) {
        return given().contentType(ContentType.JSON).body(body)
                .when().post("/api/v1/extract")
                .then().statusCode(200)
                .extract().jsonPath();
    }

    /** Every timex and event expression names exactly the slice of the submitted text it claims. */
    private static void assertOffsetsIntoTheSubmittedText(String text, JsonPath answer) {
        List<Map<String, Object>> timexes = answer.getList("timexes");
        for (Map<String, Object> timex : timexes) {
            int begin = (Integer) timex.get("begin");
            int end = (Integer) timex.get("end");
            assertThat(text.substring(begin, end)).isEqualTo(timex.get("text"));
        }
        List<Map<String, Object>> events = answer.getList("events");
        for (int i = 0; i < events.size(); i++) {
            int start = answer.getInt("events[" + i + "].expression.start");
            int end = answer.getInt("events[" + i + "].expression.end");
            assertThat(text.substring(start, end)).isEqualTo(answer.getString("events[" + i + "].expression.text"));
            assertThat(start).isBetween(answer.getInt("events[" + i + "].clause.start"),
                    answer.getInt("events[" + i + "].clause.end"));
            assertThat(answer.getInt("events[" + i + "].clause.start"))
                    .isGreaterThanOrEqualTo(answer.getInt("events[" + i + "].sentence.start"));
            assertThat(answer.getInt("events[" + i + "].clause.end"))
                    .isLessThanOrEqualTo(answer.getInt("events[" + i + "].sentence.end"));
        }
    }
}
