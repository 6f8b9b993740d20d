package io.eventline.gateway.observability;

import java.time.Duration;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import org.jboss.logging.Logger;
import org.jboss.logging.MDC;

import io.eventline.gateway.requestid.RequestIds;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import io.opentelemetry.api.trace.Span;
import io.opentelemetry.api.trace.SpanContext;
import io.vertx.ext.web.RoutingContext;

/**
 * One structured line and one set of measurements per request, written when the response has ended (or
 * the connection was lost). The line is logfmt ({@code key=value}) in the category {@value #CATEGORY}, so
 * it can be routed, filtered or turned off on its own; its fields are also in the MDC for JSON log formats.
 * <p>
 * Labels are bounded: route names (never paths) and key names (never keys), plus "none" and "unrouted".
 * Operational endpoints under /q are neither logged nor measured here: probes would drown the rest.
 */
@ApplicationScoped
public class AccessLog {

    public static final String CATEGORY = "eventline.access";

    /** Route label of /api paths that no route owns, and of everything else outside /api and /q. */
    public static final String UNROUTED = "unrouted";
    /** Key label of requests without a recognised key. */
    public static final String NO_KEY = "none";

    private static final Logger LOG = Logger.getLogger(CATEGORY);
    private static final String ROUTE = "eventline.access.route";
    private static final String KEY = "eventline.access.key";
    private static final String STARTED = "eventline.access.started";
    private static final String TRACE = "eventline.access.trace";

    /** Latency buckets: where the interesting boundaries of a gateway in front of JSON services lie. */
    private static final Duration[] LATENCY_BUCKETS = {Duration.ofMillis(5), Duration.ofMillis(10),
            Duration.ofMillis(25), Duration.ofMillis(50), Duration.ofMillis(100), Duration.ofMillis(250),
            Duration.ofMillis(500), Duration.ofSeconds(1), Duration.ofMillis(2500), Duration.ofSeconds(5),
            Duration.ofSeconds(10)};

    private static final String[] STATUS_CLASSES = {"0xx", "1xx", "2xx", "3xx", "4xx", "5xx"};

    private final MeterRegistry meters;
    /**
     * The request timers by route, key and status label, looked up here rather than built and registered
     * again on every request (Micrometer's builder and registry lookup were a noticeable share of a proxied
     * request's CPU). Bounded like the labels: routes times key names times six status labels.
     */
    private final Map<String, Timer> timers = new ConcurrentHashMap<>();

    @Inject
    public AccessLog(MeterRegistry meters) {
        this.meters = meters;
    }

    /** Route handler, right after the request id is settled: starts the clock and logs when the response ends. */
    public void start(RoutingContext rc) {
        if (!rc.request().path().startsWith("/q/")) {
            rc.put(STARTED, System.nanoTime());
            // The request's server span, current here when tracing is on: the line then leads to the trace.
            SpanContext span = Span.current().getSpanContext();
            if (span.isValid()) {
                rc.put(TRACE, span.getTraceId());
            }
            rc.addEndHandler(ignored -> finish(rc));
        }
        rc.next();
    }

    /** Names the route a request was matched to, for the log line and the metrics labels. */
    public static void route(RoutingContext rc, String routeName) {
        rc.put(ROUTE, routeName);
        MDC.put("route", routeName);
    }

    /** Names the key that made the request once it is recognised. */
    public static void key(RoutingContext rc, String keyName) {
        rc.put(KEY, keyName);
        MDC.put("apiKey", keyName);
    }

    /** Counts a 429, so rejections can be watched per key and route without parsing logs. */
    public void rateLimited(String routeName, String keyName) {
        Counter.builder("eventline.gateway.rate.limited").tag("route", routeName).tag("key", keyName)
                .description("Requests refused with 429 because the key's bucket was empty").register(meters)
                .increment();
    }

    private void finish(RoutingContext rc) {
        long nanos = System.nanoTime() - rc.<Long>get(STARTED);
        String route = rc.get(ROUTE, UNROUTED);
        String key = rc.get(KEY, NO_KEY);
        int status = rc.response().getStatusCode();
        // Ended before the response was complete (the caller went away): log it as such, not as its status.
        boolean complete = rc.response().ended();
        String statusLabel = complete ? STATUS_CLASSES[Math.min(5, Math.max(0, status / 100))] : "aborted";
        timer(route, key, statusLabel).record(nanos, TimeUnit.NANOSECONDS);
        if (!LOG.isInfoEnabled()) {
            return;
        }
        String trace = rc.get(TRACE);
        // Built by hand: String.format (a Formatter, and DecimalFormatSymbols for the %.1f) on every request
        // showed in the gateway's profile.
        StringBuilder line = new StringBuilder(256)
                .append("method=").append(rc.request().method().name())
                .append(" path=").append(rc.request().path())
                .append(" route=").append(route)
                .append(" key=").append(key)
                .append(" status=").append(status)
                .append(complete ? "" : " aborted=true")
                .append(" duration_ms=");
        long tenths = (nanos + 50_000) / 100_000;
        line.append(tenths / 10).append('.').append(tenths % 10)
                .append(" bytes_in=").append(rc.request().bytesRead())
                .append(" bytes_out=").append(rc.response().bytesWritten())
                .append(" request_id=").append(RequestIds.of(rc));
        if (trace != null) {
            line.append(" trace_id=").append(trace);
        }
        LOG.info(line.toString());
    }

    private Timer timer(String route, String key, String status) {
        return timers.computeIfAbsent(route + ' ' + key + ' ' + status, ignored -> Timer.builder("eventline.gateway.requests")
                .description("Requests by route, key and status class, with latency until the response ended")
                .tag("route", route).tag("key", key).tag("status", status)
                .serviceLevelObjectives(LATENCY_BUCKETS)
                .register(meters));
    }
}
