package io.eventline.timeline.messaging;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import jakarta.enterprise.context.ApplicationScoped;

import java.time.Instant;
import java.util.EnumMap;
import java.util.Map;
import java.util.concurrent.atomic.AtomicLong;

/** What the consumer did, for /q/metrics (names there: dots become underscores). */
@ApplicationScoped
public class ConsumerMetrics {

    public static final String APPLIED = "timeline.messages.applied";
    public static final String SKIPPED = "timeline.messages.skipped";
    public static final String BATCHES = "timeline.batches";
    public static final String LAG = "timeline.consumer.lag";
    public static final String LAST_APPLIED = "timeline.consumer.last.applied";

    /** Why a message did not change the timeline. */
    public enum SkipReason {
        /** The article already holds this version or a newer one (redelivery, duplicate, late message). */
        STALE,
        /** Not a valid article message. */
        INVALID,
        /** Valid, but the database refused it while otherwise working. */
        REJECTED
    }

    private final Map<ArticleMessage.Kind, Counter> applied = new EnumMap<>(ArticleMessage.Kind.class);
    private final Map<SkipReason, Counter> skipped = new EnumMap<>(SkipReason.class);
    private final Counter committedBatches;
    private final Counter retriedBatches;
    private final AtomicLong lag = new AtomicLong();
    private final AtomicLong lastAppliedEpochSecond = new AtomicLong();

    ConsumerMetrics(MeterRegistry registry) {
        // registered up front so every series exists (at 0) before the first message: rates and alerts need it
        for (ArticleMessage.Kind kind : ArticleMessage.Kind.values()) {
            applied.put(kind, Counter.builder(APPLIED)
                    .description("Article messages that changed the timeline")
                    .tag("kind", kind.name())
                    .register(registry));
        }
        for (SkipReason reason : SkipReason.values()) {
            skipped.put(reason, Counter.builder(SKIPPED)
                    .description("Article messages that left the timeline unchanged")
                    .tag("reason", reason.name().toLowerCase())
                    .register(registry));
        }
        committedBatches = batchCounter(registry, "committed");
        retriedBatches = batchCounter(registry, "retried");
        Gauge.builder(LAG, lag, AtomicLong::get)
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
                .description("Polled batches: committed, or retried because the database was unavailable")
                .tag("outcome", outcome)
                .register(registry);
    }

    public void applied(ArticleMessage.Kind kind) {
        applied.get(kind).increment();
        lastAppliedEpochSecond.set(Instant.now().getEpochSecond());
    }

    public void skipped(SkipReason reason) {
        skipped.get(reason).increment();
    }

    public void batch(boolean committed) {
        (committed ? committedBatches : retriedBatches).increment();
    }

    public void lag(long records) {
        lag.set(records);
    }
}
