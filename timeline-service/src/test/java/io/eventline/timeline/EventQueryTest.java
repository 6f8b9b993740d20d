package io.eventline.timeline;

import com.fasterxml.jackson.databind.node.ObjectNode;
import io.eventline.infra.quarkus.KafkaTestResource;
import io.eventline.infra.quarkus.PostgresTestResource;
import io.eventline.timeline.TimelineApi.Event;
import io.eventline.timeline.TimelineApi.Page;
import io.quarkus.test.common.TestResourceScope;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.response.Response;
import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

import static io.eventline.timeline.ArticleMessages.day;
import static io.eventline.timeline.ArticleMessages.event;
import static io.eventline.timeline.ArticleMessages.month;
import static io.eventline.timeline.ArticleMessages.newArticleId;
import static io.eventline.timeline.ArticleMessages.retraction;
import static io.eventline.timeline.ArticleMessages.version;
import static io.eventline.timeline.ArticleMessages.withEntities;
import static io.eventline.timeline.ArticleMessages.year;
import static io.eventline.timeline.TimelineApi.EVENTS;
import static io.eventline.timeline.TimelineApi.eventsStatedBy;
import static io.eventline.timeline.TimelineApi.page;
import static io.eventline.timeline.TimelineApi.texts;
import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.anyOf;
import static org.hamcrest.Matchers.emptyString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.is;

/** Reading the timeline: date ranges, pages, single events. */
@QuarkusTest
@WithTestResource(value = KafkaTestResource.class, scope = TestResourceScope.MATCHING_RESOURCES)
@WithTestResource(value = PostgresTestResource.class, scope = TestResourceScope.MATCHING_RESOURCES)
class EventQueryTest extends ArticlesTopicTest {

    /** Start, coarser before finer (later end first); the fixtures' events are all first reported at once, so then id. */
    private static final Comparator<Event> TIMELINE_ORDER = Comparator
            .comparing((Event e) -> e.date().start())
            .thenComparing(e -> e.date().end(), Comparator.reverseOrder())
            .thenComparing(e -> Long.parseLong(e.id()));

    @Test
    void fromAndToKeepTheEventsWhosePeriodOverlapsTheirs() {
        String article = newArticleId();
        topic.awaitConsumed(topic.send(version(article, 1,
                event("191", "decade", "1910-01-01", "1919-12-31", "The decade before."),
                event("1919-06/1920-03", "interval", "1919-06-01", "1920-03-31", "The long negotiations."),
                year(1920, "The whole year."),
                day("1920-02-29", "The leap day."),
                day("1920-03-01", "The first of March."),
                day("1920-04-30", "The last of April."),
                day("1920-05-01", "The first of May."))));
        Set<String> ids = Set.of(article);

        // a month bound covers the whole month: from its first day to its last
        assertThat(texts(eventsStatedBy(ids, "from", "1920-03", "to", "1920-04", "limit", "500"))).containsExactly(
                "The long negotiations.", "The whole year.", "The first of March.", "The last of April.");
        assertThat(texts(eventsStatedBy(ids, "from", "1920-04-30", "to", "1920-04-30", "limit", "500")))
                .containsExactly("The whole year.", "The last of April.");
        assertThat(texts(eventsStatedBy(ids, "from", "1920-05", "limit", "500")))
                .containsExactly("The whole year.", "The first of May.");
        assertThat(texts(eventsStatedBy(ids, "to", "1919", "limit", "500")))
                .containsExactly("The decade before.", "The long negotiations.");
    }

