package io.eventline.timeline;

import io.agroal.api.AgroalDataSource;
import io.eventline.infra.quarkus.KafkaTestResource;
import io.eventline.infra.quarkus.PostgresTestResource;
import io.eventline.timeline.TimelineStore.ArticleRow;
import io.eventline.timeline.TimelineStore.MentionRow;
import io.eventline.timeline.TimelineStore.Snapshot;
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
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;

import static io.eventline.timeline.ArticleMessages.day;
import static io.eventline.timeline.ArticleMessages.retraction;
import static io.eventline.timeline.ArticleMessages.titleOf;
import static io.eventline.timeline.ArticleMessages.version;
import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * Every version is applied once, whatever happens between the database commit and the offset
 * commit: a crash, a redelivery of the whole topic, a consumer stalled until its partitions go to
 * another instance. Each test runs extra instances of the production consumer loop on a topic and
 * group of its own, against the real broker and database, and compares the stored rows (their ids
 * and {@code applied_at} included: applying a version again would change them).
 */
@QuarkusTest
@WithTestResource(value = KafkaTestResource.class, scope = TestResourceScope.MATCHING_RESOURCES)
@WithTestResource(value = PostgresTestResource.class, scope = TestResourceScope.MATCHING_RESOURCES)
class ExactlyOnceEffectsTest {

    @Inject
    ArticleConsumer application;

    @Inject
    TimelineConfig config;

    @Inject
    AgroalDataSource dataSource;

    @Test
    void aConsumerKilledAfterTheDatabaseCommitAndBeforeTheOffsetCommitAppliesNothingTwiceAndLosesNothing() {
        String run = UUID.randomUUID().toString();
        String prefix = "crash-" + run + "-";
        String group = "crash-test-" + run;
        TimelineStore store = new TimelineStore(dataSource);
        // one partition, so the first poll brings every record sent before the consumer starts
        try (ArticleTopic topic = new ArticleTopic("eventline.articles.crash-" + run, group, 1)) {
            RecordMetadata first = topic.send(version(prefix + "a", 1,
                    day("1950-01-01", "A: the first event."), day("1950-01-02", "A: the second event.")));
            RecordMetadata second = topic.send(version(prefix + "b", 1, day("1950-02-01", "B: its event.")));
            RecordMetadata third = topic.send(retraction(prefix + "c", 1));

            Instance crashing = ConsumerInstances.create(application, "crashing", topic.name(), group,
                    config.deadLetterTopic(), Map.of());
            crashing.crashBeforeNextOffsetCommit();
            crashing.start();
            await().atMost(Duration.ofSeconds(60)).until(() -> crashing.state() == ArticleConsumer.State.FAILED);
            crashing.close();

            Snapshot afterCrash = store.snapshot(prefix);
            assertThat(afterCrash.articles()).as("the batch was applied to the database").isNotEmpty();
            assertThat(topic.isConsumed(first)).as("but its offsets were never committed").isFalse();
            double staleBefore = Metrics.sum("timeline_messages_skipped_total", "reason=\"stale\"");

            try (Instance restarted = ConsumerInstances.start(application, "restarted", topic.name(), group,
                    config.deadLetterTopic(), Map.of())) {
                topic.awaitConsumed(first, second, third);
                Snapshot afterRestart = store.snapshot(prefix);

                // nothing lost
                assertThat(afterRestart.articles()).extracting(ArticleRow::id, ArticleRow::version, ArticleRow::retracted)
                        .containsExactly(
                                org.assertj.core.groups.Tuple.tuple(prefix + "a", 1L, false),
                                org.assertj.core.groups.Tuple.tuple(prefix + "b", 1L, false),
                                org.assertj.core.groups.Tuple.tuple(prefix + "c", 1L, true));
                assertThat(afterRestart.mentions()).extracting(MentionRow::text)
                        .containsExactly("A: the first event.", "A: the second event.", "B: its event.");
                // nothing applied twice: what the crashed batch stored is there row for row, same ids, same applied_at
                for (ArticleRow row : afterCrash.articles()) {
                    assertThat(afterRestart.articles()).contains(row);
                }
                assertThat(afterRestart.mentions()).containsAll(afterCrash.mentions());
                assertThat(Metrics.sum("timeline_messages_skipped_total", "reason=\"stale\""))
                        .as("the redelivered versions were recognised as held already")
                        .isGreaterThanOrEqualTo(staleBefore + afterCrash.articles().size());

                // and the consumer goes on
                topic.awaitConsumed(topic.send(version(prefix + "a", 2, day("1950-03-01", "A: revised."))));
                Snapshot afterUpdate = store.snapshot(prefix);
                assertThat(afterUpdate.mentions()).extracting(MentionRow::text)
                        .containsExactly("A: revised.", "B: its event.");
                assertThat(afterUpdate.articles().get(0).title()).isEqualTo(titleOf(prefix + "a", 2));
            }
        }
    }

