package io.eventline.timeline.service;

import io.eventline.timeline.config.TimelineConfig;
import io.eventline.timeline.repository.EventChangeHistory;
import io.quarkus.logging.Log;
import io.quarkus.runtime.ShutdownEvent;
import io.quarkus.runtime.StartupEvent;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.transaction.Transactional;

import java.time.Duration;
import java.time.Instant;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;

/**
 * Keeps the event change log to {@code eventline.timeline.changes.retention}: every
 * {@code prune-interval}, deletes older changes and raises the horizon below which a change feed cursor
 * is expired. A plain scheduled thread (the scheduler extension is not part of this build); a failed
 * run (database down) is logged and simply tried again at the next interval.
 */
@ApplicationScoped
public class ChangeLogPruner {

    private final EventChangeHistory history;
    private final TimelineConfig config;
    private ScheduledExecutorService schedule;

    ChangeLogPruner(EventChangeHistory history, TimelineConfig config) {
        this.history = history;
        this.config = config;
    }

    void start(@Observes StartupEvent started) {
        long interval = config.changes().pruneInterval().toMillis();
        if (interval <= 0) {
            return;
        }
        schedule = Executors.newSingleThreadScheduledExecutor(task -> {
            Thread thread = new Thread(task, "timeline-change-log-pruner");
            thread.setDaemon(true);
            return thread;
        });
        schedule.scheduleWithFixedDelay(this::pruneQuietly, interval, interval, TimeUnit.MILLISECONDS);
    }

    void stop(@Observes ShutdownEvent stopping) {
        if (schedule != null) {
            schedule.shutdownNow();
        }
    }

    /** Deletes the changes older than the retention; returns how many. */
    @Transactional
    public int prune(Duration retention) {
        int pruned = history.prune(Instant.now().minus(retention));
        Log.debugf("Pruned %d event changes older than %s", pruned, retention);
        return pruned;
    }

    private void pruneQuietly() {
        try {
            prune(config.changes().retention());
        } catch (RuntimeException e) {
            Log.warnf("Pruning the event change log failed, will try again: %s", e.toString());
        }
    }
}