    @Test
    void theSamePageAskedAgainShowsWhatChangedSinceAndIsTheSameWhileNothingDid() {
        // a poller asks for the same page again and again: it must follow every change
        String article = newArticleId();
        topic.awaitConsumed(topic.send(version(article, 1, day("1731-07-04", "A comet was seen over Lisbon."))));
        String[] query = {"from", "1731-07", "to", "1731-07", "limit", "5"};

        String first = given().queryParams(Map.of("from", "1731-07", "to", "1731-07", "limit", "5")).when().get(EVENTS)
                .then().statusCode(200).extract().asString();
        String again = given().queryParams(Map.of("from", "1731-07", "to", "1731-07", "limit", "5")).when().get(EVENTS)
                .then().statusCode(200).extract().asString();
        assertThat(again).isEqualTo(first);

        topic.awaitConsumed(topic.send(version(article, 2,
                day("1731-07-04", "A comet was seen over Lisbon."), day("1731-07-09", "The harbour of Lisbon froze."))));
        assertThat(texts(page(query).events())).containsExactly("A comet was seen over Lisbon.", "The harbour of Lisbon froze.");

        topic.awaitConsumed(topic.send(version(article, 3, day("1731-07-09", "The harbour of Lisbon froze."))));
        assertThat(texts(page(query).events())).containsExactly("The harbour of Lisbon froze.");
    }

    @Test
    void pagingWithTheCursorWalksEveryEventOnceInTimelineOrder() {
        // several events share a day, and some a whole range, so the id must break the ties
        List<String> articles = List.of(newArticleId(), newArticleId(), newArticleId());
        List<String> expected = new ArrayList<>();
        for (int a = 0; a < articles.size(); a++) {
            List<com.fasterxml.jackson.databind.node.ObjectNode> events = new ArrayList<>();
            for (int i = 0; i < 19; i++) {
                // one word of its own: events of one day with words in common would be merged as one
                String text = String.format("Paged%dx%02d.", a, i);
                events.add(i % 3 == 0 ? month("1930-0" + (1 + i % 4), text) : day("1930-0" + (1 + i % 4) + "-1" + (i % 2), text));
                expected.add(text);
            }
            topic.awaitConsumed(topic.send(version(articles.get(a), 1, events.toArray(com.fasterxml.jackson.databind.node.ObjectNode[]::new))));
        }

        List<Page> pages = TimelineApi.walk("from", "1930", "to", "1930", "limit", "7");
        List<Event> walked = pages.stream().flatMap(p -> p.events().stream()).toList();

        assertThat(pages).allSatisfy(page -> assertThat(page.events()).hasSizeLessThanOrEqualTo(7));
        assertThat(pages.subList(0, pages.size() - 1)).allSatisfy(page -> assertThat(page.events()).hasSize(7));
        assertThat(walked).extracting(Event::id).doesNotHaveDuplicates();
        assertThat(walked).isSortedAccordingTo(TIMELINE_ORDER);
        assertThat(texts(walked.stream().filter(e -> e.statedBy(new HashSet<>(articles))).toList()))
                .containsExactlyInAnyOrderElementsOf(expected);
        // the walk is the same list a single large page gives
        assertThat(walked).isEqualTo(TimelineApi.page("from", "1930", "to", "1930", "limit", "500").events());
    }

