package io.eventline.ingest.messaging;

import org.junit.jupiter.api.Test;

import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.concurrent.atomic.AtomicReference;

import static org.assertj.core.api.Assertions.assertThat;

class VersionClockTest {

    private final AtomicReference<Instant> now = new AtomicReference<>(Instant.parse("2025-02-20T10:00:00.123456789Z"));
    private final VersionClock versions = new VersionClock(new Clock() {
        @Override
        public ZoneOffset getZone() {
            return ZoneOffset.UTC;
        }

        @Override
        public Clock withZone(java.time.ZoneId zone) {
            return this;
        }

        @Override
        public Instant instant() {
            return now.get();
        }
    });

    @Test
    void shouldBeTheAcceptanceTimeInMicroseconds() {
        assertThat(versions.next()).isEqualTo(1740045600123456L);
    }

    @Test
    void shouldStillIncreaseWithinOneMicrosecond() {
        long first = versions.next();

        assertThat(versions.next()).isEqualTo(first + 1);
    }

    @Test
    void shouldStillIncreaseWhenTheWallClockStepsBack() {
        long first = versions.next();
        now.set(now.get().minusSeconds(30));

        assertThat(versions.next()).isGreaterThan(first);
    }
}
