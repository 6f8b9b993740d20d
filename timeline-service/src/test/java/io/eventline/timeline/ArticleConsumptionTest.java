package io.eventline.timeline;

import io.eventline.infra.quarkus.KafkaTestResource;
import io.eventline.infra.quarkus.PostgresTestResource;
import io.eventline.timeline.TimelineApi.Event;
import io.eventline.timeline.config.TimelineConfig;
import io.quarkus.test.common.TestResourceScope;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import org.apache.kafka.clients.producer.RecordMetadata;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Set;

import static io.eventline.timeline.ArticleMessages.day;
import static io.eventline.timeline.ArticleMessages.event;
import static io.eventline.timeline.ArticleMessages.month;
import static io.eventline.timeline.ArticleMessages.newArticleId;
import static io.eventline.timeline.ArticleMessages.retraction;
import static io.eventline.timeline.ArticleMessages.titleOf;
import static io.eventline.timeline.ArticleMessages.version;
import static io.eventline.timeline.ArticleMessages.year;
import static io.eventline.timeline.TimelineApi.EVENTS;
import static io.eventline.timeline.TimelineApi.eventsStatedBy;
import static io.eventline.timeline.TimelineApi.texts;
import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;

/** What the articles topic does to the timeline. */
@QuarkusTest
@WithTestResource(value = KafkaTestResource.class, scope = TestResourceScope.MATCHING_RESOURCES)
@WithTestResource(value = PostgresTestResource.class, scope = TestResourceScope.MATCHING_RESOURCES)
class ArticleConsumptionTest extends ArticlesTopicTest {

    @Test
    void articlesBecomeEventsServedInDateOrderWithTheirSources() {
        String first = newArticleId();
        String second = newArticleId();
        topic.awaitConsumed(
                topic.send(version(first, 1,
                        day("1901-03-05", "The bridge opened."),
                        year(1901, "The city grew all year."),
                        month("1901-02", "Snow closed the port."))),
                topic.send(version(second, 1,
                        day("1901-02-10", "The mayor resigned."))));

        List<Event> events = eventsStatedBy(Set.of(first, second), "from", "1901", "to", "1901", "limit", "500");

        // by start, then end: the year (from 1 January) comes first, the month before its own days
        assertThat(texts(events)).containsExactly(
                "The city grew all year.", "Snow closed the port.", "The mayor resigned.", "The bridge opened.");
        assertThat(events.get(1).date()).isEqualTo(new TimelineApi.Date("1901-02", "month", "1901-02-01", "1901-02-28"));
        assertThat(events.get(3).date()).isEqualTo(new TimelineApi.Date("1901-03-05", "day", "1901-03-05", "1901-03-05"));
        assertThat(events.get(2).sources()).containsExactly(new TimelineApi.Source(
                second, titleOf(second, 1), ArticleMessages.urlOf(second), ArticleMessages.PUBLISHED_AT, ArticleMessages.SOURCE));
        assertThat(events.get(0).sources()).extracting(TimelineApi.Source::articleId).containsExactly(first);
        // the instance reports its lag partition by partition
        assertThat(Metrics.scrape()).contains("timeline_consumer_partition_lag_records{partition=\"", "topic=\"" + config.articlesTopic() + "\"");
    }

    @Test
    void theSameMessageDeliveredTwiceMakesOneCopyOfItsEvents() {
        String article = newArticleId();
        var message = version(article, 7, day("1902-05-01", "The strike began."), day("1902-05-09", "The strike ended."));

        topic.awaitConsumed(topic.send(message), topic.send(message));

        assertThat(texts(eventsStatedBy(Set.of(article), "from", "1902", "to", "1902", "limit", "500")))
                .containsExactly("The strike began.", "The strike ended.");
    }

    @Test
    void anOlderVersionArrivingAfterANewerOneIsIgnored() {
        String article = newArticleId();
        topic.awaitConsumed(
                topic.send(version(article, 2, day("1903-06-01", "Corrected: the dam burst in June."))),
                topic.send(version(article, 1, day("1903-05-01", "The dam burst in May."))));

        List<Event> events = eventsStatedBy(Set.of(article), "from", "1903", "to", "1903", "limit", "500");

        assertThat(texts(events)).containsExactly("Corrected: the dam burst in June.");
        assertThat(events.get(0).sources().get(0).title()).isEqualTo(titleOf(article, 2));
    }