    @Test
    void aFromBoundListsTheLongPeriodsOverlappingItFirstAndEveryPageSizeWalksTheSameOrder() {
        // a page with `from` is read in two parts, the events that start before `from` and overlap it (periods
        // of every length: a week, a month, a season, a year, a decade, a century, longer) and those that start
        // on or after it; the pages must join them as one list
        String article = newArticleId();
        topic.awaitConsumed(topic.send(version(article, 1,
                event("1500/1690", "interval", "1500-01-01", "1690-12-31", "Spanish galleons crossed oceans."),
                event("16", "century", "1600-01-01", "1699-12-31", "Baroque painters flourished everywhere."),
                event("1600/1720", "interval", "1600-01-01", "1720-12-31", "Colonial trade routes expanded."),
                event("165", "decade", "1650-01-01", "1659-12-31", "Coffeehouses opened in London."),
                year(1655, "Jamaica was captured."),
                event("1655-11/1656-02", "interval", "1655-11-01", "1656-02-29", "Heavy rains ruined harvests."),
                month("1655-12", "Dutch fleets wintered ashore."),
                event("1655-WI", "season", "1655-12-01", "1656-02-29", "Ice fairs were held on rivers."),
                day("1655-12-31", "Merchants closed ledgers."),
                event("1655-W52", "week", "1655-12-27", "1656-01-02", "Skaters filled frozen canals."),
                year(1656, "Plague reached Naples."),
                month("1656-01", "Pascal published provincial letters."),
                day("1656-01-01", "Astronomers observed Saturn's rings."),
                day("1656-01-20", "A treaty fragment surfaced."))));
        Set<String> ids = Set.of(article);
        // by start; equal starts: the later end (coarser) first, whether both start before `from` or on it
        List<String> expected = List.of(
                "Spanish galleons crossed oceans.",
                "Colonial trade routes expanded.",
                "Baroque painters flourished everywhere.",
                "Coffeehouses opened in London.",
                "Heavy rains ruined harvests.",
                "Ice fairs were held on rivers.",
                "Skaters filled frozen canals.",
                "Plague reached Naples.",
                "Pascal published provincial letters.",
                "Astronomers observed Saturn's rings.",
                "A treaty fragment surfaced.");

        for (int limit = 1; limit <= 6; limit++) {
            assertThat(texts(eventsStatedBy(ids, "from", "1656-01", "to", "1656-01", "limit", String.valueOf(limit))))
                    .as("pages of %d", limit).containsExactlyElementsOf(expected);
        }
        assertThat(texts(eventsStatedBy(ids, "from", "1656-01", "limit", "3"))).as("no `to`").containsExactlyElementsOf(expected);
        assertThat(texts(eventsStatedBy(ids, "from", "1656-01-02", "to", "1656-01-02", "limit", "2"))).containsExactly(
                "Spanish galleons crossed oceans.", "Colonial trade routes expanded.", "Baroque painters flourished everywhere.",
                "Coffeehouses opened in London.", "Heavy rains ruined harvests.", "Ice fairs were held on rivers.",
                "Skaters filled frozen canals.",
                "Plague reached Naples.", "Pascal published provincial letters.");

        Page intervals = page("from", "1656-01", "to", "1656-01", "granularity", "interval", "limit", "2");
        assertThat(texts(intervals.events())).containsExactly("Spanish galleons crossed oceans.", "Colonial trade routes expanded.");
        assertThat(intervals.total()).as("counted over both parts").isEqualTo(3);
        assertThat(intervals.totalExact()).isTrue();
        Page rest = given().when().get(intervals.nextLink()).then().statusCode(200).extract().as(Page.class);
        assertThat(texts(rest.events())).containsExactly("Heavy rains ruined harvests.");
        assertThat(rest.next()).isNull();
    }

    @Test
    void withoutALimitAPageHoldsFiftyEvents() {
        String article = newArticleId();
        var events = new com.fasterxml.jackson.databind.node.ObjectNode[51];
        for (int i = 0; i < events.length; i++) {
            events[i] = day("1931-01-" + String.format("%02d", 1 + i % 28), String.format("Unpaged%02d.", i));
        }
        topic.awaitConsumed(topic.send(version(article, 1, events)));

        Page page = TimelineApi.page("from", "1931", "to", "1931");

        assertThat(page.events()).hasSize(50);
        assertThat(page.next()).isNotNull();
    }

    @Test
    void theLastPageHasNoNextCursor() {
        String article = newArticleId();
        topic.awaitConsumed(topic.send(version(article, 1, day("1932-07-04", "The only event of 1932."))));

        Page page = TimelineApi.page("from", "1932-07-04", "to", "1932-07-04", "limit", "500");

        assertThat(page.next()).isNull();
        assertThat(texts(page.events())).contains("The only event of 1932.");
    }

    @Test
    void anEventCanBeReadByItsId() {
        String article = newArticleId();
        topic.awaitConsumed(topic.send(version(article, 1, month("1933-11", "The treaty was signed."))));
        Event listed = eventsStatedBy(Set.of(article), "from", "1933", "to", "1933", "limit", "500").get(0);

        Event read = given().when().get(EVENTS + "/" + listed.id())
                .then().statusCode(200).contentType(ContentType.JSON)
                .extract().as(Event.class);

        assertThat(read).isEqualTo(listed);
    }

