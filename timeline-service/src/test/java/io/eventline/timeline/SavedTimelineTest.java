package io.eventline.timeline;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import io.eventline.infra.quarkus.KafkaTestResource;
import io.eventline.infra.quarkus.PostgresTestResource;
import io.eventline.timeline.TimelineApi.Page;
import io.quarkus.test.common.TestResourceScope;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.response.Response;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import static io.eventline.timeline.ArticleMessages.day;
import static io.eventline.timeline.ArticleMessages.month;
import static io.eventline.timeline.ArticleMessages.newArticleId;
import static io.eventline.timeline.ArticleMessages.version;
import static io.eventline.timeline.ArticleMessages.withEntities;
import static io.eventline.timeline.TimelineApi.texts;
import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.emptyString;
import static org.hamcrest.Matchers.equalTo;

/** Saved timelines: stored filters, kept, changed, and read as /events reads. */
@QuarkusTest
@WithTestResource(value = KafkaTestResource.class, scope = TestResourceScope.MATCHING_RESOURCES)
@WithTestResource(value = PostgresTestResource.class, scope = TestResourceScope.MATCHING_RESOURCES)
class SavedTimelineTest extends ArticlesTopicTest {

    static final String TIMELINES = "/api/v1/timelines";

    @JsonIgnoreProperties(ignoreUnknown = true)
    record Timeline(String id, String name, List<String> entities, String words, String from, String to,
                    List<String> sources, long version) {
    }

    @JsonIgnoreProperties(ignoreUnknown = true)
    record Timelines(List<Timeline> timelines, String next, String nextLink, long total) {
    }

    @Test
    void aCreatedTimelineIsAt201LocationAndReadsBackWithItsETag() {
        Response created = create("{\"name\":\"Cartels\",\"entities\":[\"Sinaloa Cartel\"],\"words\":\"terrorist\","
                + "\"from\":\"2025\",\"to\":\"2025-03\",\"sources\":[\"Reuters\",\"AP\"]}");
        created.then().statusCode(201);
        Timeline timeline = created.as(Timeline.class);
        assertThat(created.header("Location")).endsWith(TIMELINES + "/" + timeline.id());
        assertThat(timeline).isEqualTo(new Timeline(timeline.id(), "Cartels", List.of("Sinaloa Cartel"), "terrorist",
                "2025", "2025-03", List.of("Reuters", "AP"), 1));

        Response read = given().when().get(TIMELINES + "/" + timeline.id());
        read.then().statusCode(200).header("Cache-Control", equalTo("no-cache"));
        assertThat(read.as(Timeline.class)).isEqualTo(timeline);
        String tag = read.header("ETag");
        given().header("If-None-Match", tag).when().get(TIMELINES + "/" + timeline.id())
                .then().statusCode(304).body(emptyString());
    }

    @Test
    void aTimelinesEventsAreTheEventsOfItsFilter() {
        String wire = newArticleId();
        String gazette = newArticleId();
        String herald = newArticleId();
        topic.awaitConsumed(
                topic.send(version(wire, 1, "Saved Wire", "1941-12-31T08:00:00Z",
                        withEntities(day("1941-03-01", "The Elbe froze at the harbour."), "PLACE:Elbe"),
                        withEntities(month("1941-05", "Ferries on the Elbe resumed."), "PLACE:Elbe"),
                        withEntities(month("1941-06", "A fair opened by the Moldau."), "PLACE:Moldau"))),
                topic.send(version(gazette, 1, "Saved Gazette", "1941-12-31T09:00:00Z",
                        withEntities(day("1941-07-07", "Elbe pilots went on strike."), "PLACE:Elbe"))),
                topic.send(version(herald, 1, "Saved Herald", "1941-12-31T10:00:00Z",
                        withEntities(day("1941-08-08", "An Elbe bridge was closed."), "PLACE:Elbe"))));
        Timeline timeline = create("{\"name\":\"Elbe\",\"entities\":[\"elbe\"],\"from\":\"1941\",\"to\":\"1941\","
                + "\"sources\":[\"saved wire\",\"SAVED GAZETTE\"]}").then().statusCode(201).extract().as(Timeline.class);

        Response first = given().queryParam("limit", "2").when().get(TIMELINES + "/" + timeline.id() + "/events");
        first.then().statusCode(200).header("Cache-Control", equalTo("no-cache"));
        Page page = first.as(Page.class);
        assertThat(page.total()).isEqualTo(3);
        assertThat(page.totalExact()).isTrue();
        assertThat(first.header("Link")).isEqualTo("<" + page.nextLink() + ">; rel=\"next\"");
        assertThat(page.nextLink()).startsWith(TIMELINES + "/" + timeline.id() + "/events?");
        Page second = given().when().get(page.nextLink()).then().statusCode(200).extract().as(Page.class);
        assertThat(texts(page.events())).containsExactly("The Elbe froze at the harbour.", "Ferries on the Elbe resumed.");
        assertThat(texts(second.events())).containsExactly("Elbe pilots went on strike.");
        // the same events, pages and order as the ad hoc query with one outlet at a time
        assertThat(texts(TimelineApi.page("entity", "elbe", "from", "1941", "to", "1941", "source", "saved wire").events()))
                .containsExactly("The Elbe froze at the harbour.", "Ferries on the Elbe resumed.");
        given().header("If-None-Match", first.header("ETag")).queryParam("limit", "2")
                .when().get(TIMELINES + "/" + timeline.id() + "/events").then().statusCode(304);

        // redefined: the same URL now reads the new filter
        given().contentType(ContentType.JSON).body("{\"name\":\"Elbe\",\"entities\":[\"elbe\"],\"from\":\"1941-08\",\"to\":\"1941\"}")
                .when().put(TIMELINES + "/" + timeline.id()).then().statusCode(200).body("version", equalTo(2));
        Page redefined = given().when().get(TIMELINES + "/" + timeline.id() + "/events").then().statusCode(200).extract().as(Page.class);
        assertThat(texts(redefined.events())).containsExactly("An Elbe bridge was closed.");
    }

