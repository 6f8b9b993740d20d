package io.eventline.gateway.routing;

import java.util.HashMap;
import java.util.Map;
import java.util.concurrent.TimeoutException;
import java.util.function.Supplier;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import io.eventline.gateway.config.GatewayConfig;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.quarkus.logging.Log;
import io.quarkus.runtime.Startup;
import io.vertx.core.Future;
import io.vertx.core.Vertx;
import io.vertx.httpproxy.ProxyResponse;

/**
 * Guards each exchange with an upstream: a {@link CircuitBreaker} per upstream, so a service that keeps
 * failing gets a rest and callers a quick 503 instead of a wait, and retries for requests that are safe to
 * send twice (GET and HEAD without a body) when the connection failed before any answer. A timeout is never
 * retried: the caller's time budget is spent. Everything stays on the request's Vert.x context (a retry
 * waits on a Vert.x timer), so no completion hops threads.
 */
// Created at startup, so bad settings stop the process at once and its metrics exist from the start.
@Startup
@ApplicationScoped
public class UpstreamGuards {

    private record Guards(String upstream, CircuitBreaker breaker, Counter retries) {
    }

    private final Map<String, Guards> byUpstream = new HashMap<>();
    private final Vertx vertx;
    private final int maxRetries;
    private final long retryDelayMillis;
    private final long breakerDelaySeconds;

    @Inject
    public UpstreamGuards(RouteTable routes, GatewayConfig config, MeterRegistry meters, Vertx vertx) {
        GatewayConfig.CircuitBreaker settings = config.resilience().circuitBreaker();
        this.vertx = vertx;
        this.maxRetries = config.resilience().retries();
        this.retryDelayMillis = config.resilience().retryDelay().toMillis();
        if (maxRetries < 0 || retryDelayMillis < 0) {
            throw new IllegalArgumentException("eventline.gateway.resilience.retries and .retry-delay must not be negative");
        }
        this.breakerDelaySeconds = Math.max(1, settings.delay().toSeconds());
        for (Upstream upstream : routes.upstreams()) {
            String name = upstream.name();
            CircuitBreaker breaker = new CircuitBreaker(settings.requestVolume(), settings.failureRatio(),
                    settings.delay().toNanos(), settings.successThreshold(), System::nanoTime,
                    newState -> Log.warnf("Circuit breaker of the %s upstream is now %s", name, newState));
            Counter retries = Counter.builder("eventline.gateway.upstream.retries").tag("upstream", name)
                    .description("Requests sent again after the connection to the upstream failed").register(meters);
            for (CircuitBreaker.State each : CircuitBreaker.State.values()) {
                Gauge.builder("eventline.gateway.circuit.breaker.state", breaker, b -> b.state() == each ? 1 : 0)
                        .tag("upstream", name).tag("state", each.name().toLowerCase())
                        .description("1 for the state the upstream's circuit breaker is in, 0 for the others")
                        .register(meters);
            }
            byUpstream.put(name, new Guards(name, breaker, retries));
        }
    }

    /**
     * Runs one exchange (send the request, get response headers) under the upstream's breaker, and for a
     * request that can safely be sent twice, retries it when the connection failed.
     */
    public Future<ProxyResponse> exchange(Upstream upstream, boolean retryable, Supplier<Future<ProxyResponse>> send) {
        return attempt(byUpstream.get(upstream.name()), retryable ? maxRetries : 0, send);
    }

    private Future<ProxyResponse> attempt(Guards guards, int retriesLeft, Supplier<Future<ProxyResponse>> send) {
        if (!guards.breaker().tryAcquire()) {
            return Future.failedFuture(new CircuitOpen(guards.upstream()));
        }
        Future<ProxyResponse> sent = send.get();
        return sent.transform(outcome -> {
            guards.breaker().record(outcome.failed() && isUpstreamFailure(outcome.cause()));
            if (outcome.succeeded() || retriesLeft == 0 || !isWorthRetrying(outcome.cause())) {
                return sent;
            }
            guards.retries().increment();
            Log.infof("Retrying a request to the %s upstream after: %s", guards.upstream(), outcome.cause().getMessage());
            return vertx.timer(retryDelayMillis).compose(ignored -> attempt(guards, retriesLeft - 1, send));
        });
    }

    /** What to tell a caller refused by an open breaker: the breaker's delay is when it lets requests through again. */
    public long retryAfterSeconds() {
        return breakerDelaySeconds;
    }

    public static boolean isCircuitOpen(Throwable failure) {
        return failure instanceof CircuitOpen;
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
        return !(failure instanceof TimeoutException) && !(failure instanceof CircuitOpen)
                && !(failure instanceof CallerFault);
    }

    /** The upstream's breaker is open: the exchange was not even tried. */
    static final class CircuitOpen extends RuntimeException {
        CircuitOpen(String upstream) {
            super("the circuit breaker of the " + upstream + " upstream is open", null, false, false);
        }
    }

    /** The exchange failed because of what the caller sent (e.g. a body over the limit), not the upstream. */
    static final class CallerFault extends RuntimeException {
        CallerFault(Throwable cause) {
            super(cause.getMessage(), cause, false, false);
        }
    }
}
