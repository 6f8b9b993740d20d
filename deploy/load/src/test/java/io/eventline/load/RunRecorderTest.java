package io.eventline.load;

import org.junit.jupiter.api.Test;

import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

class RunRecorderTest {

    private final RunRecorder recorder = new RunRecorder();

    @Test
    void throughputIsTheAcceptedArticlesOverTheSendingTime() {
        for (int i = 0; i < 300; i++) {
            recorder.accepted(10_000);
        }
        recorder.tick(1, 0, 0);

        RunReport report = recorder.report(1.5, 0, 0, List.of());

        assertThat(report.articlesAccepted()).isEqualTo(300);
        assertThat(report.acceptedPerSecond()).isEqualTo(200.0);
    }

    @Test
    void percentilesAreOfEveryValueRecordedOverTheRun() {
        // 1..100 ms over two seconds: the totals merge both seconds.
        for (int ms = 1; ms <= 50; ms++) {
            recorder.accepted(ms * 1000L);
        }
        recorder.tick(1, 0, 0);
        for (int ms = 51; ms <= 100; ms++) {
            recorder.accepted(ms * 1000L);
        }
        recorder.tick(2, 0, 0);

        RunRecorder.Latency latency = recorder.report(2, 0, 0, List.of()).acceptLatency();

        assertThat(latency.count()).isEqualTo(100);
        assertThat(latency.p50Ms()).isCloseTo(50, within(0.1));
        assertThat(latency.p95Ms()).isCloseTo(95, within(0.1));
        assertThat(latency.p99Ms()).isCloseTo(99, within(0.1));
        assertThat(latency.maxMs()).isCloseTo(100, within(0.1));
    }

    @Test
    void eachSecondBecomesAPointOfTheSeries() {
        recorder.accepted(2_000);
        recorder.accepted(4_000);
        recorder.polled("GET events", 304, 1_000);
        RunRecorder.Point first = recorder.tick(1, 7, 3);
        RunRecorder.Point second = recorder.tick(2, 0, 0);

        assertThat(first.acceptedPerSecond()).isEqualTo(2);
        assertThat(first.acceptP99Ms()).isCloseTo(4, within(0.01));
        assertThat(first.pollsPerSecond()).isEqualTo(1);
        assertThat(first.backlog()).isEqualTo(7);
        assertThat(first.probesWaiting()).isEqualTo(3);
        assertThat(second.acceptedPerSecond()).isZero();
        assertThat(second.acceptP99Ms()).isNaN();
        assertThat(recorder.report(2, 0, 0, List.of()).series()).containsExactly(first, second);
    }

    @Test
    void pollsCountTheir304ShareAndOnlyAnswersHaveALatency() {
        recorder.polled("GET events", 200, 5_000);
        recorder.polled("GET events", 304, 1_000);
        recorder.polled("GET changes", 304, 1_000);
        recorder.polled("GET changes", 304, 1_000);
        recorder.polled("GET changes", 503, 30_000_000);
        recorder.tick(1, 0, 0);

        RunReport report = recorder.report(1, 0, 0, List.of());

        assertThat(report.polls()).isEqualTo(4);
        assertThat(report.notModifiedShare()).isEqualTo(0.75);
        assertThat(report.pollLatency().maxMs()).isCloseTo(5, within(0.01));
        assertThat(report.errors()).isEqualTo(1);
    }

    @Test
    void errorsAreCountedByRequestAndStatus() {
        recorder.accepted(1_000);
        recorder.articleRefused(503);
        recorder.articleRefused(503);
        recorder.articleRefused(0);
        recorder.otherError("GET probe changes", 502);
        recorder.tick(1, 0, 0);

        RunReport report = recorder.report(1, 0, 0, List.of());

        assertThat(report.errors()).isEqualTo(4);
        assertThat(report.answersByStatus()).containsExactly(
                java.util.Map.entry("GET probe changes 502", 1L),
                java.util.Map.entry("POST /articles 202", 1L),
                java.util.Map.entry("POST /articles 503", 2L),
                java.util.Map.entry("POST /articles no-answer", 1L));
        assertThat(report.table()).contains("POST /articles 503").contains("errors");
    }

    @Test
    void freshnessCountsTheProbesSeenAndTheOnesNeverSeen() {
        recorder.visible(800_000);
        recorder.visible(1_200_000);
        recorder.tick(1, 0, 1);

        RunReport report = recorder.report(1, 3, 1, List.of());

        assertThat(report.probesSent()).isEqualTo(3);
        assertThat(report.probesVisible()).isEqualTo(2);
        assertThat(report.probesNeverVisible()).isEqualTo(1);
        assertThat(report.freshness().p50Ms()).isCloseTo(800, within(1.0));
        assertThat(report.freshness().maxMs()).isCloseTo(1200, within(1.0));
    }
}