    @Test
    void anUnknownEventIsA404Problem() {
        for (String id : List.of("999999999999", "not-an-id")) {
            given().when().get(EVENTS + "/" + id)
                    .then().statusCode(404)
                    .contentType("application/problem+json")
                    .body("status", equalTo(404))
                    .body("title", equalTo("Event not found"));
        }
    }

    @Test
    void entityWordsOutletAndGranularityFilterTheTimelineAndTheTotalCountsTheMatches() {
        String wire = newArticleId();
        String gazette = newArticleId();
        topic.awaitConsumed(
                topic.send(version(wire, 1, "Filter Wire", "1934-12-31T08:00:00Z",
                        withEntities(day("1934-03-01", "The Danube flooded the lower town."), "PLACE:Danube", "PERSON:Anna Weber"),
                        withEntities(month("1934-05", "A harvest festival drew crowds."), "PLACE:Danube"),
                        withEntities(year(1934, "Quarrymen struck for higher wages."), "ORGANIZATION:Quarry Union"))),
                topic.send(version(gazette, 1, "Other Gazette", "1934-12-31T09:00:00Z",
                        withEntities(day("1934-07-07", "Bridge inspectors condemned the old viaduct."), "PLACE:Danube"))));
        Set<String> ids = Set.of(wire, gazette);

        assertThat(texts(eventsStatedBy(ids, "from", "1934", "to", "1934", "entity", "danube"))).containsExactly(
                "The Danube flooded the lower town.", "A harvest festival drew crowds.", "Bridge inspectors condemned the old viaduct.");
        assertThat(texts(page("from", "1934", "to", "1934", "entity", "DANUBE", "entity", " anna WEBER").events()))
                .containsExactly("The Danube flooded the lower town.");
        assertThat(texts(page("from", "1934", "to", "1934", "q", "flooding").events()))
                .as("words are stemmed").containsExactly("The Danube flooded the lower town.");
        assertThat(texts(page("from", "1934", "to", "1934", "q", "viaduct inspectors").events()))
                .containsExactly("Bridge inspectors condemned the old viaduct.");
        assertThat(texts(page("from", "1934", "to", "1934", "source", "filter wire").events())).containsExactly(
                "Quarrymen struck for higher wages.", "The Danube flooded the lower town.", "A harvest festival drew crowds.");
        assertThat(texts(page("from", "1934", "to", "1934", "granularity", "month").events()))
                .containsExactly("A harvest festival drew crowds.");
        assertThat(page("from", "1934", "to", "1934", "entity", "danube", "source", "Other Gazette").total()).isEqualTo(1);
        Page danube = page("from", "1934", "to", "1934", "entity", "danube", "limit", "1");
        assertThat(danube.total()).isEqualTo(3);
        assertThat(danube.totalExact()).isTrue();
        assertThat(page("from", "1934", "to", "1934", "entity", "nobody at all").events()).isEmpty();
    }

