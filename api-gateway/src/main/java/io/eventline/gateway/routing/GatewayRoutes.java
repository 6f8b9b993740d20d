package io.eventline.gateway.routing;

import java.util.Optional;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;

import io.eventline.gateway.auth.ApiKey;
import io.eventline.gateway.auth.ApiKeyRegistry;
import io.eventline.gateway.auth.ApiKeyStore;
import io.eventline.gateway.auth.BearerKey;
import io.eventline.gateway.auth.Scope;
import io.eventline.gateway.config.GatewayConfig;
import io.eventline.gateway.edge.CorsPolicy;
import io.eventline.gateway.edge.RequestScreening;
import io.eventline.gateway.observability.AccessLog;
import io.eventline.gateway.problem.Problem;
import io.eventline.gateway.problem.ProblemResponses;
import io.eventline.gateway.ratelimit.Allowance;
import io.eventline.gateway.ratelimit.RateLimiter;
import io.eventline.gateway.ratelimit.RateLimiter.Admission;
import io.eventline.gateway.requestid.RequestIds;
import io.quarkus.logging.Log;
import io.smallrye.common.vertx.ContextLocals;
import io.vertx.core.http.HttpHeaders;
import io.vertx.core.http.HttpServerRequest;
import io.vertx.ext.web.Router;
import io.vertx.ext.web.RoutingContext;

/**
 * The gateway's request pipeline on Quarkus' Vert.x router: every request gets a request id and an access
 * log line, and is screened (path traversal, header size); under /api, CORS preflights are answered, and
 * requests are checked (key in the URL, framing, size, key, route, scope, rate limit) and forwarded;
 * anything else nobody serves is a 404 problem. Health and metrics under /q are Quarkus' own routes and
 * need no key.
 */
@ApplicationScoped
public class GatewayRoutes {

    /**
     * Runs before everything else so even early refusals carry the request id. Quarkus' own handlers
     * that must come first (access log, configured headers) use Integer.MIN_VALUE.
     */
    static final int ORDER_REQUEST_ID = Integer.MIN_VALUE + 100;
    static final int ORDER_ACCESS_LOG = ORDER_REQUEST_ID + 1;
    static final int ORDER_SCREENING = ORDER_REQUEST_ID + 2;
    static final int ORDER_CORS = ORDER_REQUEST_ID + 3;

    /**
     * Just before Quarkus' generic upload limit (order -2), which would answer oversized bodies with a
     * bare 413 instead of a problem. Bodies stream only because this module has no REST extension: one
     * would install a body handler (order Integer.MIN_VALUE + 1) that buffers every body first.
     */
    static final int ORDER_API = -3;

    private static final String WWW_AUTHENTICATE = "WWW-Authenticate";

    /** The route an /api request was matched to, kept from the CORS handler for the forwarding one. */
    private static final String MATCHED_ROUTE = "eventline.route";

    /** Key Quarkus' HTTP metrics read the uri tag from (set by REST endpoints too). */
    private static final String METRICS_PATH_TEMPLATE = "UrlPathTemplate";

    private final RouteTable routes;
    private final ApiKeyRegistry keys;
    private final UpstreamProxy proxy;
    private final RateLimiter rateLimiter;
    private final CorsPolicy cors;
    private final AccessLog accessLog;
    private final long maxBodyBytes;
    private final long maxHeaderBytes;

    @Inject
    public GatewayRoutes(RouteTable routes, ApiKeyRegistry keys, UpstreamProxy proxy, RateLimiter rateLimiter,
            CorsPolicy cors, AccessLog accessLog, GatewayConfig config) {
        this.routes = routes;
        this.keys = keys;
        this.proxy = proxy;
        this.rateLimiter = rateLimiter;
        this.cors = cors;
        this.accessLog = accessLog;
        this.maxBodyBytes = config.maxBodySize().asLongValue();
        this.maxHeaderBytes = config.maxHeaderSize().asLongValue();
    }

