package io.eventline.ingest.rest;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.eventline.infra.quarkus.KafkaTestResource;
import io.eventline.ingest.messaging.ArticlesTopicRecords;
import io.eventline.ingest.messaging.MessageContract;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.RestAssured;
import io.restassured.http.ContentType;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import java.util.List;
import java.util.Map;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.greaterThan;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.not;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.startsWith;

@QuarkusTest
@WithTestResource(KafkaTestResource.class)
class ArticleResourceTest {

    private static final String PROBLEM_JSON = "application/problem+json";

    static {
        RestAssured.enableLoggingOfRequestAndResponseIfValidationFails();
    }

    @Test
    void shouldPublishAnAcceptedArticleExactlyOnceKeyedByItsId() {
        String id = Articles.newId();

        long version = given().contentType(ContentType.JSON).body(Articles.valid(id))
                .when().post("/api/v1/articles")
                .then().statusCode(202)
                .body("articleId", equalTo(id))
                .body("events", equalTo(2))
                .extract().jsonPath().getLong("version");

        List<ConsumerRecord<String, String>> records = ArticlesTopicRecords.withKey(id);
        assertThat(records).hasSize(1);
        JsonNode message = MessageContract.assertConforms(records.get(0).value());
        assertThat(message.path("kind").asText()).isEqualTo("ARTICLE_VERSION");
        assertThat(message.path("articleId").asText()).isEqualTo(id);
        assertThat(message.path("version").asLong()).isEqualTo(version);
        assertThat(message.path("extractor").asText()).isEqualTo("eventline-events/1 (RuleBasedTagger)");
        JsonNode article = message.path("article");
        assertThat(article.path("title").asText()).isEqualTo("Trump administration labels cartels as foreign terrorist organizations");
        assertThat(article.path("publishedAt").asText()).isEqualTo("2025-02-20T10:00:00+01:00");
        assertThat(article.path("contentHash").asText()).hasSize(64);
    }

    @Test
    void shouldCarryTheExtractedEventsInTheMessage() {
        String id = Articles.newId();

        given().contentType(ContentType.JSON).body(Articles.valid(id))
                .when().post("/api/v1/articles")
                .then().statusCode(202);

        JsonNode events = MessageContract.assertConforms(ArticlesTopicRecords.withKey(id).get(0).value()).path("events");
        assertThat(events).hasSize(2);
        JsonNode january = events.get(0);
        assertThat(january.path("date").path("value").asText()).isEqualTo("2025-01");
        assertThat(january.path("date").path("granularity").asText()).isEqualTo("month");
        assertThat(january.path("date").path("start").asText()).isEqualTo("2025-01-01");
        assertThat(january.path("date").path("end").asText()).isEqualTo("2025-01-31");
        JsonNode tariffs = events.get(1);
        assertThat(tariffs.path("date").path("value").asText()).isEqualTo("2025-02-03");
        assertThat(tariffs.path("date").path("granularity").asText()).isEqualTo("day");
        assertThat(tariffs.path("expression").path("text").asText()).isEqualTo("February 3");
        assertThat(tariffs.path("expression").path("rule").asText()).isEqualTo("date.month-day");
        assertThat(tariffs.path("text").asText())
                .startsWith("On February 3, Washington agreed")
                .endsWith("to the borders with the United States.")
                .doesNotContain("WSWS");
        assertThat(tariffs.path("entities").findValuesAsText("text")).contains("Washington", "Canada", "Mexico", "United States");
        // date.month-day is trusted 0.90 in timex/rules-date.txt; a day is fully specific; a clean clause
        assertThat(tariffs.path("confidence").asDouble()).isEqualTo(0.9);
        assertThat(tariffs.path("clause")).as("a one-date sentence is its own clause").isEqualTo(tariffs.path("sentence"));
        assertThat(tariffs.path("expression").path("start").asInt())
                .isBetween(tariffs.path("sentence").path("start").asInt(), tariffs.path("sentence").path("end").asInt());
    }

    @Test
    void shouldWriteNoTraceHeaderWhileTracingIsOffAsByDefault() {
        String id = Articles.newId();

        given().header("traceparent", "00-4bf92f3577b34da6a3ce929d0e0e4736-00f067aa0ba902b7-01")
                .contentType(ContentType.JSON).body(Articles.valid(id))
                .when().post("/api/v1/articles")
                .then().statusCode(202);

        assertThat(ArticlesTopicRecords.withKey(id).get(0).headers().toArray()).isEmpty();
    }

