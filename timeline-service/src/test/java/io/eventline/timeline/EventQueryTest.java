package io.eventline.timeline;

import io.eventline.infra.quarkus.KafkaTestResource;
import io.eventline.infra.quarkus.PostgresTestResource;
import io.eventline.timeline.TimelineApi.Event;
import io.eventline.timeline.TimelineApi.Page;
import io.eventline.timeline.config.TimelineConfig;
import io.quarkus.test.common.TestResourceScope;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import jakarta.inject.Inject;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

import static io.eventline.timeline.ArticleMessages.day;
import static io.eventline.timeline.ArticleMessages.event;
import static io.eventline.timeline.ArticleMessages.month;
import static io.eventline.timeline.ArticleMessages.newArticleId;
import static io.eventline.timeline.ArticleMessages.version;
import static io.eventline.timeline.ArticleMessages.year;
import static io.eventline.timeline.TimelineApi.EVENTS;
import static io.eventline.timeline.TimelineApi.eventsStatedBy;
import static io.eventline.timeline.TimelineApi.texts;
import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.equalTo;

/** Reading the timeline: date ranges, pages, single events. */
@QuarkusTest
@WithTestResource(value = KafkaTestResource.class, scope = TestResourceScope.MATCHING_RESOURCES)
@WithTestResource(value = PostgresTestResource.class, scope = TestResourceScope.MATCHING_RESOURCES)
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class EventQueryTest {

    private static final Comparator<Event> TIMELINE_ORDER = Comparator
            .comparing((Event e) -> e.date().start())
            .thenComparing(e -> e.date().end())
            .thenComparing(e -> Long.parseLong(e.id()));

    @Inject
    TimelineConfig config;

    ArticleTopic topic;

    @BeforeAll
    void connect() {
        topic = new ArticleTopic(config.articlesTopic(), config.consumerGroup());
    }

    @AfterAll
    void disconnect() {
        topic.close();
    }

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
    void pagingWithTheCursorWalksEveryEventOnceInTimelineOrder() {
        // several events share a day, and some a whole range, so the id must break the ties
        List<String> articles = List.of(newArticleId(), newArticleId(), newArticleId());
        List<String> expected = new ArrayList<>();
        for (int a = 0; a < articles.size(); a++) {
            List<com.fasterxml.jackson.databind.node.ObjectNode> events = new ArrayList<>();
            for (int i = 0; i < 19; i++) {
                String text = "Event " + a + "-" + i;
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
    void withoutALimitAPageHoldsFiftyEvents() {
        String article = newArticleId();
        var events = new com.fasterxml.jackson.databind.node.ObjectNode[51];
        for (int i = 0; i < events.length; i++) {
            events[i] = day("1931-01-" + String.format("%02d", 1 + i % 28), "Day event " + i);
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
}
