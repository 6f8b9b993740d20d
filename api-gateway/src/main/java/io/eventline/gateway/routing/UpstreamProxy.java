package io.eventline.gateway.routing;

import java.io.IOException;
import java.net.ConnectException;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.function.Consumer;

import jakarta.annotation.PreDestroy;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import org.eclipse.microprofile.config.inject.ConfigProperty;

import io.eventline.gateway.auth.ApiKey;
import io.eventline.gateway.config.GatewayConfig;
import io.eventline.gateway.problem.Problem;
import io.eventline.gateway.problem.ProblemResponses;
import io.eventline.gateway.ratelimit.RateLimiter.Admission;
import io.eventline.gateway.requestid.RequestIds;
import io.opentelemetry.api.OpenTelemetry;
import io.quarkus.logging.Log;
import io.vertx.core.Context;
import io.vertx.core.Future;
import io.vertx.core.MultiMap;
import io.vertx.core.Vertx;
import io.vertx.core.http.HttpClient;
import io.vertx.core.http.HttpClientOptions;
import io.vertx.core.http.HttpClosedException;
import io.vertx.core.http.HttpHeaders;
import io.vertx.core.http.HttpServerRequest;
import io.vertx.core.http.HttpServerResponse;
import io.vertx.core.http.PoolOptions;
import io.vertx.core.http.RequestOptions;
import io.vertx.ext.web.RoutingContext;
import io.vertx.httpproxy.Body;
import io.vertx.httpproxy.HttpProxy;
import io.vertx.httpproxy.ProxyContext;
import io.vertx.httpproxy.ProxyInterceptor;
import io.vertx.httpproxy.ProxyOptions;
import io.vertx.httpproxy.ProxyRequest;
import io.vertx.httpproxy.ProxyResponse;

/**
 * Forwards an authorised request to its upstream and streams the answer back, using Vert.x's reverse
 * proxy. Bodies are piped chunk by chunk in both directions, never held whole in memory. What this class
 * adds to the library: the gateway's header policy, the request-size limit for bodies of unknown length,
 * and problem details instead of empty 502s when the upstream can't be reached or is too slow.
 */
@ApplicationScoped
public class UpstreamProxy {

    /** Hop-by-hop headers (RFC 9110 section 7.6.1): they describe one connection and must not be relayed. */
    /** Response headers only the gateway may set. */
    private static final List<String> GATEWAY_OWNED_RESPONSE_HEADERS = List.of("RateLimit-Limit", "RateLimit-Remaining",
            "RateLimit-Reset", "RateLimit", "RateLimit-Policy");

    private static final List<String> HOP_BY_HOP = List.of("connection", "keep-alive", "proxy-authenticate",
            "proxy-authorization", "proxy-connection", "te", "trailer", "transfer-encoding", "upgrade");

    /** Never changed after this: the proxy only reads its options. */
    private static final ProxyOptions PROXY_OPTIONS = new ProxyOptions().setSupportWebSocket(false);

    private final Vertx vertx;
    private final GatewayConfig config;
    private final UpstreamGuards guards;
    private final InFlightRevalidations revalidations;
    private final HttpClient client;
    /**
     * With tracing on, the Vert.x tracer writes the trace headers (traceparent, tracestate, baggage) of the
     * gateway's own span, continuing the caller's trace; the caller's copies would come second and make the
     * trace ambiguous. With tracing off the caller's pass through untouched.
     */
    private final List<String> traceHeaders;

