package io.eventline.timeline;

import com.fasterxml.jackson.databind.node.ObjectNode;
import io.eventline.infra.quarkus.KafkaTestResource;
import io.eventline.infra.quarkus.PostgresTestResource;
import io.eventline.timeline.config.TimelineConfig;
import io.eventline.timeline.messaging.ArticleConsumer;
import io.eventline.timeline.messaging.ConsumerInstances;
import io.eventline.timeline.messaging.ConsumerInstances.Instance;
import io.quarkus.test.common.TestResourceScope;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.producer.RecordMetadata;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.CountDownLatch;

import static io.eventline.timeline.ArticleMessages.day;
import static io.eventline.timeline.TimelineApi.eventsStatedBy;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * Two instances in one consumer group, the second joining in the middle of a load (a rebalance while
 * the first holds a batch applied to the database but not yet committed), make exactly the timeline one instance makes of the same messages:
 * the one the newest version of each article defines.
 */
@QuarkusTest
@WithTestResource(value = KafkaTestResource.class, scope = TestResourceScope.MATCHING_RESOURCES)
@WithTestResource(value = PostgresTestResource.class, scope = TestResourceScope.MATCHING_RESOURCES)
class TwoInstancesTest {

    private static final int ARTICLES = 100;
    private static final int PARTITIONS = 6;
    /** Small batches, so the load takes many polls and the rebalance lands in the middle of it. */
    private static final Map<String, Object> SMALL_BATCHES = Map.of(ConsumerConfig.MAX_POLL_RECORDS_CONFIG, 10);

    @Inject
    ArticleConsumer application;

    @Inject
    TimelineConfig config;

    /** One message of the load, for article number {@code slot}. */
    record Message(int slot, long version, boolean retraction, List<String> days) {

        ObjectNode toJson(String prefix) {
            String article = prefix + slot;
            if (retraction) {
                return ArticleMessages.retraction(article, version);
            }
            ObjectNode[] events = new ObjectNode[days.size()];
            for (int i = 0; i < events.length; i++) {
                events[i] = day(days.get(i), text(runOf(prefix), slot, version, i));
            }
            return ArticleMessages.version(article, version, events);
        }
    }

    @Test
    void twoInstancesWithARebalanceMidLoadMakeTheTimelineOneInstanceMakes() {
        List<Message> load = load(new Random(20_250_301));
        assertThat(load.size()).isGreaterThanOrEqualTo(250);
        String run = UUID.randomUUID().toString();

        // one instance
        String single = "single-" + run + "-";
        try (ArticleTopic topic = new ArticleTopic("eventline.articles.single-" + run, "single-" + run, PARTITIONS);
             Instance only = ConsumerInstances.start(application, "only", topic.name(), "single-" + run,
                     config.deadLetterTopic(), SMALL_BATCHES)) {
            topic.awaitConsumed(Duration.ofSeconds(120), sendAll(topic, load, single));
        }

        // two instances, the second joining while the first holds a batch applied but not yet committed
        String pair = "pair-" + run + "-";
        Set<String> firstCommitted;
        Set<String> secondCommitted;
        CountDownLatch firstBatchApplied = new CountDownLatch(1);
        CountDownLatch letFirstCommit = new CountDownLatch(1);
        try (ArticleTopic topic = new ArticleTopic("eventline.articles.pair-" + run, "pair-" + run, PARTITIONS);
             Instance first = ConsumerInstances.create(application, "first", topic.name(), "pair-" + run,
                     config.deadLetterTopic(), SMALL_BATCHES)) {
            first.stallBeforeNextOffsetCommit(firstBatchApplied, letFirstCommit);
            first.start();
            List<Message> firstHalf = load.subList(0, load.size() / 2);
            List<Message> secondHalf = load.subList(load.size() / 2, load.size());
            List<RecordMetadata> sent = new ArrayList<>(List.of(sendAll(topic, firstHalf, pair)));
            await().atMost(Duration.ofSeconds(60)).until(() -> firstBatchApplied.getCount() == 0);
            try (Instance second = ConsumerInstances.start(application, "second", topic.name(), "pair-" + run,
                    config.deadLetterTopic(), SMALL_BATCHES)) {
                // the second asks to join; the group rebalances once the first, done with its batch, polls again
                await().pollDelay(Duration.ofSeconds(1)).until(() -> true);
                letFirstCommit.countDown();
                await().atMost(Duration.ofSeconds(60)).until(() -> !second.assignment().isEmpty());
                sent.addAll(List.of(sendAll(topic, secondHalf, pair)));
                topic.awaitConsumed(Duration.ofSeconds(120), sent.toArray(RecordMetadata[]::new));
                firstCommitted = names(first.committedPartitions());
                secondCommitted = names(second.committedPartitions());
            }
        } finally {
            letFirstCommit.countDown();
        }
        assertThat(firstCommitted).as("the first instance applied records").isNotEmpty();
        assertThat(secondCommitted).as("the second instance applied records").isNotEmpty();

        List<String> expected = expectedTimeline(load);
        assertThat(timeline(single)).isEqualTo(expected);
        assertThat(timeline(pair)).isEqualTo(expected);
    }

