package io.eventline.gateway.routing;

import java.util.function.Consumer;
import java.util.function.LongSupplier;

/**
 * One upstream's circuit breaker. Closed, it lets every exchange through and remembers the outcomes of the
 * last {@code requestVolume}; when at least {@code failureRatio} of a full window failed it opens, and
 * refuses every exchange for {@code delay}. Then it is half open: up to {@code successThreshold} trial
 * exchanges go through at a time; a failed one opens it again, {@code successThreshold} successes close it
 * with a fresh window. (The semantics of MicroProfile Fault Tolerance's breaker, which the gateway used
 * before: its per-call machinery cost about a tenth of the gateway's CPU per proxied request.)
 * <p>
 * Callers on several event loops share it; every method is a few field updates under the object's lock.
 */
final class CircuitBreaker {

    enum State {
        CLOSED, OPEN, HALF_OPEN
    }

    private final int requestVolume;
    private final double failureRatio;
    private final long delayNanos;
    private final int successThreshold;
    private final LongSupplier clock;
    private final Consumer<State> onStateChange;

    /** The last outcomes while closed, as a ring: true for a failure. */
    private final boolean[] window;
    private int recorded;
    private int next;
    private int failures;

    private State state = State.CLOSED;
    private long openedAt;
    private int trialsInFlight;
    private int trialSuccesses;

    CircuitBreaker(int requestVolume, double failureRatio, long delayNanos, int successThreshold, LongSupplier clock,
            Consumer<State> onStateChange) {
        if (requestVolume < 1 || successThreshold < 1 || failureRatio <= 0 || failureRatio > 1 || delayNanos < 0) {
            throw new IllegalArgumentException("circuit breaker: request-volume and success-threshold must be positive,"
                    + " failure-ratio in (0, 1], delay not negative");
        }
        this.requestVolume = requestVolume;
        this.failureRatio = failureRatio;
        this.delayNanos = delayNanos;
        this.successThreshold = successThreshold;
        this.clock = clock;
        this.onStateChange = onStateChange;
        this.window = new boolean[requestVolume];
    }

    /** Whether an exchange may go now; if it may, its outcome must be reported to {@link #record}. */
    boolean tryAcquire() {
        State changed = null;
        boolean permitted;
        synchronized (this) {
            if (state == State.OPEN && clock.getAsLong() - openedAt >= delayNanos) {
                changed = moveTo(State.HALF_OPEN);
            }
            permitted = switch (state) {
                case CLOSED -> true;
                case OPEN -> false;
                case HALF_OPEN -> trialsInFlight < successThreshold;
            };
            if (permitted && state == State.HALF_OPEN) {
                trialsInFlight++;
            }
        }
        announce(changed);
        return permitted;
    }

    /** The outcome of an exchange {@link #tryAcquire} let through. */
    void record(boolean failed) {
        State changed = null;
        synchronized (this) {
            switch (state) {
                case CLOSED -> {
                    if (recorded == requestVolume && window[next]) {
                        failures--;
                    }
                    window[next] = failed;
                    next = (next + 1) % requestVolume;
                    recorded = Math.min(requestVolume, recorded + 1);
                    if (failed) {
                        failures++;
                    }
                    if (recorded == requestVolume && failures >= failureRatio * requestVolume) {
                        changed = open();
                    }
                }
                case HALF_OPEN -> {
                    // Possibly an exchange let through while closed, which is no trial: never below zero.
                    trialsInFlight = Math.max(0, trialsInFlight - 1);
                    if (failed) {
                        changed = open();
                    } else if (++trialSuccesses >= successThreshold) {
                        changed = moveTo(State.CLOSED);
                    }
                }
                case OPEN -> {
                    // An exchange let through before the breaker opened: the window it belonged to is gone.
                }
            }
        }
        announce(changed);
    }

    synchronized State state() {
        return state;
    }

    private State open() {
        openedAt = clock.getAsLong();
        return moveTo(State.OPEN);
    }

    private State moveTo(State target) {
        state = target;
        recorded = 0;
        next = 0;
        failures = 0;
        trialsInFlight = 0;
        trialSuccesses = 0;
        return target;
    }

    /** Outside the lock: the listener logs. */
    private void announce(State changed) {
        if (changed != null) {
            onStateChange.accept(changed);
        }
    }
}
