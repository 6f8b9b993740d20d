package io.eventline.timeline;

import io.agroal.api.AgroalDataSource;
import io.eventline.infra.quarkus.KafkaTestResource;
import io.eventline.infra.quarkus.PostgresTestResource;
import io.eventline.timeline.TimelineApi.Detail;
import io.eventline.timeline.TimelineApi.Event;
import io.quarkus.test.common.TestResourceScope;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;

import static io.eventline.timeline.ArticleMessages.day;
import static io.eventline.timeline.ArticleMessages.newArticleId;
import static io.eventline.timeline.ArticleMessages.retraction;
import static io.eventline.timeline.ArticleMessages.version;
import static io.eventline.timeline.ArticleMessages.withEntities;
import static io.eventline.timeline.TimelineApi.EVENTS;
import static io.eventline.timeline.TimelineApi.eventsStatedBy;
import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * Reports of one happening by different articles make one event, which follows its reports as they
 * come, change and go. The texts were checked against the judge: the fire and the closed port are
 * one happening; the suspended ferries after the storms another, which the second report bridges.
 */
@QuarkusTest
@WithTestResource(value = KafkaTestResource.class, scope = TestResourceScope.MATCHING_RESOURCES)
@WithTestResource(value = PostgresTestResource.class, scope = TestResourceScope.MATCHING_RESOURCES)
class DeduplicationTest extends ArticlesTopicTest {

    @Inject
    AgroalDataSource dataSource;

    ChangeLog changeLog;

    /** The event change log as a later change feed will read it: kinds of one event's rows in sequence order. */
    record ChangeLog(AgroalDataSource dataSource) {
        List<String> of(long eventId) {
            try (var connection = dataSource.getConnection();
                 var query = connection.prepareStatement(
                         "select kind, merged_into from event_change where event_id = ? order by seq")) {
                query.setLong(1, eventId);
                List<String> kinds = new ArrayList<>();
                try (var rows = query.executeQuery()) {
                    while (rows.next()) {
                        long into = rows.getLong(2);
                        String mergedInto = rows.wasNull() ? "" : " into " + into;
                        kinds.add(rows.getString(1) + mergedInto);
                    }
                }
                return kinds;
            } catch (SQLException e) {
                throw new IllegalStateException(e);
            }
        }
    }

    private static final String FIRE = "The harbour authority closed the northern port after a chemical tanker caught fire near the docks.";
    private static final String FIRE_AND_FERRIES = "The northern port was closed when a chemical tanker caught fire, "
            + "and the ferry company suspended crossings to the islands.";
    private static final String STORMS = "The ferry company suspended crossings to the islands after storms battered the coast.";

    @BeforeAll
    void readTheChangeLog() {
        changeLog = new ChangeLog(dataSource);
    }