    @Test
    void anEntitysTimelineFollowsItsEventsAsTheyChangeAndAreRetracted() {
        // an entity's timeline is read from an index of its own (V6__entity_timelines.sql) that the database
        // keeps as events change: it must list what the events say now, in timeline order, in every page size
        String article = newArticleId();
        String name = "Ilse Brandt " + article;   // named in this test only
        String person = "PERSON:" + name;
        // dates pairwise incompatible (none contains another), so the deduplication keeps four events
        ObjectNode famine = withEntities(event("1864-06/1865-06", "interval", "1864-06-01", "1865-06-30",
                "A famine emptied the villages."), person);
        topic.awaitConsumed(topic.send(version(article, 1,
                famine,
                withEntities(day("1865-09-01", "The mill burned down."), person),
                withEntities(day("1866-01-10", "A new bridge opened."), person),
                withEntities(year(1867, "Floods closed the pass."), "PLACE:Lower Pass"))));

        for (int limit = 1; limit <= 3; limit++) {
            assertThat(texts(walkedEvents("from", "1865-03", "entity", name, "limit", String.valueOf(limit))))
                    .as("pages of %d", limit)
                    .containsExactly("A famine emptied the villages.", "The mill burned down.", "A new bridge opened.");
        }
        assertThat(page("from", "1865-03", "to", "1865-12", "entity", name).total()).isEqualTo(2);

        // the mill no longer names her, the bridge moved to another day, the floods name her now
        topic.awaitConsumed(topic.send(version(article, 2,
                famine,
                day("1865-09-01", "The mill burned down."),
                withEntities(day("1865-10-20", "A new bridge opened."), person),
                withEntities(year(1867, "Floods closed the pass."), person, "PLACE:Lower Pass"))));
        for (int limit = 1; limit <= 3; limit++) {
            assertThat(texts(walkedEvents("from", "1865-03", "entity", name, "limit", String.valueOf(limit))))
                    .as("pages of %d after the update", limit)
                    .containsExactly("A famine emptied the villages.", "A new bridge opened.", "Floods closed the pass.");
        }
        assertThat(texts(page("entity", name, "entity", "lower pass").events())).containsExactly("Floods closed the pass.");
        // a total of dates and one entity is counted from the entity's rows alone: they follow the events too
        assertThat(page("from", "1865-03", "to", "1865-12", "entity", name).total()).as("the famine and the moved bridge").isEqualTo(2);
        assertThat(page("from", "1865-03", "to", "1865-09", "entity", name).total()).as("the mill no longer names her").isEqualTo(1);
        assertThat(page("from", "1867", "entity", name).total()).as("the floods name her now").isEqualTo(1);

        topic.awaitConsumed(topic.send(retraction(article, 3)));
        Page after = page("from", "1865-03", "entity", name);
        assertThat(after.events()).isEmpty();
        assertThat(after.total()).isZero();
    }

    /** The events of every page of the query, in the order served. */
    private static List<Event> walkedEvents(String... params) {
        return TimelineApi.walk(params).stream().flatMap(p -> p.events().stream()).toList();
    }

    @Test
    void aPageLinksToTheNextInItsBodyAndItsLinkHeader() {
        String article = newArticleId();
        topic.awaitConsumed(topic.send(version(article, 1,
                day("1935-01-01", "Alpha happened."), day("1935-01-02", "Bravo happened."), day("1935-01-03", "Charlie happened."))));

        Response first = given().queryParams(Map.of("from", "1935", "to", "1935", "limit", "2")).when().get(EVENTS);
        first.then().statusCode(200);
        Page page = first.as(Page.class);

        assertThat(page.total()).isEqualTo(3);
        assertThat(page.nextLink()).startsWith(EVENTS + "?").contains("cursor=" + page.next()).contains("limit=2");
        assertThat(first.header("Link")).isEqualTo("<" + page.nextLink() + ">; rel=\"next\"");
        Page second = given().when().get(page.nextLink()).then().statusCode(200).extract().as(Page.class);
        assertThat(texts(second.events())).containsExactly("Charlie happened.");
        assertThat(second.next()).isNull();
        assertThat(second.nextLink()).isNull();
    }

    @Test
    void aFilterMatchingMoreEventsThanTheCapCountsUpToTheCapAndSaysSo() {
        // the tests' cap is 5 (application.properties, %test)
        String article = newArticleId();
        topic.awaitConsumed(topic.send(version(article, 1,
                day("1943-01-05", "Alpha counted."), day("1943-02-05", "Bravo counted."), day("1943-03-05", "Charlie counted."),
                day("1943-04-05", "Delta counted."), day("1943-05-05", "Echo counted."), day("1943-06-05", "Foxtrot counted."),
                day("1943-07-05", "Golf counted."))));

        Page first = page("from", "1943", "to", "1943", "limit", "4");
        assertThat(first.total()).isEqualTo(5);
        assertThat(first.totalExact()).as("7 events match: 'at least 5'").isFalse();
        Page second = given().when().get(first.nextLink()).then().statusCode(200).extract().as(Page.class);
        assertThat(texts(second.events())).containsExactly("Echo counted.", "Foxtrot counted.", "Golf counted.");
        assertThat(second.total()).isEqualTo(5);
        assertThat(second.totalExact()).isFalse();

        Page exactlyTheCap = page("from", "1943-01", "to", "1943-05");
        assertThat(exactlyTheCap.total()).isEqualTo(5);
        assertThat(exactlyTheCap.totalExact()).isTrue();
    }