    @Test
    void shouldGiveEveryNewVersionOfAnArticleAGreaterVersion() {
        String id = Articles.newId();
        Map<String, Object> article = Articles.valid(id);

        long first = given().contentType(ContentType.JSON).body(article)
                .when().post("/api/v1/articles").then().statusCode(202).extract().jsonPath().getLong("version");
        article.put("title", "Corrected: cartels labelled terrorist organizations");
        long second = given().contentType(ContentType.JSON).body(article)
                .when().post("/api/v1/articles").then().statusCode(202).extract().jsonPath().getLong("version");

        assertThat(second).isGreaterThan(first);
        List<ConsumerRecord<String, String>> records = ArticlesTopicRecords.withKey(id);
        assertThat(records).extracting(r -> MessageContract.assertConforms(r.value()).path("version").asLong())
                .containsExactly(first, second);
        assertThat(records).extracting(ConsumerRecord::partition).containsOnly(records.get(0).partition());
    }

    @Test
    void shouldIgnoreUnknownFieldsAndDefaultTheLanguageToEnglish() {
        String id = Articles.newId();
        Map<String, Object> article = Articles.valid(id);
        article.remove("language");
        article.remove("authors");
        article.put("section", "Latin America");
        article.put("publishedAt", "2025-02-20T09:00:00Z");

        given().contentType(ContentType.JSON).body(article)
                .when().post("/api/v1/articles")
                .then().statusCode(202);

        JsonNode published = MessageContract.assertConforms(ArticlesTopicRecords.withKey(id).get(0).value()).path("article");
        assertThat(published.path("language").asText()).isEqualTo("en");
        assertThat(published.has("section")).isFalse();
        assertThat(published.path("publishedAt").asText()).isEqualTo("2025-02-20T09:00:00Z");
    }

    @ParameterizedTest(name = "[{index}] {0} = {1}")
    @CsvSource(delimiter = '|', textBlock = """
            id          | <absent>
            id          | "has spaces in it"
            id          | "tab\\there"
            id          | ""
            url         | <absent>
            url         | "/en/articles/2025/02/20/cart-f20.html"
            url         | "ftp://www.wsws.org/cart.html"
            url         | "https://exa mple.org/"
            title       | <absent>
            title       | "   "
            title       | "<b></b>"
            title       | "\u200b"
            body        | <absent>
            body        | ""
            publishedAt | <absent>
            publishedAt | "2025-02-20T10:00:00"
            publishedAt | "20 February 2025"
            publishedAt | "0000-01-01T00:00:00Z"
            publishedAt | "-0480-01-01T00:00:00Z"
            publishedAt | "+99999-01-01T00:00:00Z"
            publishedAt | "0001-01-01T00:00:00+01:00"
            title       | "a\\u0000b"
            body        | "On February 3, 2025\\u0000 Washington agreed."
            source      | "\\u0000"
            authors     | ["Andrea\\u0000Lobo"]
            source      | <absent>
            source      | ""
            authors     | ["Andrea Lobo", " "]
            language    | "english please"
            """)
    void shouldRejectAnInvalidFieldWithAProblemNamingIt(String field, String jsonValue) throws Exception {
        String id = Articles.newId();
        Map<String, Object> article = Articles.valid(id);
        if (jsonValue.equals("<absent>")) {
            article.remove(field);
        } else {
            article.put(field, new ObjectMapper().readValue(jsonValue, Object.class));
        }

        given().contentType(ContentType.JSON).body(article)
                .when().post("/api/v1/articles")
                .then().statusCode(400)
                .contentType(PROBLEM_JSON)
                .body("status", equalTo(400))
                .body("violations.field", hasItem(startsWith(field)));

        assertThat(ArticlesTopicRecords.withKey(id)).as("nothing published for a rejected article").isEmpty();
    }

    @Test
    void shouldPublishEventsDatedBeforeChristWithSignedIsoDays() {
        // they were left out while timeline-service's database could not store them
        String id = Articles.newId();
        Map<String, Object> article = Articles.valid(id);
        article.put("body", "In 490 BC, the Athenians won at Marathon. On February 3, 2025, Washington agreed to talks.");

        given().contentType(ContentType.JSON).body(article)
                .when().post("/api/v1/articles")
                .then().statusCode(202)
                .body("events", equalTo(2));

        JsonNode events = MessageContract.assertConforms(ArticlesTopicRecords.withKey(id).get(0).value()).path("events");
        assertThat(events).extracting(event -> event.at("/date/value").asText() + " " + event.at("/date/start").asText()
                        + ".." + event.at("/date/end").asText())
                .containsExactly("BC0490 -0489-01-01..-0489-12-31", "2025-02-03 2025-02-03..2025-02-03");
    }