    @Test
    void twoOutletsReportingTheSameHappeningMakeOneEventAndARetractionLeavesItOneReport() {
        String reuters = newArticleId();
        String ap = newArticleId();
        double mergedBefore = Metrics.value("timeline_duplicates_merged_total");
        // the later report arrives first: the earlier one, arriving late, re-derives the event
        topic.awaitConsumed(topic.send(version(ap, 1, "AP", "1971-02-19T11:00:00Z",
                withEntities(day("1971-02-19", FIRE_AND_FERRIES), "PLACE:Northport"))));
        topic.awaitConsumed(topic.send(version(reuters, 1, "Reuters", "1971-02-19T10:00:00Z",
                withEntities(day("1971-02-19", FIRE), "ORGANIZATION:Harbour Authority"))));

        List<Event> events = eventsStatedBy(Set.of(reuters, ap), "from", "1971", "to", "1971");
        assertThat(events).hasSize(1);
        Event merged = events.get(0);
        assertThat(merged.reportCount()).isEqualTo(2);
        assertThat(merged.outletCount()).isEqualTo(2);
        assertThat(merged.firstReportedAt()).isEqualTo("1971-02-19T10:00:00Z");
        assertThat(merged.sources()).extracting(TimelineApi.Source::articleId).containsExactly(reuters, ap);
        assertThat(merged.entities()).extracting(TimelineApi.Entity::text).containsExactlyInAnyOrder("Northport", "Harbour Authority");
        assertThat(merged.text()).isIn(FIRE, FIRE_AND_FERRIES);
        assertThat(Metrics.value("timeline_duplicates_merged_total")).isGreaterThanOrEqualTo(mergedBefore + 1);
        // a word of either report finds the merged event: "harbour" is only Reuters', "islands" only AP's
        assertThat(eventsStatedBy(Set.of(reuters, ap), "from", "1971", "to", "1971", "q", "harbour"))
                .extracting(Event::id).containsExactly(merged.id());
        assertThat(eventsStatedBy(Set.of(reuters, ap), "from", "1971", "to", "1971", "q", "islands"))
                .extracting(Event::id).containsExactly(merged.id());

        Detail detail = TimelineApi.detail(merged.id());
        assertThat(detail.sources()).extracting(TimelineApi.Report::source).containsExactly("Reuters", "AP");
        assertThat(detail.sources()).extracting(TimelineApi.Report::text).containsExactly(FIRE, FIRE_AND_FERRIES);
        assertThat(detail.sources().get(0).statedDate())
                .isEqualTo(new TimelineApi.Date("1971-02-19", "day", "1971-02-19", "1971-02-19"));
        assertThat(detail.sources().get(0).sentence().end()).isGreaterThan(detail.sources().get(0).sentence().start());
        assertThat(detail.sources().get(0).expression().text()).isEqualTo("on 1971-02-19");

        topic.awaitConsumed(topic.send(retraction(reuters, 2)));

        List<Event> after = eventsStatedBy(Set.of(reuters, ap), "from", "1971", "to", "1971");
        assertThat(after).hasSize(1);
        assertThat(after.get(0).id()).as("the event stays, with the report left").isEqualTo(merged.id());
        assertThat(after.get(0).reportCount()).isEqualTo(1);
        assertThat(after.get(0).outletCount()).isEqualTo(1);
        assertThat(after.get(0).text()).isEqualTo(FIRE_AND_FERRIES);
        assertThat(after.get(0).firstReportedAt()).isEqualTo("1971-02-19T11:00:00Z");
        assertThat(after.get(0).entities()).extracting(TimelineApi.Entity::text).containsExactly("Northport");
        assertThat(eventsStatedBy(Set.of(reuters, ap), "from", "1971", "to", "1971", "q", "harbour"))
                .as("the retracted report's words no longer find the event").isEmpty();
        assertThat(eventsStatedBy(Set.of(reuters, ap), "from", "1971", "to", "1971", "q", "islands"))
                .extracting(Event::id).containsExactly(merged.id());
        // the reports arrived one message at a time: created, joined by the late report, left by the retracted one
        assertThat(changeLog.of(Long.parseLong(merged.id()))).containsExactly("added", "changed", "changed");
    }

    @Test
    void retractingTheReportThatBridgedTwoOthersSplitsTheEvent() {
        String fire = newArticleId();
        String bridge = newArticleId();
        String storms = newArticleId();
        topic.awaitConsumed(
                topic.send(version(fire, 1, "Reuters", "1972-02-19T10:00:00Z", day("1972-02-19", FIRE))),
                topic.send(version(bridge, 1, "AP", "1972-02-19T11:00:00Z", day("1972-02-19", FIRE_AND_FERRIES))),
                topic.send(version(storms, 1, "BBC", "1972-02-19T12:00:00Z", day("1972-02-19", STORMS))));
        List<Event> merged = eventsStatedBy(Set.of(fire, bridge, storms), "from", "1972", "to", "1972");
        assertThat(merged).hasSize(1);
        assertThat(merged.get(0).reportCount()).isEqualTo(3);

        topic.awaitConsumed(topic.send(retraction(bridge, 2)));

        List<Event> split = eventsStatedBy(Set.of(fire, bridge, storms), "from", "1972", "to", "1972");
        assertThat(split).extracting(Event::text).containsExactlyInAnyOrder(FIRE, STORMS);
        assertThat(split).allSatisfy(event -> assertThat(event.reportCount()).isEqualTo(1));
        assertThat(split).extracting(Event::id).contains(merged.get(0).id());
        String other = split.stream().map(Event::id).filter(id -> !id.equals(merged.get(0).id())).findFirst().orElseThrow();
        assertThat(changeLog.of(Long.parseLong(other))).containsExactly("added");
        assertThat(changeLog.of(Long.parseLong(merged.get(0).id()))).endsWith("changed");
    }

