package io.eventline.timeline;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.eventline.infra.quarkus.KafkaTestResource;
import io.eventline.infra.quarkus.PostgresTestResource;
import io.eventline.timeline.SavedTimelineTest.Timeline;
import io.quarkus.test.common.TestResourceScope;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.response.Response;
import org.apache.kafka.clients.producer.RecordMetadata;
import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.List;

import static io.eventline.timeline.ArticleMessages.day;
import static io.eventline.timeline.ArticleMessages.newArticleId;
import static io.eventline.timeline.ArticleMessages.version;
import static io.eventline.timeline.ArticleMessages.withEntities;
import static io.eventline.timeline.SavedTimelineTest.TIMELINES;
import static io.eventline.timeline.SavedTimelineTest.assertBadMember;
import static io.eventline.timeline.SavedTimelineTest.create;
import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;

/** The key dates of a saved timeline: its most independently reported dates. */
@QuarkusTest
@WithTestResource(value = KafkaTestResource.class, scope = TestResourceScope.MATCHING_RESOURCES)
@WithTestResource(value = PostgresTestResource.class, scope = TestResourceScope.MATCHING_RESOURCES)
class KeyDatesTest extends ArticlesTopicTest {

    @JsonIgnoreProperties(ignoreUnknown = true)
    record KeyDate(int rank, TimelineApi.Date date, TimelineApi.Event event) {
    }

    @JsonIgnoreProperties(ignoreUnknown = true)
    record KeyDates(List<KeyDate> keyDates) {
    }

    @Test
    void theDatesMostOutletsReportedComeFirstEachWithItsMostReportedEvent() {
        List<RecordMetadata> sent = new ArrayList<>();
        // 3 outlets report the harbour fire of 5 March; a lesser event that day has 1
        for (String outlet : List.of("Key Wire", "Key Gazette", "Key Herald")) {
            sent.add(report(outlet, "1981-03-05", "Fire destroyed the Keyport harbour warehouses overnight."));
        }
        sent.add(report("Key Wire", "1981-03-05", "A Keyport choir gave its spring concert."));
        // 2 outlets: the strike of 9 June
        for (String outlet : List.of("Key Wire", "Key Gazette")) {
            sent.add(report(outlet, "1981-06-09", "Keyport dockers walked out over pay."));
        }
        // 1 outlet, but twice: the regatta of 1 August beats the single report of 2 February
        sent.add(report("Key Herald", "1981-08-01", "The Keyport regatta was cancelled for wind."));
        sent.add(report("Key Herald", "1981-08-01", "The Keyport regatta was cancelled for wind."));
        sent.add(report("Key Gazette", "1981-02-02", "Keyport's mayor opened a new school."));
        topic.awaitConsumed(sent.toArray(RecordMetadata[]::new));
        String id = create("{\"name\":\"Keyport\",\"entities\":[\"Keyport\"],\"from\":\"1981\",\"to\":\"1981\"}")
                .then().statusCode(201).extract().as(Timeline.class).id();

        KeyDates three = keyDates(id, "3");
        assertThat(three.keyDates()).extracting(KeyDate::rank).containsExactly(1, 2, 3);
        assertThat(three.keyDates()).extracting(k -> k.date().value()).containsExactly("1981-03-05", "1981-06-09", "1981-08-01");
        assertThat(three.keyDates()).extracting(k -> k.event().text()).containsExactly(
                "Fire destroyed the Keyport harbour warehouses overnight.", "Keyport dockers walked out over pay.",
                "The Keyport regatta was cancelled for wind.");
        assertThat(three.keyDates()).extracting(k -> k.event().outletCount()).containsExactly(3, 2, 1);
        assertThat(keyDates(id, "10").keyDates()).extracting(k -> k.date().value())
                .containsExactly("1981-03-05", "1981-06-09", "1981-08-01", "1981-02-02");

        assertBadMember(given().queryParam("view", "highlights").when().get(TIMELINES + "/" + id + "/events"), "view");
        assertBadMember(given().queryParam("view", "key-dates").queryParam("limit", "0").when().get(TIMELINES + "/" + id + "/events"), "limit");
    }

    private RecordMetadata report(String outlet, String isoDay, String text) {
        ObjectNode event = withEntities(day(isoDay, text), "PLACE:Keyport");
        return topic.send(version(newArticleId(), 1, outlet, "1981-12-01T08:00:00Z", event));
    }

    private static KeyDates keyDates(String id, String limit) {
        Response response = given().queryParam("view", "key-dates").queryParam("limit", limit)
                .when().get(TIMELINES + "/" + id + "/events");
        response.then().statusCode(200);
        return response.as(KeyDates.class);
    }
}