    @Inject
    public UpstreamProxy(Vertx vertx, GatewayConfig config, UpstreamGuards guards, InFlightRevalidations revalidations,
            OpenTelemetry openTelemetry, @ConfigProperty(name = "quarkus.otel.sdk.disabled") boolean tracingOff) {
        this.vertx = vertx;
        this.config = config;
        this.guards = guards;
        this.revalidations = revalidations;
        this.traceHeaders = tracingOff ? List.of() : List.copyOf(openTelemetry.getPropagators().getTextMapPropagator().fields());
        int connectMillis = (int) config.connectTimeout().toMillis();
        this.client = vertx.createHttpClient(
                new HttpClientOptions()
                        .setConnectTimeout(connectMillis)
                        .setKeepAlive(true)
                        // Closes pooled connections before the upstream's own idle timeout would.
                        .setKeepAliveTimeout((int) Math.max(1, config.upstreamKeepAliveTimeout().toSeconds()))
                        // Bodies pass through as the upstream encoded them; the caller decodes.
                        .setDecompressionSupported(false)
                        // Gives up on a connection that goes silent mid-response instead of holding it forever.
                        .setIdleTimeout((int) config.upstreamIdleTimeout().toMillis())
                        .setIdleTimeoutUnit(TimeUnit.MILLISECONDS)
                        // A page's Link header repeats its query, which may be as long as the request line
                        // the gateway takes (128 KiB): Vert.x's 8 KB default broke such answers off as a 502.
                        .setMaxHeaderSize(256 * 1024),
                new PoolOptions().setHttp1MaxSize(config.connectionsPerUpstream()));
    }

    @PreDestroy
    void close() {
        client.close();
    }

    /** Forwards the request; the proxy answers the caller itself (with the upstream response or a problem). */
    public void forward(RoutingContext rc, Route route, ApiKey caller, Admission admission) {
        // One budget for the whole exchange: time spent waiting for a pooled connection, or for an identical
        // revalidation in flight, is taken from the time left for the answer, so a caller hears back within
        // the route's timeout, not twice it.
        long deadline = System.nanoTime() + route.timeout().toNanos();
        Waiting waiting = new Waiting(rc, route, caller, admission, deadline);
        InFlightRevalidations.Part part = revalidations.take(rc, route, RequestIds.of(rc), waiting);
        if (part instanceof InFlightRevalidations.Waits) {
            waiting.start();
        } else if (part instanceof InFlightRevalidations.Leads leads) {
            // Whatever ends the leader's exchange (a caller gone, a failure on the way), the waiters don't hang.
            rc.addEndHandler(ignored -> leads.flight().land(null));
            send(rc, route, caller, admission, deadline, leads.flight());
        } else {
            send(rc, route, caller, admission, deadline, null);
        }
    }

    /** Sends the request upstream; a {@code flight}'s leader tells its waiters what the answer was. */
    private void send(RoutingContext rc, Route route, ApiKey caller, Admission admission, long deadline,
            InFlightRevalidations.Flight flight) {
        Upstream upstream = route.upstream();
        // A proxy per request: its interceptor holds the request's own state (route, caller, admission), which
        // the library offers no other way to hand over than context locals (a map lookup each); a proxy is
        // a few small objects.
        HttpProxy proxy = HttpProxy.reverseProxy(PROXY_OPTIONS, client)
                .origin(context -> client.request(new RequestOptions()
                        .setHost(upstream.host())
                        .setPort(upstream.port())
                        .setSsl(upstream.ssl())
                        // Time to get a connection: waiting for one of the pool's to be free, or connecting
                        // (itself bounded by connect-timeout, in the client's options). A full pool is the
                        // gateway's own queue: a burst of callers waits there within the route's time,
                        // instead of getting 503s that count against the upstream's circuit breaker.
                        .setConnectTimeout(millisLeft(deadline))
                        // Starts once connected, ends when response headers arrive: "did not answer in time".
                        .setIdleTimeout(route.timeout().toMillis()))
                        // Failures also fail the response, which is where they are turned into problems and
                        // logged; without a handler Vert.x would log each one again as an ERROR.
                        .map(request -> request
                                .idleTimeout(millisLeft(deadline))
                                .exceptionHandler(cause -> Log.debugf("%s request ended early: %s",
                                        upstream.name(), cause.getMessage())))
                        // No connection free within the route's time is a timeout (504); a failed connect, down.
                        .recover(cause -> Future.failedFuture(cause instanceof TimeoutException ? cause : new UpstreamUnreachable(cause))))
                .addInterceptor(new GatewayInterceptor(rc, route, caller, admission, flight));
        proxy.handle(rc.request());
    }


