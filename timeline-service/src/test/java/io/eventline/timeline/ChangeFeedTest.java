package io.eventline.timeline;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import io.eventline.infra.quarkus.KafkaTestResource;
import io.eventline.infra.quarkus.PostgresTestResource;
import io.eventline.timeline.SavedTimelineTest.Timeline;
import io.eventline.timeline.repository.EventChangeHistory;
import io.eventline.timeline.repository.EventChangeHistory.Period;
import io.eventline.timeline.repository.EventChangeLog;
import io.eventline.timeline.service.ChangeLogPruner;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.common.TestResourceScope;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.response.Response;
import jakarta.inject.Inject;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;

import static io.eventline.timeline.ArticleMessages.day;
import static io.eventline.timeline.ArticleMessages.newArticleId;
import static io.eventline.timeline.ArticleMessages.retraction;
import static io.eventline.timeline.ArticleMessages.version;
import static io.eventline.timeline.ArticleMessages.withEntities;
import static io.eventline.timeline.SavedTimelineTest.TIMELINES;
import static io.eventline.timeline.SavedTimelineTest.assertBadMember;
import static io.eventline.timeline.SavedTimelineTest.create;
import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.entry;
import static org.assertj.core.api.Assertions.tuple;
import static org.hamcrest.Matchers.emptyString;
import static org.hamcrest.Matchers.equalTo;

/** A saved timeline's change feed: what happened to its events since a cursor. */
@QuarkusTest
@WithTestResource(value = KafkaTestResource.class, scope = TestResourceScope.MATCHING_RESOURCES)
@WithTestResource(value = PostgresTestResource.class, scope = TestResourceScope.MATCHING_RESOURCES)
class ChangeFeedTest extends ArticlesTopicTest {

    @Inject
    ChangeLogPruner pruner;

    @Inject
    EventChangeLog log;

    @Inject
    EventChangeHistory history;

    @JsonIgnoreProperties(ignoreUnknown = true)
    record Change(String kind, String id, String mergedInto, TimelineApi.Event event) {
    }

    @JsonIgnoreProperties(ignoreUnknown = true)
    record Feed(List<Change> changes, String cursor, boolean more, String nextLink) {
    }

    @Test
    void theFeedTellsAddedChangedAndRemovedEventsOfTheFilterOnly() {
        Timeline timeline = timeline("{\"name\":\"Oder\",\"entities\":[\"Oder\"],\"from\":\"1951\",\"to\":\"1951\"}");
        Feed start = feed(timeline, null);
        assertThat(start.changes()).isEmpty();

        String article = newArticleId();
        topic.awaitConsumed(topic.send(version(article, 1,
                withEntities(day("1951-02-01", "The Oder ferry sank."), "PLACE:Oder"),
                withEntities(day("1951-03-01", "The Oder dam was opened."), "PLACE:Oder"),
                withEntities(day("1951-04-01", "A Vistula barge ran aground."), "PLACE:Vistula"))));
        Feed added = feed(timeline, start.cursor());
        // the Vistula event is new and not on this timeline: the client never saw it, so it is not mentioned
        assertThat(added.changes()).extracting(Change::kind).containsExactly("added", "added");
        assertThat(added.changes()).extracting(c -> c.event().text()).containsExactly("The Oder ferry sank.", "The Oder dam was opened.");
        assertThat(added.more()).isFalse();
        assertThat(feed(timeline, added.cursor()).changes()).isEmpty();
        String ferry = added.changes().get(0).id();
        String dam = added.changes().get(1).id();

        // v2: the ferry's text changes, the dam's river is now another (it leaves this timeline)
        topic.awaitConsumed(topic.send(version(article, 2,
                withEntities(day("1951-02-01", "The Oder ferry sank in a storm."), "PLACE:Oder"),
                withEntities(day("1951-03-01", "The Oder dam was opened."), "PLACE:Warta"),
                withEntities(day("1951-04-01", "A Vistula barge ran aground."), "PLACE:Vistula"))));
        Feed changed = feed(timeline, added.cursor());
        assertThat(changed.changes()).extracting(Change::kind, Change::id).contains(tuple("changed", ferry), tuple("removed", dam));
        assertThat(changed.changes()).filteredOn(c -> c.kind().equals("changed"))
                .extracting(c -> c.event().text()).containsExactly("The Oder ferry sank in a storm.");
        // the log does not say whether the re-derived Vistula event matched before: a removal the client ignores
        assertThat(changed.changes()).filteredOn(c -> !c.id().equals(ferry)).extracting(Change::kind).containsOnly("removed");

        topic.awaitConsumed(topic.send(retraction(article, 3)));
        Feed retracted = feed(timeline, changed.cursor());
        assertThat(retracted.changes()).extracting(Change::kind, Change::id).contains(tuple("removed", ferry));
        assertThat(retracted.changes()).extracting(Change::kind).containsOnly("removed");
        // read from before they were added, events created and removed since are not mentioned at all
        assertThat(feed(timeline, start.cursor()).changes()).isEmpty();
    }

