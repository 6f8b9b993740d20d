package io.eventline.gateway.ratelimit;

import java.time.Duration;
import java.util.EnumMap;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import io.eventline.gateway.config.GatewayConfig;
import io.github.bucket4j.Bucket;
import io.github.bucket4j.ConsumptionProbe;
import io.quarkus.runtime.Startup;
import io.vertx.core.MultiMap;

/**
 * Per-key token buckets, one per key name and {@link Allowance}. Keys being rotated share their name and
 * therefore their bucket, so rotating a key doesn't double its budget.
 * <p>
 * Bucket4j buckets are lock-free and safe under concurrent requests. They count thousandths of a request,
 * so a revalidation answered with 304 can cost a fraction of a full request. A request is charged before it
 * is forwarded (a conditional one at the 304 price, anything else at full price) and the difference is
 * settled once the upstream's status is known: the 304 price is only a promise until the upstream keeps it.
 */
// Created at startup, so bad settings stop the process at once and its metrics exist from the start.
@Startup
@ApplicationScoped
public class RateLimiter {

    /** Thousandths of a request: what the buckets count. */
    static final long FULL = 1000;

    private final boolean enabled;
    private final long notModifiedCost;
    private final Map<Allowance, GatewayConfig.Limit> limits = new EnumMap<>(Allowance.class);
    private final Map<BucketKey, Bucket> buckets = new ConcurrentHashMap<>();

    /** A key name's bucket for one allowance (a record: no string is built per request to find it). */
    private record BucketKey(String keyName, Allowance allowance) {
    }

    @Inject
    public RateLimiter(GatewayConfig config) {
        GatewayConfig.RateLimits settings = config.rateLimit();
        this.enabled = settings.enabled();
        double fraction = settings.notModifiedCost();
        if (fraction < 0 || fraction > 1) {
            throw new IllegalArgumentException("eventline.gateway.rate-limit.not-modified-cost must be between 0 and 1,"
                    + " got " + fraction);
        }
        this.notModifiedCost = Math.round(fraction * FULL);
        for (Allowance allowance : Allowance.values()) {
            GatewayConfig.Limit limit = allowance.limit(settings);
            String setting = "eventline.gateway.rate-limit." + allowance.settingName();
            requireEnforceable(setting, limit);
            limits.put(allowance, limit);
        }
    }

    /**
     * Charges the request to the key's bucket, or refuses it.
     *
     * @param conditional whether the request can be answered with 304 (a GET or HEAD with If-None-Match or
     *                    If-Modified-Since), and is therefore charged the revalidation price first
     */
    public Admission admit(String keyName, Allowance allowance, boolean conditional) {
        if (!enabled) {
            return Admission.UNLIMITED;
        }
        GatewayConfig.Limit limit = limits.get(allowance);
        Bucket bucket = buckets.computeIfAbsent(new BucketKey(keyName, allowance), ignored -> newBucket(limit));
        long charged = conditional ? notModifiedCost : FULL;
        ConsumptionProbe probe = charged == 0 ? null : bucket.tryConsumeAndReturnRemaining(charged);
        boolean admitted = probe == null || probe.isConsumed();
        long retryAfterNanos = admitted ? 0 : probe.getNanosToWaitForRefill();
        return new Admission(bucket, limit, admitted ? charged : 0, notModifiedCost, admitted, retryAfterNanos);
    }

    /** Refuses, at start-up and naming the setting, a limit the buckets could not enforce. */
    static void requireEnforceable(String setting, GatewayConfig.Limit limit) {
        if (limit.requests() < 1 || limit.burst() < 1 || limit.period().isNegative() || limit.period().isZero()) {
            throw new IllegalArgumentException(setting + ".requests, .burst and .period must be positive");
        }
        try {
            // Bucket4j refuses some positive limits too (more than one token per nanosecond): found here,
            // that is a start-up error, not a 500 on every request.
            newBucket(limit);
        } catch (IllegalArgumentException unusable) {
            throw new IllegalArgumentException(setting + " cannot be enforced: " + unusable.getMessage(), unusable);
        }
    }

    private static Bucket newBucket(GatewayConfig.Limit limit) {
        return Bucket.builder()
                .addLimit(l -> l.capacity(limit.burst() * FULL).refillGreedy(limit.requests() * FULL, limit.period()))
                .build();
    }

    /** A request's standing with its bucket: whether it may pass, and what to tell the caller about the budget. */
    public static final class Admission {

        static final Admission UNLIMITED = new Admission(null, null, 0, 0, true, 0);

        private final Bucket bucket;
        private final GatewayConfig.Limit limit;
        private final long charged;
        private final long notModifiedCost;
        private final boolean admitted;
        private final long retryAfterNanos;

        private Admission(Bucket bucket, GatewayConfig.Limit limit, long charged, long notModifiedCost, boolean admitted,
                long retryAfterNanos) {
            this.bucket = bucket;
            this.limit = limit;
            this.charged = charged;
            this.notModifiedCost = notModifiedCost;
            this.admitted = admitted;
            this.retryAfterNanos = retryAfterNanos;
        }

        public boolean admitted() {
            return admitted;
        }

        /** Whole seconds until the request would be admitted (at least 1: "0" would invite a busy retry loop). */
        public long retryAfterSeconds() {
            return Math.max(1, ceilSeconds(retryAfterNanos));
        }

        /** Corrects the charge once the upstream's status is known: a 304 costs the revalidation price, all else full. */
        public void settle(int status) {
            if (bucket == null || !admitted) {
                return;
            }
            long cost = status == 304 ? notModifiedCost : FULL;
            if (cost > charged) {
                // The request has been served already, so this may take the bucket below zero; later requests wait.
                bucket.consumeIgnoringRateLimits(cost - charged);
            } else if (cost < charged) {
                bucket.addTokens(charged - cost);
            }
        }

        /**
         * The IETF draft's {@code RateLimit-Limit} (burst), {@code RateLimit-Remaining} (whole requests left) and
         * {@code RateLimit-Reset} (seconds until the bucket is full again).
         */
        public void writeHeaders(MultiMap headers) {
            if (bucket == null) {
                return;
            }
            long available = bucket.getAvailableTokens();
            // Below zero after a settled charge: that debt has to refill too.
            long missing = limit.burst() * FULL - available;
            double secondsPerToken = limit.period().toNanos() / 1e9 / (limit.requests() * FULL);
            headers.set("RateLimit-Limit", Long.toString(limit.burst()));
            headers.set("RateLimit-Remaining", Long.toString(Math.max(0, available / FULL)));
            headers.set("RateLimit-Reset", Long.toString((long) Math.ceil(missing * secondsPerToken)));
        }

        private static long ceilSeconds(long nanos) {
            long second = Duration.ofSeconds(1).toNanos();
            return (nanos + second - 1) / second;
        }
    }
}