    @Test
    void anUnknownTimelineIsA404Problem() {
        for (String id : List.of("999999999999", "not-an-id", "-1")) {
            for (Response response : List.of(given().when().get(TIMELINES + "/" + id),
                    given().when().get(TIMELINES + "/" + id + "/events"),
                    given().when().delete(TIMELINES + "/" + id),
                    given().contentType(ContentType.JSON).body("{\"name\":\"x\"}").when().put(TIMELINES + "/" + id))) {
                response.then().statusCode(404).contentType("application/problem+json")
                        .body("status", equalTo(404)).body("title", equalTo("Timeline not found"));
            }
        }
    }

    @ParameterizedTest(name = "{0} is rejected naming {1}")
    @CsvSource(delimiter = ';', value = {
            "{\"name\":\"x\",\"colour\":\"red\"}; colour",
            "{\"name\":\"x\",\"entities\":\"Elbe\"}; entities",
            "{\"name\":\"x\",\"entities\":[1]}; entities",
            "{\"name\":\"x\",\"from\":1941}; from",
            "{\"name\":\"x\",\"from\":\"1941-13\"}; from",
            "{\"name\":\"x\",\"from\":\"1941-05\",\"to\":\"1941-04\"}; to",
            "{\"name\":\"x\",\"sources\":[\" \"]}; sources",
            "{\"name\":\"x\",\"words\":\"  \"}; words",
            "{\"name\":\"   \"}; name",
            "{\"entities\":[\"Elbe\"]}; name",
            "{\"name\":\"x\"; body",
            "[]; body",
            // PostgreSQL text cannot hold a NUL: these were 500s
            "{\"name\":\"a\\u0000b\"}; name",
            "{\"name\":\"x\",\"entities\":[\"a\\u0000b\"]}; entities",
            "{\"name\":\"x\",\"words\":\"a\\u0000b\"}; words",
            "{\"name\":\"x\",\"sources\":[\"a\\u0000\"]}; sources",
    })
    void aBadDefinitionIsA400ProblemNamingTheMember(String body, String member) {
        assertBadMember(create(body), member);
    }

    @Test
    void overlongNamesAndTooManyEntitiesAreRejected() {
        assertBadMember(create("{\"name\":\"" + "n".repeat(201) + "\"}"), "name");
        String entities = String.join(",", java.util.stream.IntStream.range(0, 21).mapToObj(i -> "\"e" + i + "\"").toList());
        assertBadMember(create("{\"name\":\"x\",\"entities\":[" + entities + "]}"), "entities");
        assertBadMember(create("{\"name\":\"x\",\"words\":\"" + "w".repeat(201) + "\"}"), "words");
        create("{\"name\":\"" + "n".repeat(200) + "\"}").then().statusCode(201);
    }