    /**
     * A revalidation waiting for an identical one in flight: it answers with the leader's 304, or sends its
     * own request when the leader got anything else, or gives up with a 504 when its route's time is up.
     */
    private final class Waiting implements Consumer<MultiMap> {
        private final RoutingContext rc;
        private final Route route;
        private final ApiKey caller;
        private final Admission admission;
        private final long deadline;
        private final Context context = Vertx.currentContext();
        /** Taken by the landing or the timeout, whichever comes first. */
        private final AtomicBoolean over = new AtomicBoolean();
        private long timer;

        Waiting(RoutingContext rc, Route route, ApiKey caller, Admission admission, long deadline) {
            this.rc = rc;
            this.route = route;
            this.caller = caller;
            this.admission = admission;
            this.deadline = deadline;
        }

        void start() {
            // Set before any landing is handled: that runs on this same context, after this handler returns.
            timer = vertx.setTimer(millisLeft(deadline), ignored -> timedOut());
        }

        /** Called by the landing, on the leader's thread. */
        @Override
        public void accept(MultiMap notModifiedHeaders) {
            if (!over.compareAndSet(false, true)) {
                return;
            }
            context.runOnContext(ignored -> {
                vertx.cancelTimer(timer);
                boolean shared = notModifiedHeaders != null;
                revalidations.waited(route.upstream(), shared ? "not-modified" : "sent-own");
                if (rc.response().closed()) {
                    return;
                }
                if (shared) {
                    admission.settle(304);
                    admission.writeHeaders(rc.response().headers());
                    sendWithoutBody(rc.response(), 304, notModifiedHeaders);
                } else {
                    send(rc, route, caller, admission, deadline, null);
                }
            });
        }

        private void timedOut() {
            if (!over.compareAndSet(false, true)) {
                return;
            }
            revalidations.waited(route.upstream(), "timed-out");
            Log.warnf("%s upstream did not answer an identical %s %s within %d ms [request %s]", route.upstream().name(),
                    rc.request().method(), rc.normalizedPath(), route.timeout().toMillis(), RequestIds.of(rc));
            if (!rc.response().closed()) {
                ProblemResponses.send(rc, Problem.upstreamTimeout(route.upstream().name(), route.timeout().toMillis()));
            }
        }
    }

    private static long millisLeft(long deadline) {
        return Math.max(1, TimeUnit.NANOSECONDS.toMillis(deadline - System.nanoTime()));
    }

    /** Could not get a connection to the upstream at all: it's down, not slow. */
    static final class UpstreamUnreachable extends RuntimeException {
        UpstreamUnreachable(Throwable cause) {
            super(cause.getMessage(), cause, false, false);
        }
    }

    private final class GatewayInterceptor implements ProxyInterceptor {
        private final RoutingContext rc;
        private final Route route;
        private final ApiKey caller;
        private final Admission admission;
        /** The revalidations waiting on this request's answer, if it leads any. */
        private final InFlightRevalidations.Flight flight;
        private final String requestId;
        private boolean bodyTooLarge;
        private boolean answeredByGateway;

        GatewayInterceptor(RoutingContext rc, Route route, ApiKey caller, Admission admission,
                InFlightRevalidations.Flight flight) {
            this.rc = rc;
            this.route = route;
            this.caller = caller;
            this.admission = admission;
            this.flight = flight;
            this.requestId = RequestIds.of(rc);
        }

