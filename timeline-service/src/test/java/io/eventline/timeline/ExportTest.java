package io.eventline.timeline;

import io.eventline.infra.quarkus.KafkaTestResource;
import io.eventline.infra.quarkus.PostgresTestResource;
import io.eventline.timeline.SavedTimelineTest.Timeline;
import io.quarkus.test.common.TestResourceScope;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.response.Response;
import org.junit.jupiter.api.Test;

import java.util.List;

import static io.eventline.timeline.ArticleMessages.day;
import static io.eventline.timeline.ArticleMessages.month;
import static io.eventline.timeline.ArticleMessages.newArticleId;
import static io.eventline.timeline.ArticleMessages.version;
import static io.eventline.timeline.ArticleMessages.withEntities;
import static io.eventline.timeline.SavedTimelineTest.TIMELINES;
import static io.eventline.timeline.SavedTimelineTest.assertBadMember;
import static io.eventline.timeline.SavedTimelineTest.create;
import static io.eventline.timeline.TimelineApi.EVENTS;
import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.emptyString;

/** Exports of a whole timeline over HTTP: every event, not one page; the file's type and name. */
@QuarkusTest
@WithTestResource(value = KafkaTestResource.class, scope = TestResourceScope.MATCHING_RESOURCES)
@WithTestResource(value = PostgresTestResource.class, scope = TestResourceScope.MATCHING_RESOURCES)
class ExportTest extends ArticlesTopicTest {

    @Test
    void aSavedTimelineExportsAllItsEventsInEachFormat() {
        topic.awaitConsumed(topic.send(version(newArticleId(), 1,
                withEntities(day("1961-08-13", "Border crossings were closed overnight."), "PLACE:Spree"),
                withEntities(month("1961-10", "Tanks faced each other at the checkpoint."), "PLACE:Spree"),
                withEntities(day("1961-11-01", "=1+1 was painted on the wall, said one, \"twice\"."), "PLACE:Spree"))));
        Timeline timeline = create("{\"name\":\"Spree 1961\",\"entities\":[\"Spree\"]}").then().statusCode(201).extract().as(Timeline.class);
        String path = TIMELINES + "/" + timeline.id() + "/events";

        // limit pages the list; an export is the whole timeline
        Response csv = given().queryParam("format", "csv").queryParam("limit", "1").when().get(path);
        csv.then().statusCode(200).contentType("text/csv");
        assertThat(csv.header("Content-Disposition")).isEqualTo("attachment; filename=\"timeline-" + timeline.id() + ".csv\"");
        List<String> rows = List.of(csv.asString().split("\r\n"));
        assertThat(rows).hasSize(4);
        assertThat(rows.get(3)).contains(",\"'=1+1 was painted on the wall, said one, \"\"twice\"\".\",");
        given().queryParam("format", "csv").header("If-None-Match", csv.header("ETag")).when().get(path)
                .then().statusCode(304).body(emptyString());

        Response js = given().queryParam("format", "timelinejs").when().get(path);
        js.then().statusCode(200).contentType("application/json");
        assertThat(js.jsonPath().getString("title.text.headline")).isEqualTo("Spree 1961");
        assertThat(js.jsonPath().getList("events.unique_id")).hasSize(3);
        assertThat(js.jsonPath().getMap("events[1].start_date")).containsOnlyKeys("year", "month");

        Response ical = given().queryParam("format", "ical").when().get(path);
        ical.then().statusCode(200).contentType("text/calendar");
        assertThat(ical.header("Content-Disposition")).endsWith(".ics\"");
        assertThat(ical.asString().split("BEGIN:VEVENT", -1)).as("the month event is left out").hasSize(3);
    }

    @Test
    void theEventsListExportsToo() {
        given().queryParam("format", "ical").queryParam("from", "1962").queryParam("to", "1962").when().get(EVENTS)
                .then().statusCode(200).contentType("text/calendar");
    }

    @Test
    void anUnknownFormatIsA400() {
        assertBadMember(given().queryParam("format", "pdf").when().get(EVENTS), "format");
        String id = create("{\"name\":\"Formats\"}").then().statusCode(201).extract().as(Timeline.class).id();
        assertBadMember(given().queryParam("format", "xml").when().get(TIMELINES + "/" + id + "/events"), "format");
    }
}
