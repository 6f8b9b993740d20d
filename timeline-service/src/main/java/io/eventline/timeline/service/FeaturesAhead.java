package io.eventline.timeline.service;

import io.eventline.timeline.dedup.MentionFeatures;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CancellationException;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ForkJoinPool;
import java.util.concurrent.FutureTask;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Function;
import java.util.stream.Collectors;

/**
 * The features of a transaction's new mentions ({@link MentionFeatures#of}), computed ahead on the
 * common pool, in the order the mentions will be placed, while the applying thread locks, reads and
 * places: text processing needs neither the database nor the neighbourhood, so on a machine with
 * cores to spare it overlaps the placements instead of preceding them.
 *
 * <p>A mention whose features are not ready when it is placed has them computed by the applying
 * thread there and then (or waits for the worker already at it): nothing is computed twice, and the
 * placements never wait behind a queue of the batch's later mentions. A failure of {@code of} is
 * thrown where the features are asked for, as if computed there.
 */
final class FeaturesAhead implements AutoCloseable {

    /** None computed ahead: every mention's features are computed when it is placed. */
    static final FeaturesAhead NONE = new FeaturesAhead(List.of(), source -> null);

    private final Map<EventMerger.FeatureSource, FutureTask<MentionFeatures>> bySource;
    private final List<FutureTask<MentionFeatures>> inOrder;
    private final AtomicInteger next = new AtomicInteger();
    private volatile boolean closed;

    private FeaturesAhead(List<EventMerger.FeatureSource> sources,
                          Function<EventMerger.FeatureSource, MentionFeatures> features) {
        this.bySource = sources.stream().distinct().collect(Collectors.toMap(source -> source,
                source -> new FutureTask<>(() -> features.apply(source)), (a, b) -> a, LinkedHashMap::new));
        this.inOrder = List.copyOf(bySource.values());
    }

    /**
     * Starts computing the features of {@code sources} (in that order) on the common pool, with as
     * many workers as it has threads.
     */
    static FeaturesAhead start(List<EventMerger.FeatureSource> sources,
                               Function<EventMerger.FeatureSource, MentionFeatures> features) {
        FeaturesAhead ahead = new FeaturesAhead(sources, features);
        int workers = Math.min(ForkJoinPool.getCommonPoolParallelism(), ahead.inOrder.size());
        for (int i = 0; i < workers; i++) {
            ForkJoinPool.commonPool().execute(ahead::work);
        }
        return ahead;
    }

    private void work() {
        for (int i = next.getAndIncrement(); i < inOrder.size() && !closed; i = next.getAndIncrement()) {
            inOrder.get(i).run(); // does nothing if the applying thread has taken it
        }
    }

    /** The features of {@code source}, or null if it was not given to {@link #start}. */
    MentionFeatures get(EventMerger.FeatureSource source) {
        FutureTask<MentionFeatures> task = bySource.get(source);
        if (task == null) {
            return null;
        }
        task.run(); // computes it here unless a worker has started (or finished) it
        try {
            return task.get();
        } catch (ExecutionException e) {
            if (e.getCause() instanceof RuntimeException runtime) {
                throw runtime;
            }
            if (e.getCause() instanceof Error error) {
                throw error;
            }
            throw new IllegalStateException(e.getCause());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new CancellationException("interrupted while waiting for a mention's features");
        }
    }

    /** The workers take no more mentions: the transaction is over (those it did not place are applied again later). */
    @Override
    public void close() {
        closed = true;
    }
}