    /**
     * An event that no longer matches is reported removed only if its period at the cursor overlapped the
     * timeline's dates: that period is the one its latest change at or before the cursor left, whatever its
     * earlier and later changes say. (Ids no event has: the log has no foreign key to events; a feed read across
     * these changes would report them removed, and none is.)
     */
    @Test
    void theFeedJudgesALeavingEventByItsPeriodAtTheCursor() {
        long moved = 9_000_000_000_000L + System.nanoTime() % 1_000_000_000L;
        long loggedLater = moved + 1;
        logChange(moved, 1951);
        long afterFirst = log.latestSequence();
        logChange(moved, 1960);
        long cursor = log.latestSequence();
        logChange(moved, 1970);
        logChange(loggedLater, 1951);

        assertThat(history.periodsAt(List.of(moved, loggedLater), cursor)).containsOnly(entry(moved, year(1960)));
        assertThat(history.periodsAt(List.of(moved, loggedLater), afterFirst)).containsOnly(entry(moved, year(1951)));
        assertThat(history.periodsAt(List.of(moved), afterFirst - 1)).isEmpty();
    }

    private void logChange(long eventId, int year) {
        Period period = year(year);
        QuarkusTransaction.requiringNew().run(() -> log.append(List.of(new EventChangeLog.Change(
                eventId, EventChangeLog.Kind.CHANGED, null, 1L, period.start(), period.end())), Instant.now()));
    }

    private static Period year(int year) {
        return new Period(LocalDate.of(year, 1, 1), LocalDate.of(year, 12, 31));
    }

    @Test
    void aLimitedResponseSaysMoreAreWaitingAndTheCursorFetchesThem() {
        Timeline timeline = timeline("{\"name\":\"Neisse\",\"entities\":[\"Neisse\"]}");
        Feed start = feed(timeline, null);
        topic.awaitConsumed(topic.send(version(newArticleId(), 1,
                withEntities(day("1952-02-01", "A Neisse mill burned."), "PLACE:Neisse"),
                withEntities(day("1952-03-01", "A Neisse bridge reopened."), "PLACE:Neisse"))));

        Feed first = given().queryParam("since", start.cursor()).queryParam("limit", "1")
                .when().get(TIMELINES + "/" + timeline.id() + "/changes").then().statusCode(200).extract().as(Feed.class);
        assertThat(first.changes()).hasSize(1);
        assertThat(first.more()).isTrue();
        Feed second = given().when().get(first.nextLink()).then().statusCode(200).extract().as(Feed.class);
        assertThat(second.changes()).hasSize(1);
        assertThat(second.more()).isFalse();
        assertThat(List.of(first.changes().get(0).event().text(), second.changes().get(0).event().text()))
                .containsExactly("A Neisse mill burned.", "A Neisse bridge reopened.");
    }

