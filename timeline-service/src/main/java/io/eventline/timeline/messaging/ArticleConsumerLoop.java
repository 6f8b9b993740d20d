package io.eventline.timeline.messaging;

import io.eventline.timeline.config.TimelineConfig;
import io.eventline.timeline.repository.DatabaseProbe;
import io.eventline.timeline.service.ArticleService;
import io.quarkus.logging.Log;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRebalanceListener;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.ConsumerRecords;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.consumer.OffsetAndMetadata;
import org.apache.kafka.common.KafkaException;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;

import java.time.Duration;
import java.time.Instant;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.OptionalLong;
import java.util.Set;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;

/**
 * One Kafka consumer of the articles topic on a thread of its own: poll, apply, dead-letter, commit.
 *
 * <p>The order of effects is what makes every version applied once. For each batch: (1) the database
 * transaction commits the batch's effects; (2) the dead letters are written and acknowledged; (3) the
 * offsets are committed. A crash before (1) loses nothing (the batch comes again); a crash between
 * (1) and (3) brings the batch again, and applying it again changes nothing because a version is
 * applied only if it is newer than the one the article holds, in the transaction that applies it.
 * A database outage or an unwritable dead-letter topic commits nothing and seeks back to the batch.
 */
final class ArticleConsumerLoop {

    /** Runs between the database commit and the offset commit; tests use it to crash or stall there. */
    interface BeforeOffsetCommit {
        void run(Map<TopicPartition, OffsetAndMetadata> offsets);
    }

    private final String name;
    private final String topic;
    private final String group;
    private final String deadLetterTopic;
    private final TimelineConfig.Consumer settings;
    private final Map<String, Object> kafkaConfig;
    private final Map<String, Object> kafkaOverrides;
    private final BatchApplier applier;
    private final DeadLetterPublisher deadLetters;
    private final ConsumerMetrics metrics;
    private final RecordTracing tracing;

    private final CountDownLatch stopRequested = new CountDownLatch(1);
    /** Applied (and dead-lettered) but not yet committed, e.g. because a rebalance refused the commit. */
    private final Map<TopicPartition, OffsetAndMetadata> uncommitted = new HashMap<>();
    private volatile ArticleConsumer.State state = ArticleConsumer.State.NOT_STARTED;
    private volatile Instant lastPoll;
    private volatile Set<TopicPartition> assignment = Set.of();
    private volatile BeforeOffsetCommit beforeOffsetCommit = offsets -> { };
    private Thread thread;

    ArticleConsumerLoop(String name, String topic, String group, String deadLetterTopic,
                        TimelineConfig.Consumer settings, Map<String, Object> kafkaConfig,
                        Map<String, Object> kafkaOverrides,
                        ArticleMessageReader reader, ArticleService articles,
                        DatabaseProbe database,
                        DeadLetterPublisher deadLetters, ConsumerMetrics metrics, RecordTracing tracing) {
        this.name = name;
        this.topic = topic;
        this.group = group;
        this.deadLetterTopic = deadLetterTopic;
        this.settings = settings;
        this.kafkaConfig = kafkaConfig;
        this.kafkaOverrides = kafkaOverrides;
        this.applier = new BatchApplier(reader, articles, database,
                settings.maxAttempts(), settings.retryBackoff(), settings.backoffMax(), settings.transactionBudget(),
                this::pause);
        this.deadLetters = deadLetters;
        this.metrics = metrics;
        this.tracing = tracing;
    }

    synchronized void start() {
        state = ArticleConsumer.State.STARTING;
        thread = new Thread(this::run, name);
        // shutdown joins it (see stop); a thread stuck past that must not keep the JVM alive
        thread.setDaemon(true);
        thread.start();
    }

