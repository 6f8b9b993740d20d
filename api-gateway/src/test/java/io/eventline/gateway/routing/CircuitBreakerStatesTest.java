package io.eventline.gateway.routing;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.Test;

import io.eventline.gateway.routing.CircuitBreaker.State;

/**
 * The breaker's rules on a hand-driven clock: window of 4, opens at half failed, open for 10 s, closes
 * after 2 trial successes. ({@code CircuitBreakerTest} checks the same through the running gateway.)
 */
class CircuitBreakerStatesTest {

    private long now = 1_000;
    private final List<State> changes = new ArrayList<>();
    private final CircuitBreaker breaker = new CircuitBreaker(4, 0.5, TimeUnit.SECONDS.toNanos(10), 2, () -> now, changes::add);

    @Test
    void staysClosedUntilAFullWindowIsHalfFailures() {
        exchange(true);
        exchange(true);
        exchange(false);
        // Two failures of three: the window (4) isn't full yet, so no verdict.
        assertThat(breaker.state()).isEqualTo(State.CLOSED);
        exchange(false);
        assertThat(breaker.state()).isEqualTo(State.OPEN);
        assertThat(changes).containsExactly(State.OPEN);
    }

    @Test
    void oldOutcomesLeaveTheWindow() {
        exchange(true);
        for (int i = 0; i < 10; i++) {
            exchange(false);
        }
        exchange(true);
        // One failure among the last four.
        assertThat(breaker.state()).isEqualTo(State.CLOSED);
        exchange(true);
        assertThat(breaker.state()).isEqualTo(State.OPEN);
    }

    @Test
    void openRefusesUntilTheDelayThenTrialsDecide() {
        open();
        assertThat(breaker.tryAcquire()).isFalse();
        now += TimeUnit.SECONDS.toNanos(9);
        assertThat(breaker.tryAcquire()).isFalse();
        now += TimeUnit.SECONDS.toNanos(1);

        // Half open: as many trials at a time as successes are needed, no more.
        assertThat(breaker.tryAcquire()).isTrue();
        assertThat(breaker.tryAcquire()).isTrue();
        assertThat(breaker.tryAcquire()).isFalse();
        assertThat(breaker.state()).isEqualTo(State.HALF_OPEN);
        breaker.record(false);
        breaker.record(false);
        assertThat(breaker.state()).isEqualTo(State.CLOSED);
        assertThat(changes).containsExactly(State.OPEN, State.HALF_OPEN, State.CLOSED);

        // Closed again with a fresh window: one failure doesn't reopen it.
        exchange(true);
        assertThat(breaker.state()).isEqualTo(State.CLOSED);
    }

    @Test
    void aFailedTrialOpensItForAnotherDelay() {
        open();
        now += TimeUnit.SECONDS.toNanos(10);
        assertThat(breaker.tryAcquire()).isTrue();
        breaker.record(true);
        assertThat(breaker.state()).isEqualTo(State.OPEN);
        now += TimeUnit.SECONDS.toNanos(5);
        assertThat(breaker.tryAcquire()).isFalse();
    }

    @Test
    void refusesSettingsItCouldNotApply() {
        assertThatThrownBy(() -> new CircuitBreaker(0, 0.5, 1, 1, () -> now, changes::add))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("request-volume");
        assertThatThrownBy(() -> new CircuitBreaker(4, 1.5, 1, 1, () -> now, changes::add))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("failure-ratio");
    }

    private void open() {
        for (int i = 0; i < 4; i++) {
            exchange(true);
        }
        assertThat(breaker.state()).isEqualTo(State.OPEN);
    }

    private void exchange(boolean failed) {
        assertThat(breaker.tryAcquire()).isTrue();
        breaker.record(failed);
    }
}
