package io.eventline.load;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class RatePacerTest {

    private static final long SECOND = 1_000_000_000L;

    @Test
    void offersTheRateEachSecondFromTheStart() {
        RatePacer pacer = new RatePacer(200);

        assertThat(pacer.dueBy(0)).isEqualTo(1);
        assertThat(pacer.dueBy(SECOND / 2)).isEqualTo(101);
        assertThat(pacer.dueBy(SECOND)).isEqualTo(201);
        assertThat(pacer.dueBy(60 * SECOND) - pacer.dueBy(59 * SECOND)).isEqualTo(200);
    }

    @Test
    void eachArticleIsDueAtItsOwnTime() {
        RatePacer pacer = new RatePacer(4);

        assertThat(pacer.dueAt(0)).isZero();
        assertThat(pacer.dueAt(1)).isEqualTo(SECOND / 4);
        assertThat(pacer.dueAt(8)).isEqualTo(2 * SECOND);
        // An article is due exactly when it starts counting as due.
        assertThat(pacer.dueBy(pacer.dueAt(8))).isEqualTo(9);
        assertThat(pacer.dueBy(pacer.dueAt(8) - 1)).isEqualTo(8);
    }

    @Test
    void aSenderThatFellBehindFindsEverythingMissedDueAtOnce() {
        RatePacer pacer = new RatePacer(100);

        // Nothing sent during a 3-second stall: 300 articles are due when it ends, not 100.
        assertThat(pacer.dueBy(3 * SECOND)).isEqualTo(301);
    }

    @Test
    void rateZeroMeansAsFastAsAccepted() {
        RatePacer pacer = new RatePacer(0);

        assertThat(pacer.dueBy(0)).isEqualTo(Long.MAX_VALUE);
        assertThat(pacer.dueAt(1_000_000)).isZero();
    }

    @Test
    void aNegativeRateIsRefused() {
        assertThatThrownBy(() -> new RatePacer(-1)).isInstanceOf(IllegalArgumentException.class);
    }
}
