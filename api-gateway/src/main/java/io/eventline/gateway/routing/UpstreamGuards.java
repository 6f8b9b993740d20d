package io.eventline.gateway.routing;

import java.time.temporal.ChronoUnit;
import java.util.HashMap;
import java.util.Map;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.Supplier;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.util.TypeLiteral;
import jakarta.inject.Inject;

import org.eclipse.microprofile.faulttolerance.exceptions.CircuitBreakerOpenException;

import io.eventline.gateway.config.GatewayConfig;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.quarkus.logging.Log;
import io.quarkus.runtime.Startup;
import io.smallrye.faulttolerance.api.CircuitBreakerState;
import io.smallrye.faulttolerance.api.Guard;
import io.vertx.core.Context;
import io.vertx.core.Future;
import io.vertx.core.Vertx;
import io.vertx.httpproxy.ProxyResponse;

/**
 * SmallRye Fault Tolerance around each exchange with an upstream: a circuit breaker per upstream, so a
 * service that keeps failing gets a rest and callers a quick 503 instead of a wait, and retries for
 * requests that are safe to send twice (GET and HEAD without a body) when the connection failed before any
 * answer. A timeout is never retried: the caller's time budget is spent.
 */
// Created at startup, so bad settings stop the process at once and its metrics exist from the start.
@Startup
@ApplicationScoped
public class UpstreamGuards {

    private static final TypeLiteral<CompletionStage<ProxyResponse>> EXCHANGE = new TypeLiteral<>() {
    };

    private record Guards(Guard breaker, Guard retry, AtomicReference<CircuitBreakerState> state) {
    }

    private final Map<String, Guards> byUpstream = new HashMap<>();
    private final long breakerDelaySeconds;

    @Inject
    public UpstreamGuards(RouteTable routes, GatewayConfig config, MeterRegistry meters) {
        GatewayConfig.CircuitBreaker breaker = config.resilience().circuitBreaker();
        GatewayConfig.Resilience resilience = config.resilience();
        this.breakerDelaySeconds = Math.max(1, breaker.delay().toSeconds());
        for (Upstream upstream : routes.upstreams()) {
            String name = upstream.name();
            AtomicReference<CircuitBreakerState> state = new AtomicReference<>(CircuitBreakerState.CLOSED);
            Counter retries = Counter.builder("eventline.gateway.upstream.retries").tag("upstream", name)
                    .description("Requests sent again after the connection to the upstream failed").register(meters);
            Guard circuitBreaker = Guard.create()
                    .withDescription("circuit breaker of the " + name + " upstream")
                    .withCircuitBreaker()
                    .name("upstream-" + name)
                    .requestVolumeThreshold(breaker.requestVolume())
                    .failureRatio(breaker.failureRatio())
                    .delay(breaker.delay().toMillis(), ChronoUnit.MILLIS)
                    .successThreshold(breaker.successThreshold())
                    .when(UpstreamGuards::isUpstreamFailure)
                    .onStateChange(newState -> {
                        state.set(newState);
                        Log.warnf("Circuit breaker of the %s upstream is now %s", name, newState);
                    })
                    .done()
                    .build();
            Guard retry = Guard.create()
                    .withDescription("retries of idempotent requests to the " + name + " upstream")
                    .withRetry()
                    .maxRetries(resilience.retries())
                    .delay(resilience.retryDelay().toMillis(), ChronoUnit.MILLIS)
                    .jitter(0, ChronoUnit.MILLIS)
                    .whenException(UpstreamGuards::isWorthRetrying)
                    .beforeRetry(cause -> {
                        retries.increment();
                        Log.infof("Retrying a request to the %s upstream after: %s", name, cause.getMessage());
                    })
                    .done()
                    .build();
            for (CircuitBreakerState each : CircuitBreakerState.values()) {
                Gauge.builder("eventline.gateway.circuit.breaker.state", state, s -> s.get() == each ? 1 : 0)
                        .tag("upstream", name).tag("state", each.name().toLowerCase())
                        .description("1 for the state the upstream's circuit breaker is in, 0 for the others")
                        .register(meters);
            }
            byUpstream.put(name, new Guards(circuitBreaker, retry, state));
        }
    }

    /**
     * Runs one exchange (send the request, get response headers) under the upstream's breaker, and for a
     * request that can safely be sent twice, retries it when the connection failed.
     */
    public Future<ProxyResponse> exchange(Upstream upstream, boolean retryable, Supplier<Future<ProxyResponse>> send) {
        Guards guards = byUpstream.get(upstream.name());
        // Completions come back on the request's own Vert.x context, where the proxy expects them.
        Context context = Vertx.currentContext();
        Supplier<CompletionStage<ProxyResponse>> guarded = () -> guards.breaker()
                .get(() -> send.get().toCompletionStage(), EXCHANGE);
        CompletionStage<ProxyResponse> outcome = retryable ? guards.retry().get(guarded, EXCHANGE) : guarded.get();
        return context == null ? Future.fromCompletionStage(outcome) : Future.fromCompletionStage(outcome, context);
    }

    public CircuitBreakerState state(Upstream upstream) {
        return byUpstream.get(upstream.name()).state().get();
    }

    /** What to tell a caller refused by an open breaker: the breaker's delay is when it lets requests through again. */
    public long retryAfterSeconds() {
        return breakerDelaySeconds;
    }

    public static boolean isCircuitOpen(Throwable failure) {
        return failure instanceof CircuitBreakerOpenException;
    }

    /**
     * Failures that say something about the upstream's health. A caller's oversized body is the caller's
     * fault and doesn't count.
     */
    private static boolean isUpstreamFailure(Throwable failure) {
        return !(failure instanceof CallerFault);
    }

    /** Only failures before any answer, and not a timeout (the caller's time is used up) or an open breaker. */
    private static boolean isWorthRetrying(Throwable failure) {
        return !(failure instanceof TimeoutException) && !(failure instanceof CircuitBreakerOpenException)
                && !(failure instanceof CallerFault);
    }

    /** The exchange failed because of what the caller sent (e.g. a body over the limit), not the upstream. */
    static final class CallerFault extends RuntimeException {
        CallerFault(Throwable cause) {
            super(cause.getMessage(), cause, false, false);
        }
    }
}