    @Test
    void aLateReportThatBridgesTwoEventsMergesThemAndTheLogSaysIntoWhich() {
        String fire = newArticleId();
        String bridge = newArticleId();
        String storms = newArticleId();
        topic.awaitConsumed(
                topic.send(version(fire, 1, "Reuters", "1975-02-19T10:00:00Z", day("1975-02-19", FIRE))),
                topic.send(version(storms, 1, "BBC", "1975-02-19T12:00:00Z", day("1975-02-19", STORMS))));
        List<Event> apart = eventsStatedBy(Set.of(fire, storms), "from", "1975", "to", "1975");
        assertThat(apart).hasSize(2);
        String fireEvent = apart.stream().filter(e -> e.text().equals(FIRE)).findFirst().orElseThrow().id();
        String stormsEvent = apart.stream().filter(e -> e.text().equals(STORMS)).findFirst().orElseThrow().id();

        // published between the two, delivered after both: the neighbourhood is clustered again
        topic.awaitConsumed(topic.send(version(bridge, 1, "AP", "1975-02-19T11:00:00Z", day("1975-02-19", FIRE_AND_FERRIES))));

        List<Event> merged = eventsStatedBy(Set.of(fire, bridge, storms), "from", "1975", "to", "1975");
        assertThat(merged).hasSize(1);
        assertThat(merged.get(0).id()).isEqualTo(fireEvent);
        assertThat(merged.get(0).reportCount()).isEqualTo(3);
        given().when().get(EVENTS + "/" + stormsEvent).then().statusCode(404);
        assertThat(changeLog.of(Long.parseLong(stormsEvent))).containsExactly("added", "merged into " + fireEvent);
        assertThat(changeLog.of(Long.parseLong(fireEvent))).containsExactly("added", "changed");
    }

    @Test
    void differentHappeningsOfTheSameDayStaySeparate() {
        String first = newArticleId();
        String second = newArticleId();
        topic.awaitConsumed(
                topic.send(version(first, 1, "Reuters", "1973-02-19T10:00:00Z", day("1973-02-19", FIRE))),
                topic.send(version(second, 1, "AP", "1973-02-19T11:00:00Z", day("1973-02-19", STORMS))));

        assertThat(eventsStatedBy(Set.of(first, second), "from", "1973", "to", "1973"))
                .extracting(Event::text).containsExactlyInAnyOrder(FIRE, STORMS);
    }

    @Test
    void aNewVersionThatNoLongerReportsAHappeningLeavesItsEventToTheOtherReports() {
        String article = newArticleId();
        String other = newArticleId();
        topic.awaitConsumed(topic.send(version(article, 1, "Reuters", "1974-02-19T10:00:00Z", day("1974-02-19", FIRE))));
        String alone = eventsStatedBy(Set.of(article), "from", "1974", "to", "1974").get(0).id();
        topic.awaitConsumed(topic.send(version(other, 1, "AP", "1974-02-19T11:00:00Z", day("1974-02-19", FIRE_AND_FERRIES))));

        // a new version that no longer reports the fire: the merged event keeps the other report only
        topic.awaitConsumed(topic.send(version(article, 2, "Reuters", "1974-02-19T10:00:00Z", day("1974-03-01", STORMS))));

        List<Event> events = eventsStatedBy(Set.of(article, other), "from", "1974", "to", "1974");
        assertThat(events).extracting(Event::text).containsExactly(FIRE_AND_FERRIES, STORMS);
        assertThat(events.get(0).id()).isEqualTo(alone);
        assertThat(events).allSatisfy(event -> assertThat(event.reportCount()).isEqualTo(1));
        given().when().get(EVENTS + "/" + alone).then().statusCode(200);
    }
}