    void register(@Observes Router router) {
        router.route().order(ORDER_REQUEST_ID).handler(RequestIds::assign);
        router.route().order(ORDER_REQUEST_ID).failureHandler(this::onFailure);
        router.route().order(ORDER_ACCESS_LOG).handler(accessLog::start);
        router.route().order(ORDER_SCREENING).handler(this::screen);
        router.route("/api/*").order(ORDER_CORS).handler(rc -> {
            // Named here already so that preflights, answered by CORS, are logged and counted under their route.
            Optional<Route> route = routes.match(rc.normalizedPath());
            rc.put(MATCHED_ROUTE, route);
            route.ifPresent(matched -> AccessLog.route(rc, matched.name()));
            cors.handle(rc);
        });
        router.route("/api/*").order(ORDER_API).handler(this::handleApi);
        router.route().last().handler(rc -> ProblemResponses.send(rc, Problem.notFound(rc.normalizedPath())));
        for (Route route : routes.routes()) {
            Log.infof("Route %s -> %s (%s)", route.metricsTemplate(), route.upstream().name(), route.upstream().baseUrl());
        }
    }

    /** Refusals that apply to every path, /q included, before anything has looked at the request. */
    void screen(RoutingContext rc) {
        Optional<Problem> refused = RequestScreening.screen(rc.request(), maxHeaderBytes);
        if (refused.isPresent()) {
            Log.infof("Refused %s %s [request %s]: %s", rc.request().method(), rc.request().path(), RequestIds.of(rc),
                    refused.get().title());
            refuse(rc, refused.get());
            return;
        }
        rc.next();
    }

    void handleApi(RoutingContext rc) {
        HttpServerRequest request = rc.request();
        String path = rc.normalizedPath();
        Optional<Route> route = rc.get(MATCHED_ROUTE);
        ContextLocals.put(METRICS_PATH_TEMPLATE, route.map(Route::metricsTemplate).orElse(RouteTable.UNROUTED_METRICS_TEMPLATE));

        Optional<String> keyInUrl = RequestScreening.credentialParameter(request);
        if (keyInUrl.isPresent()) {
            // The query string is deliberately not logged: it holds the key.
            Log.infof("Refused %s %s [request %s]: credential in query parameter '%s'", request.method(), path,
                    RequestIds.of(rc), keyInUrl.get());
            refuse(rc, Problem.apiKeyInQuery(keyInUrl.get()));
            return;
        }
        Optional<Problem> malformed = checkFraming(request);
        if (malformed.isPresent()) {
            refuse(rc, malformed.get());
            return;
        }
        if (declaredLength(request) > maxBodyBytes) {
            Log.infof("Refused %s %s [request %s]: declared body of %s bytes exceeds %d", request.method(), path,
                    RequestIds.of(rc), request.getHeader(HttpHeaders.CONTENT_LENGTH), maxBodyBytes);
            refuse(rc, Problem.bodyTooLarge(maxBodyBytes));
            return;
        }

        Optional<String> presented = BearerKey.from(request.headers());
        if (presented.isEmpty()) {
            Log.infof("Refused %s %s [request %s]: no API key", request.method(), path, RequestIds.of(rc));
            rc.response().putHeader(WWW_AUTHENTICATE, "Bearer realm=\"eventline\"");
            refuse(rc, Problem.missingApiKey());
            return;
        }
        Optional<ApiKey> caller = keys.authenticate(presented.get());
        if (caller.isEmpty()) {
            Log.infof("Refused %s %s [request %s]: unknown API key (sha256 %s...)", request.method(), path,
                    RequestIds.of(rc), ApiKeyStore.fingerprint(presented.get()));
            rc.response().putHeader(WWW_AUTHENTICATE, "Bearer realm=\"eventline\", error=\"invalid_token\"");
            refuse(rc, Problem.unknownApiKey());
            return;
        }
        AccessLog.key(rc, caller.get().name());

        if (route.isEmpty()) {
            refuse(rc, Problem.noRoute(path));
            return;
        }
        Optional<Scope> required = route.get().requiredScope(request.method());
        if (required.isPresent() && !caller.get().has(required.get())) {
            Log.infof("Refused %s %s [request %s]: key %s lacks scope %s", request.method(), path, RequestIds.of(rc),
                    caller.get().name(), required.get());
            rc.response().putHeader(WWW_AUTHENTICATE,
                    "Bearer realm=\"eventline\", error=\"insufficient_scope\", scope=\"" + required.get() + "\"");
            refuse(rc, Problem.insufficientScope(caller.get().name(), required.get().wireName()));
            return;
        }

        Allowance allowance = Allowance.forRequiredScope(required);
        Admission admission = rateLimiter.admit(caller.get().name(), allowance, isConditionalRead(request));
        admission.writeHeaders(rc.response().headers());
        if (!admission.admitted()) {
            Log.infof("Refused %s %s [request %s]: key %s is over its %s rate limit", request.method(), path,
                    RequestIds.of(rc), caller.get().name(), allowance.settingName());
            accessLog.rateLimited(route.get().name(), caller.get().name());
            rc.response().putHeader(HttpHeaders.RETRY_AFTER, Long.toString(admission.retryAfterSeconds()));
            refuse(rc, Problem.rateLimited(caller.get().name(), allowance.settingName(), admission.retryAfterSeconds()));
            return;
        }

        if (UnreadBody.expectsContinue(request)) {
            // Quarkus leaves "Expect: 100-continue" to the application; without this the client waits.
            rc.response().writeContinue();
        }
        proxy.forward(rc, route.get(), caller.get(), admission);
    }

