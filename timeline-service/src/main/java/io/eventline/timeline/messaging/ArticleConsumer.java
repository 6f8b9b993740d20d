package io.eventline.timeline.messaging;

import io.eventline.timeline.config.TimelineConfig;
import io.eventline.timeline.repository.DatabaseProbe;
import io.eventline.timeline.service.ArticleService;
import io.quarkus.logging.Log;
import io.quarkus.runtime.ShutdownEvent;
import io.quarkus.runtime.StartupEvent;
import io.smallrye.common.annotation.Identifier;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRebalanceListener;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.ConsumerRecords;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.consumer.OffsetAndMetadata;
import org.apache.kafka.common.KafkaException;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.common.serialization.StringDeserializer;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.OptionalLong;
import java.util.Set;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;

/**
 * Feeds the timeline from the articles topic, on a thread of its own.
 *
 * <p>Each polled batch is applied in one database transaction and only then are its offsets
 * committed, so a crash at any point leads to redelivery, never to loss; redelivery is harmless
 * because applying a message is idempotent (see {@link ArticleService}). A record that is not a
 * valid message is logged and skipped. While the database is down nothing is committed: the
 * consumer seeks back to the batch it could not apply and retries with a growing pause.
 */
@ApplicationScoped
public class ArticleConsumer {

    /** What the consumer is doing, for the health check. */
    public enum State {
        NOT_STARTED, STARTING, RUNNING, WAITING_FOR_DATABASE, STOPPED, FAILED
    }

    private final TimelineConfig config;
    private final Map<String, Object> kafkaConfig;
    private final ArticleMessageReader reader;
    private final ArticleService articles;
    private final DatabaseProbe database;
    private final ConsumerMetrics metrics;

    private final CountDownLatch stopRequested = new CountDownLatch(1);
    private volatile State state = State.NOT_STARTED;
    private volatile Instant lastPoll;
    private volatile Set<TopicPartition> assignment = Set.of();
    private Thread thread;

    ArticleConsumer(TimelineConfig config,
                    @Identifier("default-kafka-broker") Map<String, Object> kafkaConfig,
                    ArticleMessageReader reader,
                    ArticleService articles,
                    DatabaseProbe database,
                    ConsumerMetrics metrics) {
        this.config = config;
        this.kafkaConfig = kafkaConfig;
        this.reader = reader;
        this.articles = articles;
        this.database = database;
        this.metrics = metrics;
    }

    void onStart(@Observes StartupEvent event) {
        if (!config.consumer().enabled()) {
            Log.info("Article consumer disabled (eventline.timeline.consumer.enabled=false)");
            return;
        }
        state = State.STARTING;
        thread = new Thread(this::run, "timeline-article-consumer");
        // shutdown joins it (see onStop); a thread stuck past that must not keep the JVM alive
        thread.setDaemon(true);
        thread.start();
    }