    @Test
    void shouldRejectAnIdLongerThan200Characters() {
        Map<String, Object> article = Articles.valid("x".repeat(201));

        given().contentType(ContentType.JSON).body(article)
                .when().post("/api/v1/articles")
                .then().statusCode(400)
                .contentType(PROBLEM_JSON)
                .body("violations.field", hasItem("id"));
    }

    @Test
    void shouldRejectMalformedJsonWithAProblemAndNoStackTrace() {
        given().contentType(ContentType.JSON).body("{\"id\": \"a-1\", \"title\": ")
                .when().post("/api/v1/articles")
                .then().statusCode(400)
                .contentType(PROBLEM_JSON)
                .body("status", equalTo(400))
                .body("detail", containsString("not valid JSON"))
                .body("detail", containsString("line 1"))
                .body(not(containsString("at com.fasterxml")), not(containsString("Exception")));
    }

    @Test
    void shouldRejectJsonNestedDeeperThanTheParserTakesNamingTheLimit() {
        // was a bare "HTTP 400 Bad Request": Jackson's limit is not a parse error of the same kind
        String nested = "{\"id\": \"a-1\", \"extra\": " + "[".repeat(5_000) + "]".repeat(5_000) + "}";
        given().contentType(ContentType.JSON).body(nested)
                .when().post("/api/v1/articles")
                .then().statusCode(400)
                .contentType(PROBLEM_JSON)
                .body("detail", containsString("not valid JSON"))
                .body("detail", containsString("nesting depth"))
                .body(not(containsString("StreamReadConstraints")), not(containsString("Exception")));
    }

    @Test
    void shouldRejectAFieldOfTheWrongJsonType() {
        Map<String, Object> article = Articles.valid(Articles.newId());
        article.put("authors", Map.of("name", "Andrea Lobo"));

        given().contentType(ContentType.JSON).body(article)
                .when().post("/api/v1/articles")
                .then().statusCode(400)
                .contentType(PROBLEM_JSON)
                .body("violations.field", hasItem("authors"));
    }

    @Test
    void shouldRejectAnEmptyBody() {
        given().contentType(ContentType.JSON)
                .when().post("/api/v1/articles")
                .then().statusCode(400)
                .contentType(PROBLEM_JSON)
                .body("violations.message", hasItem("the request body must be an article in JSON"));
    }

    @Test
    void shouldPublishAnArticleWhoseMessageIsOverAMegabyte() {
        // One "sentence" of 1 MB of dates: its events carry it, and the message is about 2 MB, which
        // Kafka's default limit of 1 MB refused, answered with a 503 "send it again later", forever.
        String id = Articles.newId();
        Map<String, Object> article = Articles.valid(id);
        article.put("body", "12/31/2025/".repeat(1024 * 1024 / 11));

        given().contentType(ContentType.JSON).body(article)
                .when().post("/api/v1/articles")
                .then().statusCode(202);

        List<ConsumerRecord<String, String>> records = ArticlesTopicRecords.withKey(id);
        assertThat(records).hasSize(1);
        assertThat(records.get(0).value().length()).isGreaterThan(1024 * 1024);
        MessageContract.assertConforms(records.get(0).value());
    }

    @Test
    void shouldRefuseAnArticleLargerThanTheLimit() {
        Map<String, Object> article = Articles.valid(Articles.newId());
        article.put("body", "Tariffs were suspended. ".repeat(90_000)); // about 2.1 MB

        given().contentType(ContentType.JSON).body(article)
                .when().post("/api/v1/articles")
                .then().statusCode(413)
                .contentType(PROBLEM_JSON)
                .body("status", equalTo(413));
    }

    @Test
    void shouldPublishARetraction() {
        String id = Articles.newId() + "/2025/02/20";

        long version = given()
                .when().delete("/api/v1/articles/" + id)
                .then().statusCode(202)
                .body("articleId", equalTo(id))
                .body("version", greaterThan(0L))
                .extract().jsonPath().getLong("version");

        List<ConsumerRecord<String, String>> records = ArticlesTopicRecords.withKey(id);
        assertThat(records).hasSize(1);
        JsonNode message = MessageContract.assertConforms(records.get(0).value());
        assertThat(message.path("kind").asText()).isEqualTo("ARTICLE_RETRACTED");
        assertThat(message.path("version").asLong()).isEqualTo(version);
        assertThat(message.has("article")).isFalse();
    }

    @Test
    void shouldRejectARetractionOfAnIdNoArticleCanHave() {
        given()
                .when().delete("/api/v1/articles/" + "x".repeat(201))
                .then().statusCode(400)
                .contentType(PROBLEM_JSON)
                .body("violations.field", hasItem("id"));
    }

    @Test
    void shouldCreateTheTopicWithTheConfiguredPartitions() {
        assertThat(ArticlesTopicRecords.partitions()).hasSize(6);
    }
}