    @Test
    void aConditionalReplaceOrDeleteOfAnOlderVersionIsA412() {
        Timeline timeline = create("{\"name\":\"Versions\"}").then().statusCode(201).extract().as(Timeline.class);
        String path = TIMELINES + "/" + timeline.id();
        String v1 = given().when().get(path).header("ETag");

        Response replaced = given().contentType(ContentType.JSON).header("If-Match", v1).body("{\"name\":\"Versions 2\"}").when().put(path);
        replaced.then().statusCode(200).body("name", equalTo("Versions 2")).body("version", equalTo(2));
        assertThat(replaced.header("ETag")).isNotEqualTo(v1);

        given().contentType(ContentType.JSON).header("If-Match", v1).body("{\"name\":\"Lost update\"}").when().put(path)
                .then().statusCode(412).contentType("application/problem+json");
        given().header("If-Match", v1).when().delete(path).then().statusCode(412);
        assertThat(given().when().get(path).as(Timeline.class).name()).isEqualTo("Versions 2");

        given().header("If-Match", replaced.header("ETag")).when().delete(path).then().statusCode(204);
        given().when().get(path).then().statusCode(404);
    }

    @Test
    void theListPagesThroughEveryTimelineOnceOldestFirst() {
        List<String> created = new ArrayList<>();
        for (int i = 0; i < 3; i++) {
            created.add(create("{\"name\":\"Listed " + i + "\"}").then().statusCode(201).extract().as(Timeline.class).id());
        }
        List<Timeline> walked = new ArrayList<>();
        String link = TIMELINES + "?limit=2";
        Timelines page;
        do {
            Response response = given().when().get(link);
            response.then().statusCode(200);
            page = response.as(Timelines.class);
            assertThat(page.timelines()).hasSizeLessThanOrEqualTo(2);
            walked.addAll(page.timelines());
            link = page.nextLink();
        } while (link != null);

        assertThat(walked).extracting(Timeline::id).doesNotHaveDuplicates().containsAll(created);
        assertThat(walked).extracting(t -> Long.parseLong(t.id())).isSorted();
        assertThat((long) walked.size()).isEqualTo(page.total());
        assertBadMember(given().queryParam("cursor", "bm90IGEgY3Vyc29y").when().get(TIMELINES), "cursor");
        assertBadMember(given().queryParam("limit", "0").when().get(TIMELINES), "limit");
    }

    @Test
    void theListIsTaggedAndAnUnchangedPageIsA304() {
        Timeline timeline = create("{\"name\":\"Tagged\"}").then().statusCode(201).extract().as(Timeline.class);
        Response list = given().when().get(TIMELINES);
        list.then().statusCode(200).header("Cache-Control", equalTo("no-cache"));
        String tag = list.header("ETag");
        assertThat(tag).matches("\"[^\"]+\"");
        given().header("If-None-Match", tag).when().get(TIMELINES).then().statusCode(304).body(emptyString());

        // any change to a listed timeline, a new one, a deleted one: the page is read again
        given().contentType(ContentType.JSON).body("{\"name\":\"Tagged again\"}").when().put(TIMELINES + "/" + timeline.id())
                .then().statusCode(200);
        Response renamed = given().header("If-None-Match", tag).when().get(TIMELINES);
        renamed.then().statusCode(200);
        assertThat(renamed.header("ETag")).isNotEqualTo(tag);
        String another = create("{\"name\":\"Another\"}").then().statusCode(201).extract().as(Timeline.class).id();
        Response added = given().header("If-None-Match", renamed.header("ETag")).when().get(TIMELINES);
        added.then().statusCode(200);
        given().when().delete(TIMELINES + "/" + another).then().statusCode(204);
        given().header("If-None-Match", added.header("ETag")).when().get(TIMELINES).then().statusCode(200);
    }

    @Test
    void theNewEndpointsAreTimed() {
        String id = create("{\"name\":\"Timed\"}").then().statusCode(201).extract().as(Timeline.class).id();
        given().when().get(TIMELINES + "/" + id + "/events").then().statusCode(200);

        assertThat(Metrics.sum("timeline_query_seconds_count", "endpoint=\"timelines\"")).isGreaterThan(0);
        assertThat(Metrics.sum("timeline_query_seconds_count", "endpoint=\"timeline-events\"")).isGreaterThan(0);
    }

    static Response create(String body) {
        return given().contentType(ContentType.JSON).body(body).when().post(TIMELINES);
    }

    static void assertBadMember(Response response, String member) {
        response.then().statusCode(400).contentType("application/problem+json");
        Map<String, Object> problem = response.jsonPath().getMap("");
        assertThat(problem).containsEntry("status", 400).containsEntry("parameter", member);
        assertThat((String) problem.get("detail")).isNotBlank();
        assertThat(problem.keySet()).isSubsetOf("type", "title", "status", "detail", "instance", "parameter");
    }
}
