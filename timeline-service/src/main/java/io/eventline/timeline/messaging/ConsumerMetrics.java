package io.eventline.timeline.messaging;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import jakarta.enterprise.context.ApplicationScoped;
import org.apache.kafka.common.TopicPartition;

import java.time.Duration;
import java.time.Instant;
import java.util.Collection;
import java.util.EnumMap;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;

/** What the consumer did, for /q/metrics (names there: dots become underscores). */
@ApplicationScoped
public class ConsumerMetrics {

    public static final String APPLIED = "timeline.messages.applied";
    public static final String SKIPPED = "timeline.messages.skipped";
    public static final String DEAD_LETTERED = "timeline.messages.dead.lettered";
    public static final String BATCHES = "timeline.batches";
    public static final String BATCH_APPLY = "timeline.batch.apply";
    public static final String LAG = "timeline.consumer.lag";
    public static final String PARTITION_LAG = "timeline.consumer.partition.lag";
    public static final String LAST_APPLIED = "timeline.consumer.last.applied";
    public static final String DUPLICATES_MERGED = "timeline.duplicates.merged";

    private final MeterRegistry registry;
    private final Map<ArticleMessage.Kind, Counter> applied = new EnumMap<>(ArticleMessage.Kind.class);
    private final Counter stale;
    private final Map<DeadLetter.Reason, Counter> deadLettered = new EnumMap<>(DeadLetter.Reason.class);
    private final Counter committedBatches;
    private final Counter retriedBatches;
    private final Timer batchApply;
    private final Counter duplicatesMerged;
    private final Map<TopicPartition, PartitionLag> partitionLags = new ConcurrentHashMap<>();
    private final AtomicLong lastAppliedEpochSecond = new AtomicLong();

    ConsumerMetrics(MeterRegistry registry) {
        this.registry = registry;
        // registered up front so every series exists (at 0) before the first message: rates and alerts need it
        for (ArticleMessage.Kind kind : ArticleMessage.Kind.values()) {
            applied.put(kind, Counter.builder(APPLIED)
                    .description("Article messages that changed the timeline (versions applied)")
                    .tag("kind", kind.name())
                    .register(registry));
        }
        stale = Counter.builder(SKIPPED)
                .description("Article messages that left the timeline unchanged because the article holds that version or a newer one")
                .tag("reason", "stale")
                .register(registry);
        for (DeadLetter.Reason reason : DeadLetter.Reason.values()) {
            deadLettered.put(reason, Counter.builder(DEAD_LETTERED)
                    .description("Records written to the dead-letter topic instead of being applied")
                    .tag("reason", reason.label())
                    .register(registry));
        }
        committedBatches = batchCounter(registry, "committed");
        retriedBatches = batchCounter(registry, "retried");
        batchApply = Timer.builder(BATCH_APPLY)
                .description("Time to apply a polled batch to the database, retries of refused records included")
                .publishPercentileHistogram()
                .minimumExpectedValue(Duration.ofMillis(1))
                .maximumExpectedValue(Duration.ofSeconds(60))
                .register(registry);
        duplicatesMerged = Counter.builder(DUPLICATES_MERGED)
                .description("New mentions that joined an event other articles already reported (deduplicated)")
                .register(registry);
        Gauge.builder(LAG, partitionLags, lags -> lags.values().stream().mapToLong(l -> l.records.get()).sum())
                .description("Records on the articles topic not yet applied, over the partitions this instance holds")
                .baseUnit("records")
                .register(registry);
        Gauge.builder(LAST_APPLIED, lastAppliedEpochSecond, AtomicLong::get)
                .description("When a message last changed the timeline (epoch seconds; 0: not since start)")
                .baseUnit("seconds")
                .register(registry);
    }

    private static Counter batchCounter(MeterRegistry registry, String outcome) {
        return Counter.builder(BATCHES)
                .description("Polled batches: committed, or retried because the database or the dead-letter topic was unavailable")
                .tag("outcome", outcome)
                .register(registry);
    }

    public void applied(ArticleMessage.Kind kind) {
        applied.get(kind).increment();
        lastAppliedEpochSecond.set(Instant.now().getEpochSecond());
    }

    /** Counted when the transaction that merged them commits. */
    public void duplicatesMerged(int mentions) {
        duplicatesMerged.increment(mentions);
    }

    public void stale() {
        stale.increment();
    }

    void deadLettered(DeadLetter.Reason reason) {
        deadLettered.get(reason).increment();
    }

    public void batch(boolean committed) {
        (committed ? committedBatches : retriedBatches).increment();
    }

    void batchApplied(Duration took) {
        batchApply.record(took);
    }

    /** Records of the partition not yet applied (its end offset minus the consumer's position). */
    void lag(TopicPartition partition, long records) {
        partitionLags.computeIfAbsent(partition, p -> new PartitionLag(registry, p)).records.set(records);
    }

    /** The partitions went to another instance: their lag is its to report. */
    void released(Collection<TopicPartition> partitions) {
        for (TopicPartition partition : partitions) {
            PartitionLag lag = partitionLags.remove(partition);
            if (lag != null) {
                registry.remove(lag.gauge);
            }
        }
    }

    private static final class PartitionLag {
        final AtomicLong records = new AtomicLong();
        final Gauge gauge;

        PartitionLag(MeterRegistry registry, TopicPartition partition) {
            gauge = Gauge.builder(PARTITION_LAG, records, AtomicLong::get)
                    .description("Records of one partition of the articles topic not yet applied")
                    .tag("topic", partition.topic())
                    .tag("partition", Integer.toString(partition.partition()))
                    .baseUnit("records")
                    .register(registry);
        }
    }
}