    @Test
    void aNewVersionReplacesTheArticlesEvents() {
        String article = newArticleId();
        topic.awaitConsumed(topic.send(version(article, 1,
                day("1904-01-10", "The first draft event."), day("1904-02-10", "Another draft event."))));
        List<Event> before = eventsStatedBy(Set.of(article), "from", "1904", "to", "1904", "limit", "500");
        assertThat(before).hasSize(2);

        topic.awaitConsumed(topic.send(version(article, 2, month("1904-03", "The revised event."))));

        List<Event> after = eventsStatedBy(Set.of(article), "from", "1904", "to", "1904", "limit", "500");
        assertThat(texts(after)).containsExactly("The revised event.");
        assertThat(after.get(0).sources().get(0).title()).isEqualTo(titleOf(article, 2));
        for (Event replaced : before) {
            given().when().get(EVENTS + "/" + replaced.id()).then().statusCode(404);
        }
    }

    @Test
    void aRetractionRemovesTheArticlesEventsForGood() {
        String article = newArticleId();
        String other = newArticleId();
        var firstVersion = version(article, 1, day("1905-07-01", "A claim later retracted."));
        topic.awaitConsumed(topic.send(firstVersion), topic.send(version(other, 1, day("1905-07-01", "An unrelated fact."))));
        Event retracted = eventsStatedBy(Set.of(article), "from", "1905", "to", "1905", "limit", "500").get(0);

        topic.awaitConsumed(topic.send(retraction(article, 2)));

        assertThat(texts(eventsStatedBy(Set.of(article, other), "from", "1905", "to", "1905", "limit", "500")))
                .containsExactly("An unrelated fact.");
        given().when().get(EVENTS + "/" + retracted.id()).then().statusCode(404);

        // the version it retracted, delivered again late, must not bring it back
        topic.awaitConsumed(topic.send(firstVersion));
        assertThat(eventsStatedBy(Set.of(article), "from", "1905", "to", "1905", "limit", "500")).isEmpty();
    }

    @Test
    void aRetractionArrivingBeforeTheArticleKeepsOlderVersionsOut() {
        String article = newArticleId();

        topic.awaitConsumed(
                topic.send(retraction(article, 5)),
                topic.send(version(article, 3, day("1906-04-18", "An earthquake struck."))));

        assertThat(eventsStatedBy(Set.of(article), "from", "1906", "to", "1906", "limit", "500")).isEmpty();
    }

    @Test
    void recordsThatAreNotValidMessagesAreDeadLetteredAndLaterOnesStillApplied() {
        String article = newArticleId();
        double invalidBefore = deadLetteredInvalid();
        var breaksTheContract = version(article, 1, event("1907", "year", "1907-12-31", "1907-01-01", "Ends before it starts."));
        breaksTheContract.remove("schemaVersion");
        assertThat(ContractSchema.isValid(breaksTheContract)).as("meant to break the contract").isFalse();

        // same key, hence same partition: the valid message is behind the bad ones
        RecordMetadata garbage = topic.sendRaw(article, "this is not JSON {");
        RecordMetadata invalid = topic.sendRaw(article, breaksTheContract.toString());
        RecordMetadata valid = topic.send(version(article, 2, day("1907-10-22", "The bank panic began.")));
        topic.awaitConsumed(garbage, invalid, valid);

        assertThat(texts(eventsStatedBy(Set.of(article), "from", "1907", "to", "1907", "limit", "500")))
                .containsExactly("The bank panic began.");
        assertThat(deadLetteredInvalid()).isGreaterThanOrEqualTo(invalidBefore + 2);
        assertThat(TopicReader.readAll(config.deadLetterTopic()))
                .filteredOn(record -> article.equals(TopicReader.text(record.key())))
                .extracting(record -> TopicReader.text(record.value()))
                .containsExactly("this is not JSON {", breaksTheContract.toString());
    }

    private static double deadLetteredInvalid() {
        return Metrics.sum("timeline_messages_dead_lettered_total", "reason=\"invalid\"");
    }

    @Test
    void aMessageWhoseKeyIsNotItsArticleIsSkipped() {
        String article = newArticleId();
        var message = version(article, 1, day("1908-06-30", "Something exploded over Siberia."));

        topic.awaitConsumed(topic.sendRaw("some-other-article", message.toString()));

        // the key decides the partition, so such a record could overtake the article's real versions
        assertThat(eventsStatedBy(Set.of(article), "from", "1908", "to", "1908", "limit", "500")).isEmpty();
    }
}
