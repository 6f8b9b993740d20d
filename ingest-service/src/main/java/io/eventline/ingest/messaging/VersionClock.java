package io.eventline.ingest.messaging;

import jakarta.enterprise.context.ApplicationScoped;

import java.time.Clock;
import java.time.Instant;
import java.util.concurrent.atomic.AtomicLong;

/**
 * Hands out article versions: the acceptance time in microseconds since the epoch, strictly
 * increasing within this instance even when two articles arrive in the same microsecond or the
 * wall clock steps back, because consumers keep only a version greater than the one they hold.
 */
@ApplicationScoped
public class VersionClock {

    private final Clock clock;
    private final AtomicLong last = new AtomicLong();

    public VersionClock() {
        this(Clock.systemUTC());
    }

    VersionClock(Clock clock) {
        this.clock = clock;
    }

    public long next() {
        Instant now = clock.instant();
        long micros = Math.addExact(Math.multiplyExact(now.getEpochSecond(), 1_000_000L), now.getNano() / 1_000L);
        return last.updateAndGet(previous -> Math.max(micros, previous + 1));
    }
}
