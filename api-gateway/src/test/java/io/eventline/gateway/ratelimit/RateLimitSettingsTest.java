package io.eventline.gateway.ratelimit;

import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;

import org.junit.jupiter.api.Test;

import io.eventline.gateway.config.GatewayConfig;

/** Limits an operator can write but the buckets cannot enforce stop the gateway at start-up, naming the setting. */
class RateLimitSettingsTest {

    private static final String SETTING = "eventline.gateway.rate-limit.timelines-read";

    private static GatewayConfig.Limit limit(int requests, Duration period, int burst) {
        return new GatewayConfig.Limit() {
            @Override
            public int requests() {
                return requests;
            }

            @Override
            public Duration period() {
                return period;
            }

            @Override
            public int burst() {
                return burst;
            }
        };
    }

    @Test
    void aBillionRequestsASecondIsRefusedAtStartUp() {
        assertThatThrownBy(() -> RateLimiter.requireEnforceable(SETTING, limit(1_000_000_000, Duration.ofSeconds(1), 100)))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining(SETTING).hasMessageContaining("cannot be enforced");
    }

    @Test
    void aZeroBurstIsRefused() {
        assertThatThrownBy(() -> RateLimiter.requireEnforceable(SETTING, limit(600, Duration.ofMinutes(1), 0)))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining(SETTING + ".requests, .burst and .period");
    }

    @Test
    void aGenerousButPossibleLimitIsAccepted() {
        assertThatCode(() -> RateLimiter.requireEnforceable(SETTING, limit(100_000, Duration.ofSeconds(1), 10_000)))
                .doesNotThrowAnyException();
    }
}