        @Override
        public Future<ProxyResponse> handleProxyRequest(ProxyContext context) {
            ProxyRequest outgoing = context.request();
            HttpServerRequest incoming = outgoing.proxiedRequest();
            MultiMap headers = outgoing.headers();

            removeConnectionListedHeaders(headers);
            // The key authenticates the caller to the gateway only; upstreams trust the gateway.
            headers.remove(HttpHeaders.AUTHORIZATION);
            // The gateway has already answered "100 Continue" to the caller where asked.
            headers.remove(HttpHeaders.EXPECT);
            // Callers can't vouch for their own origin; the gateway states it.
            headers.remove("Forwarded");
            headers.set("X-Forwarded-For", incoming.remoteAddress() == null ? "unknown" : incoming.remoteAddress().hostAddress());
            headers.set("X-Forwarded-Proto", incoming.scheme() == null ? "http" : incoming.scheme());
            String host = incoming.getHeader(HttpHeaders.HOST);
            if (host != null) {
                headers.set("X-Forwarded-Host", host);
            } else {
                headers.remove("X-Forwarded-Host");
            }
            headers.set(RequestIds.HEADER, requestId);
            traceHeaders.forEach(headers::remove);

            // Forward the normalised path the route and scope decisions were made on, not the raw one, so
            // "/api/v1/articles/../timelines" can't reach a route it wasn't authorised for.
            String query = incoming.query();
            outgoing.setURI(route.upstream().basePath() + rc.normalizedPath() + (query == null ? "" : "?" + query));

            Body body = outgoing.getBody();
            boolean retryable = Route.isRead(incoming.method()) && !UnreadBody.hasBody(incoming);
            if (retryable) {
                // Sent without a body, so it can be sent again; the caller's (empty) body is read to its end.
                if (body != null) {
                    body.stream().resume();
                }
                outgoing.setBody(null);
            } else if (body != null) {
                long max = config.maxBodySize().asLongValue();
                outgoing.setBody(Body.body(new LimitedBody(body.stream(), max, () -> bodyTooLarge = true), body.length()));
            }

            int closedConnectionsToSkip = retryable ? config.connectionsPerUpstream() : 0;
            return guards.exchange(route.upstream(), retryable, () -> sendSkippingClosedConnections(context, closedConnectionsToSkip)
                            .recover(cause -> Future.failedFuture(bodyTooLarge ? new UpstreamGuards.CallerFault(cause) : cause)))
                    .recover(cause -> Future.succeededFuture(problemResponse(context, cause)));
        }

        /**
         * Sends the request; a read lost because its pooled connection was closed by the upstream before any
         * answer (it restarted, or closed the idle connection as the request went out) goes again at once on
         * another connection. Each such failure takes one dead connection out of the pool, so no more than the
         * pool's size of them can come in a row. The retries of the resilience guard, with their pause and
         * budget, are for an upstream that fails, not for connections it had already let go.
         */
        private Future<ProxyResponse> sendSkippingClosedConnections(ProxyContext context, int closedLeft) {
            return context.sendRequest().recover(cause -> closedLeft > 0 && isClosedConnection(cause)
                    ? sendSkippingClosedConnections(context, closedLeft - 1)
                    : Future.failedFuture(cause));
        }

        @Override
        public Future<Void> handleProxyResponse(ProxyContext context) {
            if (answeredByGateway) {
                return context.sendResponse();
            }
            ProxyResponse response = context.response();
            MultiMap headers = response.headers();
            removeConnectionListedHeaders(headers);
            HOP_BY_HOP.forEach(headers::remove);
            // Already on the response: the gateway's id is the one the caller knows, and the gateway owns
            // rate limits and CORS, so an upstream's own headers for them would contradict it.
            headers.remove(RequestIds.HEADER);
            GATEWAY_OWNED_RESPONSE_HEADERS.forEach(headers::remove);
            // names() is a copy: removing from it would leave the headers as they are.
            headers.names().stream().filter(name -> name.regionMatches(true, 0, "Access-Control-", 0, 15))
                    .toList().forEach(headers::remove);
            int status = response.getStatusCode();
            if (flight != null) {
                flight.land(status == 304 ? headers : null);
            }
            admission.settle(status);
            admission.writeHeaders(rc.response().headers());
            if (status == 304 || status == 204) {
                Future<Void> sent = sendWithoutBody(rc.response(), status, headers);
                // Lets the upstream connection finish its (empty) response and go back to the pool; after
                // the headers are copied, since releasing clears them.
                response.release();
                return sent;
            }
            return context.sendResponse();
        }