    /**
     * Versions 1..n of each article, sometimes ending in a retraction, with duplicates and older
     * versions arriving after newer ones, all articles interleaved.
     */
    private static List<Message> load(Random random) {
        List<List<Message>> perArticle = new ArrayList<>();
        for (int slot = 0; slot < ARTICLES; slot++) {
            List<Message> messages = new ArrayList<>();
            int versions = 1 + random.nextInt(4);
            for (int v = 1; v <= versions; v++) {
                boolean retraction = v == versions && versions > 1 && random.nextInt(5) == 0;
                List<String> days = new ArrayList<>();
                int events = retraction ? 0 : 1 + random.nextInt(3);
                for (int e = 0; e < events; e++) {
                    days.add(String.format("19%d-%02d-%02d", 60 + random.nextInt(10), 1 + random.nextInt(12), 1 + random.nextInt(28)));
                }
                messages.add(new Message(slot, v, retraction, days));
            }
            if (messages.size() > 1 && random.nextBoolean()) {
                Collections.swap(messages, messages.size() - 1, messages.size() - 2);   // an older version comes late
            }
            if (random.nextInt(3) == 0) {
                messages.add(messages.get(random.nextInt(messages.size())));   // a duplicate
            }
            perArticle.add(messages);
        }
        // interleave the articles, each one's messages keeping their order (as on its partition)
        List<Message> load = new ArrayList<>();
        int[] next = new int[ARTICLES];
        List<Integer> remaining = new ArrayList<>();
        perArticle.forEach(messages -> messages.forEach(m -> remaining.add(m.slot())));
        Collections.shuffle(remaining, random);
        for (int slot : remaining) {
            load.add(perArticle.get(slot).get(next[slot]++));
        }
        return load;
    }

    /**
     * One word of its own per event and run: the load's events are unrelated happenings (some share a
     * day), and so are the two runs' (same days, same database), which the deduplication must not merge.
     */
    private static String text(String run, int slot, long version, int event) {
        return run + slot + "v" + version + "ev" + event + ".";
    }

    /** "single" or "pair", from a run's article id prefix. */
    private static String runOf(String prefix) {
        return prefix.substring(0, prefix.indexOf('-'));
    }

    private static RecordMetadata[] sendAll(ArticleTopic topic, List<Message> messages, String prefix) {
        return messages.stream().map(m -> topic.send(m.toJson(prefix))).toArray(RecordMetadata[]::new);
    }

    /** What the newest version of each article puts on the timeline, as {@link #timeline} writes it. */
    private static List<String> expectedTimeline(List<Message> load) {
        Map<Integer, Message> newest = new HashMap<>();
        for (Message message : load) {
            newest.merge(message.slot(), message, (a, b) -> a.version() >= b.version() ? a : b);
        }
        List<String> lines = new ArrayList<>();
        for (Message message : newest.values()) {
            for (int i = 0; i < message.days().size(); i++) {
                String day = message.days().get(i);
                lines.add(day + " " + day + " " + text("run", message.slot(), message.version(), i)
                        + " [" + message.slot() + " v" + message.version() + "]");
            }
        }
        Collections.sort(lines);
        return lines;
    }

    /**
     * The timeline of one run's articles as served, with the run's article-id prefix taken out; sorted,
     * since events on the same day are ordered by their ids, which differ from run to run.
     */
    private static List<String> timeline(String prefix) {
        Set<String> articles = new HashSet<>();
        for (int slot = 0; slot < ARTICLES; slot++) {
            articles.add(prefix + slot);
        }
        List<String> lines = new ArrayList<>();
        for (TimelineApi.Event event : eventsStatedBy(articles, "from", "1960", "to", "1969", "limit", "500")) {
            assertThat(event.sources()).hasSize(1);
            TimelineApi.Source source = event.sources().get(0);
            String slot = source.articleId().substring(prefix.length());
            String version = source.title().substring(source.title().lastIndexOf(" v") + 1);
            String text = "run" + event.text().substring(runOf(prefix).length());
            lines.add(event.date().start() + " " + event.date().end() + " " + text + " [" + slot + " " + version + "]");
        }
        Collections.sort(lines);
        return lines;
    }

    private static Set<String> names(Set<org.apache.kafka.common.TopicPartition> partitions) {
        Set<String> names = new HashSet<>();
        partitions.forEach(p -> names.add(p.toString()));
        return names;
    }
}
