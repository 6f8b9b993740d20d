package io.eventline.timeline;

import com.fasterxml.jackson.databind.node.ObjectNode;
import io.eventline.infra.quarkus.KafkaTestResource;
import io.eventline.infra.quarkus.PostgresTestResource;
import io.eventline.timeline.TimelineApi.Event;
import io.quarkus.test.common.TestResourceScope;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.time.Instant;
import java.util.List;
import java.util.Set;
import java.util.UUID;

import static io.eventline.timeline.TimelineApi.eventsStatedBy;
import static io.eventline.timeline.TimelineApi.texts;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * The "done when": the two founding articles (../shared/seeds/README.md), as ingest-service
 * publishes them (fixtures in src/test/resources/seeds, see the README there), pushed twice, then one of
 * them updated, make the timeline the seeds' README specifies: every dated event once, none lost, none
 * merged with another (three different events share 2025-02-19; two share 1917).
 */
@QuarkusTest
@WithTestResource(value = KafkaTestResource.class, scope = TestResourceScope.MATCHING_RESOURCES)
@WithTestResource(value = PostgresTestResource.class, scope = TestResourceScope.MATCHING_RESOURCES)
class FoundingArticlesTimelineTest extends ArticlesTopicTest {

    private static final String FIRST = "000_907d752312129e1f";
    private static final String SECOND = "001_fd74f7ae060cd053";
    private static final String NBC_REPORT = "Six former and active US officials cited by NBC News Tuesday confirmed "
            + "that the Trump administration is considering drone strikes in Mexico, ostensibly against the drug cartels.";
    private static final String NBC_REPORT_CORRECTED = "Six former and current US officials cited by NBC News on Tuesday "
            + "confirmed that the Trump administration is weighing drone strikes in Mexico against the drug cartels.";

    /** The seeds README's dates, in timeline order (start, coarser first); 17 events. */
    private static final List<String> DATES = List.of(
            "1825", "1846", "1914-04/1914-11", "1917", "1917", "193", "198", "2001-09-11", "2020", "2025-01",
            "2025-02-03", "2025-02-19", "2025-02-19", "2025-02-19", "2025-03-07", "2025-04-08", "2025-04-08");

    @Test
    void theFoundingArticlesPushedTwiceThenOneUpdatedMakeTheSeedsTimeline() {
        String run = "seed-" + UUID.randomUUID() + "-";
        String first = run + FIRST;
        String second = run + SECOND;
        Set<String> articles = Set.of(first, second);

        // pushed, delivered twice, then pushed again (ingest makes a new version of the same content)
        for (int push = 0; push < 2; push++) {
            topic.awaitConsumed(topic.send(seed(FIRST, first, 1)), topic.send(seed(SECOND, second, 1)));
        }
        List<Event> once = timeline(articles);
        assertSeedsTimeline(once, NBC_REPORT);
        topic.awaitConsumed(topic.send(seed(FIRST, first, 2)), topic.send(seed(SECOND, second, 2)));
        List<Event> twice = timeline(articles);
        assertSeedsTimeline(twice, NBC_REPORT);
        assertThat(twice).extracting(Event::id).as("a new version of the same text keeps its events")
                .containsExactlyInAnyOrderElementsOf(once.stream().map(Event::id).toList());

        // then the second is updated: one sentence reworded
        ObjectNode updated = seed(SECOND, second, 3);
        ObjectNode nbc = (ObjectNode) updated.get("events").get(0);
        assertThat(nbc.get("text").asText()).isEqualTo(NBC_REPORT);
        nbc.put("text", NBC_REPORT_CORRECTED);
        topic.awaitConsumed(topic.send(updated));

        assertSeedsTimeline(timeline(articles), NBC_REPORT_CORRECTED);
    }

    private static List<Event> timeline(Set<String> articles) {
        return eventsStatedBy(articles, "from", "1800", "to", "2025", "limit", "500");
    }

    private static void assertSeedsTimeline(List<Event> events, String nbcReport) {
        assertThat(events).extracting(e -> e.date().value()).containsExactlyElementsOf(DATES);
        assertThat(events).extracting(Event::id).doesNotHaveDuplicates();
        assertThat(events).allSatisfy(e -> {
            assertThat(e.reportCount()).as("reported by one article: %s", e.text()).isEqualTo(1);
            assertThat(e.sources()).hasSize(1);
        });
        List<String> texts = texts(events);
        assertThat(texts.subList(11, 14)).as("three different events on Wednesday 2025-02-19").satisfiesExactlyInAnyOrder(
                t -> assertThat(t).contains("designated eight Latin American gangs"),
                t -> assertThat(t).contains("Sheinbaum").contains("nothing illegal"),
                t -> assertThat(t).contains("Joint Statement of Understanding"));
        assertThat(texts.subList(3, 5)).as("two different events in 1917").satisfiesExactlyInAnyOrder(
                t -> assertThat(t).contains("Pancho Villa"),
                t -> assertThat(t).contains("Russian Revolution"));
        assertThat(texts.subList(15, 17)).as("two different events on Tuesday 2025-04-08").satisfiesExactlyInAnyOrder(
                t -> assertThat(t).isEqualTo(nbcReport),
                t -> assertThat(t).contains("Colby Jenkins").contains("unlock the doors"));
        assertThat(texts.get(0)).contains("Monroe Doctrine");
        assertThat(texts.get(1)).contains("war on Mexico");
        assertThat(texts.get(2)).contains("Veracruz");
        assertThat(texts.get(5)).contains("Trotsky");
        assertThat(texts.get(6)).contains("counterinsurgency");
        assertThat(texts.get(7)).contains("9/11");
        assertThat(texts.get(8)).contains("bombing Mexico");
        assertThat(texts.get(9)).contains("FTO executive order in January");
        assertThat(texts.get(10)).contains("suspend 25 percent trade tariffs");
        assertThat(texts.get(14)).contains("Al Jazeera");
        assertThat(events.get(2).date()).isEqualTo(new TimelineApi.Date("1914-04/1914-11", "interval", "1914-04-01", "1914-11-30"));
        assertThat(events.get(6).date()).isEqualTo(new TimelineApi.Date("198", "decade", "1980-01-01", "1989-12-31"));
    }

    /** The founding article's message as ingest published it, under a test's own article id and a version. */
    private static ObjectNode seed(String file, String articleId, long version) {
        try (InputStream in = FoundingArticlesTimelineTest.class.getResourceAsStream("/seeds/" + file + ".json")) {
            ObjectNode message = (ObjectNode) ArticleMessages.JSON.readTree(in);
            message.put("articleId", articleId);
            message.put("version", version);
            message.put("acceptedAt", Instant.now().toString());
            ((ObjectNode) message.get("article")).put("id", articleId);
            return message;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