    /** Stops polling, lets the batch in progress be applied and committed, then closes the consumer. */
    void onStop(@Observes ShutdownEvent event) {
        stopRequested.countDown();
        if (thread == null) {
            return;
        }
        try {
            thread.join(config.consumer().shutdownTimeout().toMillis());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        if (thread.isAlive()) {
            Log.warnf("Article consumer still busy after %s; shutting down without it", config.consumer().shutdownTimeout());
        }
    }

    public State state() {
        return state;
    }

    public Instant lastPoll() {
        return lastPoll;
    }

    public Set<TopicPartition> assignment() {
        return assignment;
    }

    /** Whether the consumer thread is alive or was meant to end (disabled or shut down). */
    public boolean healthy() {
        return switch (state) {
            case NOT_STARTED, STOPPED -> true;
            case FAILED -> false;
            default -> thread != null && thread.isAlive();
        };
    }

    private boolean stopping() {
        return stopRequested.getCount() == 0;
    }

    private void run() {
        Backoff backoff = backoff();
        try {
            while (!stopping()) {
                try (KafkaConsumer<String, byte[]> consumer = createConsumer()) {
                    consumer.subscribe(List.of(config.articlesTopic()), new AssignmentLogger());
                    Log.infof("Article consumer started: topic %s, group %s", config.articlesTopic(), config.consumerGroup());
                    state = State.RUNNING;
                    consume(consumer);
                    Log.info("Article consumer stopping: closing");
                } catch (KafkaException e) {
                    // e.g. bootstrap servers that do not resolve yet: try again rather than give up
                    Log.errorf("Article consumer could not run (%s); retrying", e.toString());
                    pause(backoff.next());
                }
            }
            state = State.STOPPED;
        } catch (RuntimeException | Error e) {
            state = State.FAILED;
            Log.error("Article consumer died; the liveness check now reports DOWN", e);
        }
    }

    private Backoff backoff() {
        return new Backoff(config.consumer().backoffInitial(), config.consumer().backoffMax());
    }

    private void consume(KafkaConsumer<String, byte[]> consumer) {
        Backoff pollBackoff = backoff();
        Backoff databaseBackoff = backoff();
        while (!stopping()) {
            ConsumerRecords<String, byte[]> records;
            try {
                records = consumer.poll(config.consumer().pollTimeout());
                lastPoll = Instant.now();
                pollBackoff.reset();
            } catch (KafkaException e) {
                // the client reconnects by itself; an error surfacing here is worth a pause
                Log.warnf("Polling %s failed: %s", config.articlesTopic(), e.toString());
                pause(pollBackoff.next());
                continue;
            }
            assignment = Set.copyOf(consumer.assignment());
            updateLag(consumer);
            if (records.isEmpty()) {
                continue;
            }
            Tally tally = new Tally();
            try {
                apply(records, tally);
            } catch (DatabaseUnavailableException e) {
                metrics.batch(false);
                rewind(consumer, records);
                Duration wait = databaseBackoff.next();
                state = State.WAITING_FOR_DATABASE;
                Log.warnf("Database unavailable (%s); retrying %d records in %s", rootMessage(e), records.count(), wait);
                pause(wait);
                continue;
            }
            commit(consumer, records);
            // counted once committed, so a batch retried during an outage is not counted twice
            tally.record(metrics);
            metrics.batch(true);
            databaseBackoff.reset();
            state = State.RUNNING;
        }
    }

    private KafkaConsumer<String, byte[]> createConsumer() {
        Map<String, Object> properties = new HashMap<>(kafkaConfig);
        properties.put(ConsumerConfig.GROUP_ID_CONFIG, config.consumerGroup());
        properties.put(ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, false);
        properties.put(ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, "earliest");
        properties.put(ConsumerConfig.MAX_POLL_RECORDS_CONFIG, config.consumer().maxPollRecords());
        properties.putIfAbsent(ConsumerConfig.CLIENT_ID_CONFIG, "timeline-service-articles");
        // creating topics is ingest's (or the operator's) business; until the topic exists the consumer waits
        properties.put(ConsumerConfig.ALLOW_AUTO_CREATE_TOPICS_CONFIG, false);
        return new KafkaConsumer<>(properties, new StringDeserializer(), new ByteArrayDeserializer());
    }

    /**
     * Applies the batch in one transaction. If that fails while the database still answers, one
     * record is to blame: the records are then applied one per transaction and the ones the
     * database refuses are skipped, so one bad record cannot hold up the topic.
     *
     * @throws DatabaseUnavailableException when the database does not answer: nothing may be committed
     */
    private void apply(ConsumerRecords<String, byte[]> records, Tally tally) throws DatabaseUnavailableException {
        List<ParsedRecord> batch = new ArrayList<>(records.count());
        for (ConsumerRecord<String, byte[]> record : records) {
            try {
                batch.add(new ParsedRecord(record, reader.read(record.key(), record.value())));
            } catch (InvalidMessageException e) {
                tally.skipped(ConsumerMetrics.SkipReason.INVALID);
                Log.errorf("Skipping invalid record %s-%d@%d (key %s): %s",
                        record.topic(), record.partition(), record.offset(), record.key(), e.getMessage());
            }
        }
        if (batch.isEmpty()) {
            return;
        }
        List<ArticleService.Outcome> outcomes;
        try {
            outcomes = articles.applyAll(batch.stream().map(ParsedRecord::message).toList());
        } catch (RuntimeException e) {
            if (!database.reachable()) {
                throw new DatabaseUnavailableException(e);
            }
            Log.warnf("A batch of %d records failed (%s); applying them one by one", batch.size(), rootMessage(e));
            applyOneByOne(batch, tally);
            return;
        }
        for (int i = 0; i < batch.size(); i++) {
            count(batch.get(i).message(), outcomes.get(i), tally);
        }
    }

    private void applyOneByOne(List<ParsedRecord> batch, Tally tally) throws DatabaseUnavailableException {
        for (ParsedRecord parsed : batch) {
            try {
                count(parsed.message(), articles.apply(parsed.message()), tally);
            } catch (RuntimeException e) {
                if (!database.reachable()) {
                    throw new DatabaseUnavailableException(e);
                }
                ConsumerRecord<String, byte[]> record = parsed.record();
                tally.skipped(ConsumerMetrics.SkipReason.REJECTED);
                Log.errorf(e, "Skipping record %s-%d@%d (article %s version %d): the database rejected it",
                        record.topic(), record.partition(), record.offset(),
                        parsed.message().articleId(), parsed.message().version());
            }
        }
    }

    private static void count(ArticleMessage message, ArticleService.Outcome outcome, Tally tally) {
        if (outcome == ArticleService.Outcome.APPLIED) {
            tally.applied(message.kind());
            Log.debugf("Applied %s of article %s version %d", message.kind(), message.articleId(), message.version());
        } else {
            tally.skipped(ConsumerMetrics.SkipReason.STALE);
            Log.debugf("Ignored %s of article %s version %d: not newer than the one held",
                    message.kind(), message.articleId(), message.version());
        }
    }

    private void commit(KafkaConsumer<String, byte[]> consumer, ConsumerRecords<String, byte[]> records) {
        Map<TopicPartition, OffsetAndMetadata> offsets = new HashMap<>();
        for (TopicPartition partition : records.partitions()) {
            List<ConsumerRecord<String, byte[]>> partitionRecords = records.records(partition);
            offsets.put(partition, new OffsetAndMetadata(partitionRecords.get(partitionRecords.size() - 1).offset() + 1));
        }
        try {
            consumer.commitSync(offsets);
        } catch (KafkaException e) {
            // e.g. the partitions moved to another instance meanwhile: it gets the records again,
            // and applying them twice changes nothing
            Log.warnf("Committing offsets %s failed: %s; the records will be delivered again", offsets, e.toString());
        }
    }

    /**
     * Moves back to the first record of the batch on each partition, i.e. to the last committed
     * position (every batch before it was committed), so the next poll returns the same records.
     */
    private void rewind(KafkaConsumer<String, byte[]> consumer, ConsumerRecords<String, byte[]> records) {
        Set<TopicPartition> assigned = consumer.assignment();
        for (TopicPartition partition : records.partitions()) {
            if (assigned.contains(partition)) {
                consumer.seek(partition, records.records(partition).get(0).offset());
            }
        }
    }

    private void updateLag(KafkaConsumer<String, byte[]> consumer) {
        long total = 0;
        for (TopicPartition partition : consumer.assignment()) {
            OptionalLong lag = consumer.currentLag(partition);
            total += lag.orElse(0);
        }
        metrics.lag(total);
    }

    private void pause(Duration duration) {
        try {
            // wakes up at once on shutdown
            stopRequested.await(duration.toMillis(), TimeUnit.MILLISECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            stopRequested.countDown();
        }
    }

    private static String rootMessage(Throwable e) {
        Throwable root = e;
        while (root.getCause() != null && root.getCause() != root) {
            root = root.getCause();
        }
        return root.toString();
    }

    /** What a batch did, recorded in the metrics once the batch is committed. */
    private static final class Tally {
        private final List<ArticleMessage.Kind> applied = new ArrayList<>();
        private final List<ConsumerMetrics.SkipReason> skipped = new ArrayList<>();

        void applied(ArticleMessage.Kind kind) {
            applied.add(kind);
        }

        void skipped(ConsumerMetrics.SkipReason reason) {
            skipped.add(reason);
        }

        void record(ConsumerMetrics metrics) {
            applied.forEach(metrics::applied);
            skipped.forEach(metrics::skipped);
        }
    }

    private record ParsedRecord(ConsumerRecord<String, byte[]> record, ArticleMessage message) {
    }

    private static final class DatabaseUnavailableException extends Exception {
        DatabaseUnavailableException(Throwable cause) {
            super(cause);
        }
    }

    private static final class AssignmentLogger implements ConsumerRebalanceListener {
        @Override
        public void onPartitionsAssigned(Collection<TopicPartition> partitions) {
            Log.infof("Article consumer assigned %s", partitions);
        }

        @Override
        public void onPartitionsRevoked(Collection<TopicPartition> partitions) {
            // nothing to commit here: every applied batch is committed before the next poll
            Log.infof("Article consumer revoked %s", partitions);
        }
    }
}
