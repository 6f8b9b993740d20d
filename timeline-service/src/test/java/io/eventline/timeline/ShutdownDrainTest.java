package io.eventline.timeline;

import io.agroal.api.AgroalDataSource;
import io.eventline.infra.quarkus.KafkaTestResource;
import io.eventline.infra.quarkus.PostgresTestResource;
import io.eventline.timeline.TimelineStore.ArticleRow;
import io.eventline.timeline.TimelineStore.Snapshot;
import io.eventline.timeline.config.TimelineConfig;
import io.eventline.timeline.messaging.ArticleConsumer;
import io.eventline.timeline.messaging.ConsumerInstances;
import io.eventline.timeline.messaging.ConsumerInstances.Instance;
import io.quarkus.test.common.TestResourceScope;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import org.apache.kafka.clients.producer.RecordMetadata;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;

import static io.eventline.timeline.ArticleMessages.day;
import static io.eventline.timeline.ArticleMessages.version;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * What Kubernetes relies on when it stops a pod (deploy/README.md, "Rolling a new version"): on
 * SIGTERM Quarkus fires its ShutdownEvent, and {@code ArticleConsumer} stops its loop with the same
 * {@code stop(shutdown-timeout)} this test calls. A batch in progress at that moment is applied and
 * its offsets committed before the consumer closes, so the pod that replaces it starts exactly
 * after it: nothing lost, nothing applied twice.
 */
@QuarkusTest
@WithTestResource(value = KafkaTestResource.class, scope = TestResourceScope.MATCHING_RESOURCES)
@WithTestResource(value = PostgresTestResource.class, scope = TestResourceScope.MATCHING_RESOURCES)
class ShutdownDrainTest {

    @Inject
    ArticleConsumer application;

    @Inject
    TimelineConfig config;

    @Inject
    AgroalDataSource dataSource;

    @Test
    void shouldApplyAndCommitTheBatchInProgressWhenStopped() throws Exception {
        String run = UUID.randomUUID().toString();
        String prefix = "drain-" + run + "-";
        String group = "drain-test-" + run;
        TimelineStore store = new TimelineStore(dataSource);
        // one partition, so the first poll brings every record sent before the consumer starts
        try (ArticleTopic topic = new ArticleTopic("eventline.articles.drain-" + run, group, 1)) {
            RecordMetadata first = topic.send(version(prefix + "a", 1, day("1960-01-01", "A: its event.")));
            RecordMetadata last = topic.send(version(prefix + "b", 1, day("1960-02-01", "B: its event.")));

            Instance consumer = ConsumerInstances.create(application, "draining", topic.name(), group,
                    config.deadLetterTopic(), Map.of());
            CountDownLatch inProgress = new CountDownLatch(1);
            CountDownLatch goOn = new CountDownLatch(1);
            // the batch is in the database, its offsets not committed yet: the stop comes now
            consumer.stallBeforeNextOffsetCommit(inProgress, goOn);
            consumer.start();
            assertThat(inProgress.await(60, TimeUnit.SECONDS)).as("a batch in progress").isTrue();
            assertThat(topic.isConsumed(first)).isFalse();

            long stopAsked = System.nanoTime();
            CompletableFuture<Void> stopped = CompletableFuture.runAsync(consumer::close);
            Thread.sleep(500);
            assertThat(stopped).as("the stop waits for the batch in progress").isNotDone();

            goOn.countDown();
            stopped.get(config.consumer().shutdownTimeout().toSeconds() + 10, TimeUnit.SECONDS);
            Duration took = Duration.ofNanos(System.nanoTime() - stopAsked);

            assertThat(consumer.state()).isEqualTo(ArticleConsumer.State.STOPPED);
            assertThat(took).as("within the shutdown timeout").isLessThan(config.consumer().shutdownTimeout());
            assertThat(topic.isConsumed(first)).as("offsets committed before closing").isTrue();
            assertThat(topic.isConsumed(last)).isTrue();
            Snapshot applied = store.snapshot(prefix);
            assertThat(applied.articles()).extracting(ArticleRow::id).containsExactly(prefix + "a", prefix + "b");

            // the next pod of the group starts after the batch: it applies nothing again
            RecordMetadata next = topic.send(version(prefix + "c", 1, day("1960-03-01", "C: its event.")));
            try (Instance successor = ConsumerInstances.start(application, "successor", topic.name(), group,
                    config.deadLetterTopic(), Map.of())) {
                topic.awaitConsumed(next);
            }
            Snapshot after = store.snapshot(prefix);
            assertThat(after.articles()).extracting(ArticleRow::id).containsExactly(prefix + "a", prefix + "b", prefix + "c");
            assertThat(after.articles()).containsAll(applied.articles());
        }
    }
}