        private ProxyResponse problemResponse(ProxyContext context, Throwable cause) {
            Upstream upstream = route.upstream();
            Problem problem;
            if (UpstreamGuards.isCircuitOpen(cause)) {
                Log.infof("%s upstream's circuit is open; refused %s %s [request %s]", upstream.name(), rc.request().method(),
                        rc.normalizedPath(), requestId);
                problem = Problem.circuitOpen(upstream.name(), guards.retryAfterSeconds());
                rc.response().putHeader(HttpHeaders.RETRY_AFTER, Long.toString(guards.retryAfterSeconds()));
            } else if (bodyTooLarge) {
                long max = config.maxBodySize().asLongValue();
                Log.infof("Refused %s %s [request %s, key %s]: body over %d bytes", rc.request().method(),
                        rc.normalizedPath(), requestId, caller.name(), max);
                problem = Problem.bodyTooLarge(max);
                UnreadBody.beforeRefusal(rc, true, max);
            } else if (cause instanceof UpstreamUnreachable) {
                Log.warnf("%s upstream unreachable at %s for %s %s [request %s]: %s", upstream.name(),
                        upstream.baseUrl(), rc.request().method(), rc.normalizedPath(), requestId, describe(cause.getCause()));
                problem = Problem.upstreamUnavailable(upstream.name());
            } else if (cause instanceof TimeoutException) {
                Log.warnf("%s upstream did not answer %s %s within %d ms [request %s]: %s", upstream.name(),
                        rc.request().method(), rc.normalizedPath(), route.timeout().toMillis(), requestId, cause.getMessage());
                problem = Problem.upstreamTimeout(upstream.name(), route.timeout().toMillis());
            } else {
                Log.warnf("%s upstream failed %s %s [request %s]: %s", upstream.name(), rc.request().method(),
                        rc.normalizedPath(), requestId, describe(cause));
                problem = Problem.badGateway(upstream.name());
            }
            answeredByGateway = true;
            if (flight != null) {
                flight.land(null);
            }
            ProxyResponse response = context.request().release().response()
                    .setStatusCode(problem.status())
                    .setBody(Body.body(ProblemResponses.body(rc, problem)));
            response.putHeader(HttpHeaders.CONTENT_TYPE, Problem.MEDIA_TYPE);
            response.putHeader(HttpHeaders.CACHE_CONTROL, "no-store");
            return response;
        }
    }

    /**
     * 304 and 204 never have a body. The proxy library would still announce a chunked one when the upstream
     * sent no Content-Length, so these are relayed directly: status and headers, nothing else.
     */
    private static Future<Void> sendWithoutBody(HttpServerResponse out, int status, MultiMap upstreamHeaders) {
        out.setStatusCode(status);
        upstreamHeaders.forEach(header -> out.headers().add(header.getKey(), header.getValue()));
        return out.end();
    }

    /** Headers the sender marked as hop-by-hop by naming them in its Connection header. */
    private static void removeConnectionListedHeaders(MultiMap headers) {
        for (String value : headers.getAll(HttpHeaders.CONNECTION)) {
            for (String token : value.split(",")) {
                String name = token.strip().toLowerCase(Locale.ROOT);
                if (!name.isEmpty()) {
                    headers.remove(name);
                }
            }
        }
    }

    /** The connection was closed or reset under the request, before an answer: not a timeout, not a refused connect. */
    static boolean isClosedConnection(Throwable cause) {
        return cause instanceof HttpClosedException
                || cause instanceof IOException && !(cause instanceof ConnectException) && String.valueOf(cause.getMessage()).contains("reset");
    }

    private static String describe(Throwable cause) {
        if (cause instanceof ConnectException) {
            return "connection refused or timed out (" + cause.getMessage() + ")";
        }
        return cause.getClass().getSimpleName() + ": " + cause.getMessage();
    }
}