    /** Stops polling, lets the batch in progress be applied and committed, then closes the consumer. */
    void stop(Duration timeout) {
        stopRequested.countDown();
        Thread running;
        synchronized (this) {
            running = thread;
        }
        if (running == null) {
            return;
        }
        try {
            running.join(timeout.toMillis());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        if (running.isAlive()) {
            Log.warnf("Article consumer %s still busy after %s; shutting down without it", name, timeout);
        }
    }

    void beforeOffsetCommit(BeforeOffsetCommit hook) {
        beforeOffsetCommit = hook;
    }

    ArticleConsumer.State state() {
        return state;
    }

    Instant lastPoll() {
        return lastPoll;
    }

    Set<TopicPartition> assignment() {
        return assignment;
    }

    boolean threadAlive() {
        Thread running = thread;
        return running != null && running.isAlive();
    }

    private boolean stopping() {
        return stopRequested.getCount() == 0;
    }

    private void run() {
        Backoff backoff = backoff();
        try {
            while (!stopping()) {
                try (KafkaConsumer<byte[], byte[]> consumer = createConsumer()) {
                    consumer.subscribe(List.of(topic), new Rebalance(consumer));
                    Log.infof("Article consumer %s started: topic %s, group %s", name, topic, group);
                    state = ArticleConsumer.State.RUNNING;
                    consume(consumer);
                    Log.infof("Article consumer %s stopping: closing", name);
                } catch (KafkaException e) {
                    // e.g. bootstrap servers that do not resolve yet: try again rather than give up
                    Log.errorf("Article consumer %s could not run (%s); retrying", name, e.toString());
                    pause(backoff.next());
                }
            }
            state = ArticleConsumer.State.STOPPED;
        } catch (RuntimeException | Error e) {
            state = ArticleConsumer.State.FAILED;
            Log.error("Article consumer " + name + " died; the liveness check now reports DOWN", e);
        } finally {
            metrics.released(assignment);
            assignment = Set.of();
        }
    }

    private Backoff backoff() {
        return new Backoff(settings.backoffInitial(), settings.backoffMax());
    }

    private void consume(KafkaConsumer<byte[], byte[]> consumer) {
        Backoff pollBackoff = backoff();
        Backoff retryBackoff = backoff();
        while (!stopping()) {
            ConsumerRecords<byte[], byte[]> records;
            try {
                records = consumer.poll(settings.pollTimeout());
                lastPoll = Instant.now();
                pollBackoff.reset();
            } catch (KafkaException e) {
                // the client reconnects by itself; an error surfacing here is worth a pause
                Log.warnf("Polling %s failed: %s", topic, e.toString());
                pause(pollBackoff.next());
                continue;
            }
            assignment = Set.copyOf(consumer.assignment());
            if (records.isEmpty()) {
                updateLag(consumer);
                continue;
            }
            long started = System.nanoTime();
            BatchApplier.Result result;
            RecordTracing.Batch traced = tracing.start(records);
            try {
                // (1) the effects, committed in the database
                result = applier.apply(records);
                metrics.batchApplied(Duration.ofNanos(System.nanoTime() - started));
                // (2) the records that will never be applied, safely on the dead-letter topic
                deadLetters.publish(deadLetterTopic, result.deadLetters());
                traced.applied(result);
            } catch (BatchApplier.RetryBatchException | DeadLetterPublisher.DeadLetterException e) {
                traced.failed(e);
                metrics.batch(false);
                rewind(consumer, records);
                if (stopping()) {
                    break;
                }
                Duration wait = retryBackoff.next();
                state = e instanceof BatchApplier.RetryBatchException
                        ? ArticleConsumer.State.WAITING_FOR_DATABASE
                        : ArticleConsumer.State.WAITING_FOR_DEAD_LETTER_TOPIC;
                Log.warnf("Batch of %d records not applied (%s: %s); retrying in %s",
                        records.count(), e.getMessage(), DeadLetter.rootCause(e), wait);
                pause(wait);
                continue;
            }
            // (3) the offsets
            Map<TopicPartition, OffsetAndMetadata> offsets = nextOffsets(records);
            beforeOffsetCommit.run(offsets);
            commit(consumer, offsets);
            // counted once committed, so a batch retried during an outage is not counted twice
            result.record(metrics);
            metrics.batch(true);
            updateLag(consumer);
            retryBackoff.reset();
            state = ArticleConsumer.State.RUNNING;
        }
    }

    private KafkaConsumer<byte[], byte[]> createConsumer() {
        Map<String, Object> properties = new HashMap<>(kafkaConfig);
        properties.put(ConsumerConfig.GROUP_ID_CONFIG, group);
        properties.put(ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, false);
        properties.put(ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, "earliest");
        properties.put(ConsumerConfig.MAX_POLL_RECORDS_CONFIG, settings.maxPollRecords());
        properties.putIfAbsent(ConsumerConfig.CLIENT_ID_CONFIG, name);
        // a test's instance may differ from the application's, e.g. in its poll interval or batch size
        properties.putAll(kafkaOverrides);
        // creating topics is ingest's (or the operator's) business; until the topic exists the consumer waits
        properties.put(ConsumerConfig.ALLOW_AUTO_CREATE_TOPICS_CONFIG, false);
        // keys are read as bytes too, so a dead letter keeps the original key byte for byte
        return new KafkaConsumer<>(properties, new ByteArrayDeserializer(), new ByteArrayDeserializer());
    }

    private static Map<TopicPartition, OffsetAndMetadata> nextOffsets(ConsumerRecords<byte[], byte[]> records) {
        Map<TopicPartition, OffsetAndMetadata> offsets = new HashMap<>();
        for (TopicPartition partition : records.partitions()) {
            List<ConsumerRecord<byte[], byte[]>> partitionRecords = records.records(partition);
            offsets.put(partition, new OffsetAndMetadata(partitionRecords.get(partitionRecords.size() - 1).offset() + 1));
        }
        return offsets;
    }

    private void commit(KafkaConsumer<byte[], byte[]> consumer, Map<TopicPartition, OffsetAndMetadata> offsets) {
        uncommitted.putAll(offsets);
        try {
            consumer.commitSync(uncommitted);
            uncommitted.clear();
        } catch (KafkaException e) {
            // e.g. the group is rebalancing: committed when the partitions are revoked, or, if they
            // were taken away meanwhile, their new holder gets the records again, which changes nothing
            Log.warnf("Committing offsets %s failed: %s; retried at the next commit or revocation", uncommitted, e.toString());
        }
    }

    /**
     * Moves back to the first record of the batch on each partition, i.e. to the last committed
     * position (every batch before it was committed), so the next poll returns the same records.
     */
    private void rewind(KafkaConsumer<byte[], byte[]> consumer, ConsumerRecords<byte[], byte[]> records) {
        Set<TopicPartition> assigned = consumer.assignment();
        for (TopicPartition partition : records.partitions()) {
            if (assigned.contains(partition)) {
                consumer.seek(partition, records.records(partition).get(0).offset());
            }
        }
    }

    private void updateLag(KafkaConsumer<byte[], byte[]> consumer) {
        for (TopicPartition partition : consumer.assignment()) {
            OptionalLong lag = consumer.currentLag(partition);
            if (lag.isPresent()) {
                metrics.lag(partition, lag.getAsLong());
            }
        }
    }

    /** Waits, or less if asked to stop; answers whether the consumer should go on. */
    private boolean pause(Duration duration) {
        try {
            return !stopRequested.await(duration.toMillis(), TimeUnit.MILLISECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            stopRequested.countDown();
            return false;
        }
    }

    /** Commits what was applied on partitions about to go, and drops what is no longer ours to report. */
    private final class Rebalance implements ConsumerRebalanceListener {
        private final KafkaConsumer<byte[], byte[]> consumer;

        Rebalance(KafkaConsumer<byte[], byte[]> consumer) {
            this.consumer = consumer;
        }

        @Override
        public void onPartitionsAssigned(Collection<TopicPartition> partitions) {
            Log.infof("Article consumer %s assigned %s", name, partitions);
        }

        @Override
        public void onPartitionsRevoked(Collection<TopicPartition> partitions) {
            Log.infof("Article consumer %s revoked %s", name, partitions);
            // every applied batch is normally committed before the next poll; this catches one whose commit failed
            Map<TopicPartition, OffsetAndMetadata> pending = new HashMap<>();
            for (TopicPartition partition : partitions) {
                OffsetAndMetadata offset = uncommitted.remove(partition);
                if (offset != null) {
                    pending.put(partition, offset);
                }
            }
            if (!pending.isEmpty()) {
                try {
                    consumer.commitSync(pending);
                } catch (KafkaException e) {
                    Log.warnf("Committing offsets %s on revocation failed: %s; their new holder gets those records again",
                            pending, e.toString());
                }
            }
            metrics.released(partitions);
        }

        @Override
        public void onPartitionsLost(Collection<TopicPartition> partitions) {
            // another instance holds them already: committing is no longer ours to do
            Log.warnf("Article consumer %s lost %s", name, partitions);
            partitions.forEach(uncommitted::remove);
            metrics.released(partitions);
        }
    }
}
