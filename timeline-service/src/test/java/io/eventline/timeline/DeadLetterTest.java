package io.eventline.timeline;

import io.agroal.api.AgroalDataSource;
import io.eventline.infra.quarkus.KafkaTestResource;
import io.eventline.infra.quarkus.PostgresTestResource;
import io.eventline.timeline.TimelineStore.ArticleRow;
import io.eventline.timeline.TimelineStore.MentionRow;
import io.eventline.timeline.config.TimelineConfig;
import io.eventline.timeline.messaging.ArticleConsumer;
import io.eventline.timeline.messaging.ConsumerInstances;
import io.eventline.timeline.messaging.ConsumerInstances.Instance;
import io.quarkus.test.common.TestResourceScope;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.producer.RecordMetadata;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import static io.eventline.timeline.ArticleMessages.day;
import static io.eventline.timeline.ArticleMessages.version;
import static io.eventline.timeline.TopicReader.header;
import static io.eventline.timeline.TopicReader.text;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * Records that will never be applied go to the dead-letter topic, with why in their headers, and
 * consumption goes on; they are on that topic before any offset past them is committed.
 */
@QuarkusTest
@WithTestResource(value = KafkaTestResource.class, scope = TestResourceScope.MATCHING_RESOURCES)
@WithTestResource(value = PostgresTestResource.class, scope = TestResourceScope.MATCHING_RESOURCES)
class DeadLetterTest {

    @Inject
    ArticleConsumer application;

    @Inject
    TimelineConfig config;

    @Inject
    AgroalDataSource dataSource;

    @Test
    void aRecordTheDatabaseRefusesIsRetriedThenDeadLetteredWithoutHoldingUpTheRestOfItsBatch() {
        String run = UUID.randomUUID().toString();
        String prefix = "poison-" + run + "-";
        String deadLetterTopic = "eventline.articles.dlt.poison-" + run;
        double rejectedBefore = Metrics.sum("timeline_messages_dead_lettered_total", "reason=\"rejected\"");
        // one partition and all sent before the consumer starts: one batch, with the poison in the middle
        try (ArticleTopic topic = new ArticleTopic("eventline.articles.poison-" + run, "poison-test-" + run, 1)) {
            RecordMetadata before = topic.send(version(prefix + "a", 1, day("1953-01-01", "Before the poison.")));
            // valid by the contract, but PostgreSQL text cannot hold a NUL character
            String poison = version(prefix + "b", 1, day("1953-02-01", "Poison\u0000here.")).toString();
            RecordMetadata poisoned = topic.sendRaw(prefix + "b", poison);
            RecordMetadata after = topic.send(version(prefix + "c", 1, day("1953-03-01", "After the poison.")));

            try (Instance consumer = ConsumerInstances.start(application, "poison", topic.name(), "poison-test-" + run,
                    deadLetterTopic, Map.of())) {
                topic.awaitConsumed(before, poisoned, after);
            }

            var stored = new TimelineStore(dataSource).snapshot(prefix);
            assertThat(stored.articles()).extracting(ArticleRow::id).containsExactly(prefix + "a", prefix + "c");
            assertThat(stored.mentions()).extracting(MentionRow::text).containsExactly("Before the poison.", "After the poison.");

            List<ConsumerRecord<byte[], byte[]>> deadLetters = TopicReader.readAll(deadLetterTopic);
            assertThat(deadLetters).hasSize(1);
            ConsumerRecord<byte[], byte[]> deadLetter = deadLetters.get(0);
            assertThat(text(deadLetter.key())).isEqualTo(prefix + "b");
            assertThat(text(deadLetter.value())).isEqualTo(poison);
            assertThat(header(deadLetter, "dead-letter-reason")).isEqualTo("rejected");
            assertThat(header(deadLetter, "dead-letter-exception")).isNotBlank().hasSizeLessThanOrEqualTo(1_000);
            assertThat(header(deadLetter, "dead-letter-cause")).isNotBlank().hasSizeLessThanOrEqualTo(1_000);
            assertThat(header(deadLetter, "dead-letter-topic")).isEqualTo(topic.name());
            assertThat(header(deadLetter, "dead-letter-partition")).isEqualTo(Integer.toString(poisoned.partition()));
            assertThat(header(deadLetter, "dead-letter-offset")).isEqualTo(Long.toString(poisoned.offset()));
            assertThat(header(deadLetter, "dead-letter-attempts")).isEqualTo(Integer.toString(config.consumer().maxAttempts()));
            assertThat(Instant.parse(header(deadLetter, "dead-letter-failed-at"))).isBefore(Instant.now());
            assertThat(Metrics.sum("timeline_messages_dead_lettered_total", "reason=\"rejected\""))
                    .isGreaterThanOrEqualTo(rejectedBefore + 1);
        }
    }

    @Test
    void anInvalidRecordIsDeadLetteredAtOnceKeepingItsKeyAndValue() {
        String run = UUID.randomUUID().toString();
        String deadLetterTopic = "eventline.articles.dlt.invalid-" + run;
        try (ArticleTopic topic = new ArticleTopic("eventline.articles.invalid-" + run, "invalid-test-" + run, 1)) {
            RecordMetadata garbage = topic.sendRaw("some-key", "{\"not\": \"an article message\"");
            try (Instance consumer = ConsumerInstances.start(application, "invalid", topic.name(), "invalid-test-" + run,
                    deadLetterTopic, Map.of())) {
                topic.awaitConsumed(garbage);
            }

            List<ConsumerRecord<byte[], byte[]>> deadLetters = TopicReader.readAll(deadLetterTopic);
            assertThat(deadLetters).hasSize(1);
            ConsumerRecord<byte[], byte[]> deadLetter = deadLetters.get(0);
            assertThat(text(deadLetter.key())).isEqualTo("some-key");
            assertThat(text(deadLetter.value())).isEqualTo("{\"not\": \"an article message\"");
            assertThat(header(deadLetter, "dead-letter-reason")).isEqualTo("invalid");
            assertThat(header(deadLetter, "dead-letter-exception"))
                    .startsWith("io.eventline.timeline.messaging.InvalidMessageException: not an article message");
            assertThat(header(deadLetter, "dead-letter-attempts")).isEqualTo("1");
            assertThat(header(deadLetter, "dead-letter-offset")).isEqualTo(Long.toString(garbage.offset()));
        }
    }

    @Test
    void whileTheDeadLetterTopicCannotBeWrittenNoOffsetPastThePoisonIsCommitted() {
        String run = UUID.randomUUID().toString();
        String prefix = "no-dlt-" + run + "-";
        try (ArticleTopic topic = new ArticleTopic("eventline.articles.no-dlt-" + run, "no-dlt-test-" + run, 1)) {
            RecordMetadata garbage = topic.sendRaw(prefix + "a", "not JSON");
            RecordMetadata valid = topic.send(version(prefix + "b", 1, day("1954-01-01", "Applied, not yet committed.")));
            // not a legal topic name: every write to it fails
            try (Instance consumer = ConsumerInstances.start(application, "no-dlt", topic.name(), "no-dlt-test-" + run,
                    "not a legal topic name!", Map.of())) {
                await().atMost(Duration.ofSeconds(60))
                        .until(() -> consumer.state() == ArticleConsumer.State.WAITING_FOR_DEAD_LETTER_TOPIC);
                assertThat(topic.isConsumed(garbage)).isFalse();
                assertThat(topic.isConsumed(valid)).isFalse();
                // the valid record's effects may be in the database already: applying it again is a no-op
                assertThat(new TimelineStore(dataSource).snapshot(prefix).articles()).hasSize(1);
            }
        }
    }
}