    /** A read the upstream may answer with 304, which is charged less. */
    private static boolean isConditionalRead(HttpServerRequest request) {
        return Route.isRead(request.method()) && (request.headers().contains(HttpHeaders.IF_NONE_MATCH)
                || request.headers().contains(HttpHeaders.IF_MODIFIED_SINCE));
    }

    private void refuse(RoutingContext rc, Problem problem) {
        UnreadBody.beforeRefusal(rc, problem.status() == 413, maxBodyBytes);
        ProblemResponses.send(rc, problem);
    }

    /** Turns any failure on the way into a problem; the cause goes to the log, never to the caller. */
    void onFailure(RoutingContext rc) {
        Throwable failure = rc.failure();
        if (failure != null) {
            Log.errorf(failure, "Request %s %s [request %s] failed", rc.request().method(), rc.normalizedPath(),
                    RequestIds.of(rc));
        }
        int status = rc.statusCode();
        if (failure == null && status >= 400 && status < 500) {
            ProblemResponses.send(rc, Problem.of("http-" + status, "Request refused", status,
                    "The request could not be handled as sent."));
        } else {
            ProblemResponses.send(rc, Problem.internalError());
        }
    }

    /**
     * Rejects what the proxy could not forward faithfully: transfer codings other than plain chunked.
     * (Malformed Content-Length never gets here; the HTTP layer refuses it while parsing.)
     */
    private static Optional<Problem> checkFraming(HttpServerRequest request) {
        for (String coding : request.headers().getAll(HttpHeaders.TRANSFER_ENCODING)) {
            if (!coding.equals("chunked")) {
                return Optional.of(Problem.malformedRequest("Only 'Transfer-Encoding: chunked' is supported."));
            }
        }
        return Optional.empty();
    }

    /** The declared body size, or -1 when the body is chunked or absent (then the proxy enforces the limit). */
    private static long declaredLength(HttpServerRequest request) {
        String length = request.getHeader(HttpHeaders.CONTENT_LENGTH);
        try {
            return length == null ? -1 : Long.parseLong(length.strip());
        } catch (NumberFormatException e) {
            return -1;
        }
    }
}