    @Test
    void theFollowingPagesRepeatTheTotalOfTheFirstPage() {
        String article = newArticleId();
        topic.awaitConsumed(topic.send(version(article, 1,
                day("1944-01-01", "The first count."), day("1944-02-01", "The second count."), day("1944-03-01", "The third count."))));
        Page first = page("from", "1944", "to", "1944", "limit", "2");
        assertThat(first.total()).isEqualTo(3);

        topic.awaitConsumed(topic.send(version(newArticleId(), 1, day("1944-12-01", "A late addition."))));

        Page second = given().when().get(first.nextLink()).then().statusCode(200).extract().as(Page.class);
        assertThat(texts(second.events())).containsExactly("The third count.", "A late addition.");
        assertThat(second.total()).as("what the first page counted: the figure stays put while the client pages").isEqualTo(3);
        assertThat(second.totalExact()).isTrue();
        assertThat(page("from", "1944", "to", "1944", "limit", "2").total()).as("a first page counts again").isEqualTo(4);
    }

    @Test
    void aConditionalReadOfAnUnchangedPageOrEventIsA304WithoutBody() {
        String article = newArticleId();
        topic.awaitConsumed(topic.send(version(article, 1, day("1936-08-01", "The games opened."))));
        Map<String, String> query = Map.of("from", "1936", "to", "1936");

        Response list = given().queryParams(query).when().get(EVENTS);
        list.then().statusCode(200).header("Cache-Control", equalTo("no-cache"));
        String listTag = list.header("ETag");
        assertThat(listTag).matches("\"[^\"]+\"");
        given().queryParams(query).header("If-None-Match", listTag).when().get(EVENTS)
                .then().statusCode(304).header("ETag", equalTo(listTag)).body(emptyString());
        // another query is another list
        assertThat(given().queryParams(Map.of("from", "1936")).when().get(EVENTS).header("ETag")).isNotEqualTo(listTag);

        String id = eventsStatedBy(Set.of(article), "from", "1936", "to", "1936").get(0).id();
        Response event = given().when().get(EVENTS + "/" + id);
        event.then().statusCode(200).header("Cache-Control", equalTo("no-cache"));
        String eventTag = event.header("ETag");
        given().header("If-None-Match", "\"something-else\", " + eventTag).when().get(EVENTS + "/" + id)
                .then().statusCode(304).body(emptyString());

        // a new version of the article changes both
        topic.awaitConsumed(topic.send(version(article, 2, day("1936-08-01", "The games opened in Berlin."))));

        Response changedList = given().queryParams(query).header("If-None-Match", listTag).when().get(EVENTS);
        changedList.then().statusCode(200);
        assertThat(changedList.header("ETag")).isNotEqualTo(listTag);
        Response changedEvent = given().header("If-None-Match", eventTag).when().get(EVENTS + "/" + id);
        changedEvent.then().statusCode(200).body("text", equalTo("The games opened in Berlin."));
        assertThat(changedEvent.header("ETag")).isNotEqualTo(eventTag);
    }

    @Test
    void queryLatencyIsMeasuredPerEndpoint() {
        TimelineApi.page("from", "1937", "limit", "1");
        given().when().get(EVENTS + "/1").then().statusCode(anyOf(is(200), is(404)));

        assertThat(Metrics.sum("timeline_query_seconds_count", "endpoint=\"events\"")).isGreaterThan(0);
        assertThat(Metrics.sum("timeline_query_seconds_count", "endpoint=\"event\"")).isGreaterThan(0);
    }

    private static Page page(String... params) {
        return TimelineApi.page(params);
    }
}
