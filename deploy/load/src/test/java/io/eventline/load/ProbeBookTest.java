package io.eventline.load;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class ProbeBookTest {

    private final ProbeBook probes = new ProbeBook();

    @Test
    void freshnessRunsFromThe202ToTheFeedAnswerThatListsTheProbe() {
        probes.sent("p1");
        assertThat(probes.answered("p1", 1_000, true)).isEmpty();
        assertThat(probes.waiting()).isEqualTo(1);

        assertThat(probes.seen("p1", 1_750)).hasValue(750);
        assertThat(probes.waiting()).isZero();
        assertThat(probes.counted()).isEqualTo(1);
    }

    @Test
    void aProbeListedAgainLaterIsNotCountedTwice() {
        probes.sent("p1");
        probes.answered("p1", 1_000, true);
        probes.seen("p1", 2_000);

        assertThat(probes.seen("p1", 9_000)).isEmpty();
    }

    @Test
    void aProbeSeenBeforeIts202IsVisibleAtOnce() {
        probes.sent("p1");
        assertThat(probes.seen("p1", 500)).isEmpty();

        assertThat(probes.answered("p1", 1_000, true)).hasValue(0);
        assertThat(probes.waiting()).isZero();
    }

    @Test
    void refusedProbesAndProbesWithoutEventsAreNotWaitedFor() {
        probes.sent("refused");
        probes.sent("no-events");
        probes.answered("refused", 1_000, false);
        probes.answered("no-events", 1_000, false);

        assertThat(probes.waiting()).isZero();
        assertThat(probes.counted()).isZero();
    }

    @Test
    void articlesThatAreNotProbesAreIgnored() {
        assertThat(probes.seen("some-other-article", 1_000)).isEmpty();
        probes.sent("p1");
        probes.answered("p1", 2_000, true);

        assertThat(probes.waiting()).isEqualTo(1);
    }
}