    @Test
    void oldAndRepeatedVersionsAndAReplayOfTheWholeTopicChangeNothing() {
        String run = UUID.randomUUID().toString();
        String prefix = "replay-" + run + "-";
        String group = "replay-test-" + run;
        TimelineStore store = new TimelineStore(dataSource);
        try (ArticleTopic topic = new ArticleTopic("eventline.articles.replay-" + run, group, 2)) {
            var newest = version(prefix + "a", 3, day("1951-03-01", "A v3: one."), day("1951-03-02", "A v3: two."));
            var repeated = version(prefix + "c", 1, day("1951-05-01", "C v1."));
            List<RecordMetadata> sent = List.of(
                    topic.send(newest),
                    topic.send(version(prefix + "a", 1, day("1951-01-01", "A v1."))),
                    topic.send(newest),
                    topic.send(version(prefix + "a", 2, day("1951-02-01", "A v2."))),
                    topic.send(retraction(prefix + "b", 2)),
                    topic.send(version(prefix + "b", 1, day("1951-04-01", "B v1, retracted before it came."))),
                    topic.send(repeated),
                    topic.send(repeated));
            double staleBefore = Metrics.sum("timeline_messages_skipped_total", "reason=\"stale\"");

            Snapshot applied;
            try (Instance consumer = ConsumerInstances.start(application, "replay-1", topic.name(), group,
                    config.deadLetterTopic(), Map.of())) {
                topic.awaitConsumed(sent.toArray(RecordMetadata[]::new));
                applied = store.snapshot(prefix);
            }
            assertThat(applied.articles()).extracting(ArticleRow::version).containsExactly(3L, 2L, 1L);
            assertThat(applied.mentions()).extracting(MentionRow::text).containsExactly("A v3: one.", "A v3: two.", "C v1.");
            assertThat(Metrics.sum("timeline_messages_skipped_total", "reason=\"stale\"")).isGreaterThanOrEqualTo(staleBefore + 5);

            // everything delivered once more, from the first offset
            topic.rewindGroup();
            try (Instance consumer = ConsumerInstances.start(application, "replay-2", topic.name(), group,
                    config.deadLetterTopic(), Map.of())) {
                topic.awaitConsumed(sent.toArray(RecordMetadata[]::new));
                assertThat(store.snapshot(prefix)).isEqualTo(applied);
            }
        }
    }

    @Test
    void aConsumerStalledBeforeItsOffsetCommitUntilItsPartitionsMoveAppliesNothingTwice() throws Exception {
        String run = UUID.randomUUID().toString();
        String prefix = "stall-" + run + "-";
        String group = "stall-test-" + run;
        TimelineStore store = new TimelineStore(dataSource);
        try (ArticleTopic topic = new ArticleTopic("eventline.articles.stall-" + run, group, 2)) {
            RecordMetadata a = topic.send(version(prefix + "a", 1, day("1952-01-01", "A v1.")));
            RecordMetadata b = topic.send(version(prefix + "b", 1, day("1952-02-01", "B v1.")));
            CountDownLatch stalled = new CountDownLatch(1);
            CountDownLatch release = new CountDownLatch(1);
            // past this without polling, the group takes its partitions away and gives them to the other instance
            Map<String, Object> shortPollInterval = Map.of(ConsumerConfig.MAX_POLL_INTERVAL_MS_CONFIG, 3_000);
            try (Instance slow = ConsumerInstances.create(application, "stalled", topic.name(), group,
                    config.deadLetterTopic(), shortPollInterval)) {
                slow.stallBeforeNextOffsetCommit(stalled, release);
                slow.start();
                assertThat(stalled.await(60, TimeUnit.SECONDS)).isTrue();
                Snapshot appliedByTheStalled = store.snapshot(prefix);
                assertThat(appliedByTheStalled.articles()).isNotEmpty();

                try (Instance other = ConsumerInstances.start(application, "other", topic.name(), group,
                        config.deadLetterTopic(), Map.of())) {
                    // the other instance gets the uncommitted records again, finds them applied and commits
                    topic.awaitConsumed(a, b);
                    assertThat(other.committedPartitions()).isNotEmpty();
                    release.countDown();
                    // the stalled one wakes up: its commit is refused (it left the group) and it rejoins
                    await().atMost(Duration.ofSeconds(60)).until(() -> !slow.assignment().isEmpty()
                            && slow.state() == ArticleConsumer.State.RUNNING);

                    RecordMetadata a2 = topic.send(version(prefix + "a", 2, day("1952-03-01", "A v2.")));
                    RecordMetadata b2 = topic.send(version(prefix + "b", 2, day("1952-04-01", "B v2.")));
                    topic.awaitConsumed(a2, b2);
                }
            } finally {
                release.countDown();
            }
            Snapshot end = store.snapshot(prefix);
            assertThat(end.articles()).extracting(ArticleRow::version).containsExactly(2L, 2L);
            assertThat(end.mentions()).extracting(MentionRow::text).containsExactly("A v2.", "B v2.");
        }
    }
}