    @Test
    void anUnchangedFeedIsA304() {
        Timeline timeline = timeline("{\"name\":\"Quiet\"}");
        String cursor = feed(timeline, null).cursor();
        Response read = given().queryParam("since", cursor).when().get(TIMELINES + "/" + timeline.id() + "/changes");
        read.then().statusCode(200).header("Cache-Control", equalTo("no-cache"));
        given().queryParam("since", cursor).header("If-None-Match", read.header("ETag"))
                .when().get(TIMELINES + "/" + timeline.id() + "/changes").then().statusCode(304).body(emptyString());

        topic.awaitConsumed(topic.send(version(newArticleId(), 1, day("1953-05-05", "A quiet day ended."))));
        given().queryParam("since", cursor).header("If-None-Match", read.header("ETag"))
                .when().get(TIMELINES + "/" + timeline.id() + "/changes").then().statusCode(200);
    }

    @Test
    void aForeignOrForgedCursorIsA400AndARedefinedTimelinesCursorA410() {
        Timeline one = timeline("{\"name\":\"One\"}");
        Timeline other = timeline("{\"name\":\"Other\"}");
        String cursor = feed(one, null).cursor();

        assertBadMember(given().queryParam("since", feed(other, null).cursor()).when().get(TIMELINES + "/" + one.id() + "/changes"), "since");
        assertBadMember(given().queryParam("since", cursor.substring(0, cursor.length() - 2)).when().get(TIMELINES + "/" + one.id() + "/changes"), "since");
        assertBadMember(given().queryParam("since", "!!").when().get(TIMELINES + "/" + one.id() + "/changes"), "since");
        assertBadMember(given().queryParam("limit", "1001").when().get(TIMELINES + "/" + one.id() + "/changes"), "limit");
        given().when().get(TIMELINES + "/999999999/changes").then().statusCode(404);

        given().contentType(ContentType.JSON).body("{\"name\":\"One, redefined\",\"words\":\"river\"}")
                .when().put(TIMELINES + "/" + one.id()).then().statusCode(200);
        assertExpired(given().queryParam("since", cursor).when().get(TIMELINES + "/" + one.id() + "/changes"));
    }

    @Test
    void aCursorOlderThanThePrunedLogIsA410() {
        Timeline timeline = timeline("{\"name\":\"Pruned\"}");
        String old = feed(timeline, null).cursor();
        topic.awaitConsumed(topic.send(version(newArticleId(), 1,
                day("1954-01-01", "Pruned one."), day("1954-02-01", "Pruned two."))));

        // retention zero: every change but the latest goes, including those after the old cursor
        // (other test classes only read the log for changes they make afterwards)
        assertThat(pruner.prune(Duration.ZERO)).isGreaterThan(0);

        assertExpired(given().queryParam("since", old).when().get(TIMELINES + "/" + timeline.id() + "/changes"));
        String fresh = feed(timeline, null).cursor();
        given().queryParam("since", fresh).when().get(TIMELINES + "/" + timeline.id() + "/changes").then().statusCode(200);
    }

    private static void assertExpired(Response response) {
        response.then().statusCode(410).contentType("application/problem+json");
        Map<String, Object> problem = response.jsonPath().getMap("");
        assertThat(problem).containsEntry("status", 410).containsEntry("parameter", "since");
        assertThat((String) problem.get("detail")).contains("/events");
    }

    private static Timeline timeline(String body) {
        return create(body).then().statusCode(201).extract().as(Timeline.class);
    }

    private static Feed feed(Timeline timeline, String since) {
        var request = given();
        if (since != null) {
            request.queryParam("since", since);
        }
        return request.when().get(TIMELINES + "/" + timeline.id() + "/changes")
                .then().statusCode(200).contentType(ContentType.JSON).extract().as(Feed.class);
    }
}
