package io.eventline.gateway.openapi;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;

import jakarta.annotation.PreDestroy;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import org.yaml.snakeyaml.LoaderOptions;
import org.yaml.snakeyaml.Yaml;
import org.yaml.snakeyaml.constructor.SafeConstructor;

import io.eventline.gateway.config.GatewayConfig;
import io.eventline.gateway.routing.RouteTable;
import io.eventline.gateway.routing.Upstream;
import io.quarkus.logging.Log;
import io.vertx.core.Future;
import io.vertx.core.Promise;
import io.vertx.core.Vertx;
import io.vertx.core.http.HttpClient;
import io.vertx.core.http.HttpClientOptions;
import io.vertx.core.http.HttpHeaders;
import io.vertx.core.http.HttpMethod;
import io.vertx.core.http.RequestOptions;

/**
 * The services' own OpenAPI documents ({@code /q/openapi}), fetched when asked for and reused for the cache
 * time. A fetch that fails or takes longer than the fetch timeout leaves the document fetched before, marked
 * stale, so the merged document is always served, whatever state the services are in.
 */
@ApplicationScoped
public class ServiceDocuments {

    /** A service document bigger than this is refused, not parsed. */
    private static final int MAX_DOCUMENT_BYTES = 4 * 1024 * 1024;

    private final List<Upstream> upstreams;
    private final HttpClient client;
    private final Duration cacheTtl;
    private final Duration fetchTimeout;
    private final Clock clock;
    private final Map<String, ServiceDocument> known = new ConcurrentHashMap<>();
    /** Fetches under way, shared by the requests that arrive meanwhile. */
    private final Map<String, Future<ServiceDocument>> inFlight = new ConcurrentHashMap<>();

    @Inject
    public ServiceDocuments(Vertx vertx, RouteTable routes, GatewayConfig config) {
        this.upstreams = routes.upstreams();
        this.cacheTtl = config.openapi().cacheTtl();
        this.fetchTimeout = config.openapi().fetchTimeout();
        this.clock = Clock.systemUTC();
        this.client = vertx.createHttpClient(new HttpClientOptions()
                .setConnectTimeout((int) Math.min(fetchTimeout.toMillis(), config.connectTimeout().toMillis()))
                // twice the fetch timeout: an idle timeout equal to it raced the request's own timeout on a silent
                // service, which was then reported as "Connection was closed" instead of as silent
                .setIdleTimeout((int) fetchTimeout.toMillis() * 2)
                .setIdleTimeoutUnit(TimeUnit.MILLISECONDS)
                .setDecompressionSupported(true));
    }

    @PreDestroy
    void close() {
        client.close();
    }

    /** Every service's document, in route order; completes within about the fetch timeout and never fails. */
    public Future<List<ServiceDocument>> all() {
        List<Future<ServiceDocument>> documents = new ArrayList<>();
        for (Upstream upstream : upstreams) {
            documents.add(of(upstream));
        }
        return Future.join(documents).transform(done -> {
            List<ServiceDocument> result = new ArrayList<>();
            for (int i = 0; i < documents.size(); i++) {
                Future<ServiceDocument> document = documents.get(i);
                result.add(document.succeeded() ? document.result()
                        : ServiceDocument.unavailable(upstreams.get(i).name(), "internal error"));
            }
            return Future.succeededFuture(result);
        });
    }

    private Future<ServiceDocument> of(Upstream upstream) {
        ServiceDocument cached = known.get(upstream.name());
        Instant now = clock.instant();
        if (cached != null && cached.state() == ServiceDocument.State.CURRENT
                && cached.fetchedAt().orElseThrow().plus(cacheTtl).isAfter(now)) {
            return Future.succeededFuture(cached);
        }
        Future<ServiceDocument> fetching = inFlight.computeIfAbsent(upstream.name(), name -> fetch(upstream));
        fetching.onComplete(done -> inFlight.remove(upstream.name(), fetching));
        return fetching;
    }

    private Future<ServiceDocument> fetch(Upstream upstream) {
        Promise<ServiceDocument> result = Promise.promise();
        RequestOptions request = new RequestOptions()
                .setMethod(HttpMethod.GET)
                .setHost(upstream.host())
                .setPort(upstream.port())
                .setSsl(upstream.ssl())
                .setURI(upstream.basePath() + "/q/openapi?format=json")
                .putHeader(HttpHeaders.ACCEPT, "application/json")
                .setTimeout(fetchTimeout.toMillis());
        client.request(request)
                .compose(outgoing -> outgoing.send())
                .compose(response -> {
                    if (response.statusCode() != 200) {
                        return Future.failedFuture("answered HTTP " + response.statusCode());
                    }
                    String length = response.getHeader(HttpHeaders.CONTENT_LENGTH);
                    if (length != null && length.matches("\\d{1,18}") && Long.parseLong(length) > MAX_DOCUMENT_BYTES) {
                        return Future.failedFuture("its document is over " + MAX_DOCUMENT_BYTES + " bytes");
                    }
                    return response.body();
                })
                .onComplete(done -> {
                    ServiceDocument previous = known.getOrDefault(upstream.name(),
                            ServiceDocument.unavailable(upstream.name(), "not fetched yet"));
                    ServiceDocument next;
                    if (done.succeeded()) {
                        next = parse(upstream.name(), done.result().toString(java.nio.charset.StandardCharsets.UTF_8))
                                .map(document -> ServiceDocument.current(upstream.name(), document, clock.instant()))
                                .orElseGet(() -> previous.failed("its document is not a JSON or YAML object"));
                    } else {
                        String why = describe(done.cause());
                        Log.warnf("OpenAPI document of %s-service (%s) not fetched: %s", upstream.name(),
                                upstream.baseUrl(), why);
                        next = previous.failed(why);
                    }
                    known.put(upstream.name(), next);
                    result.complete(next);
                });
        return result.future();
    }

    @SuppressWarnings("unchecked")
    static java.util.Optional<Map<String, Object>> parse(String service, String text) {
        if (text.length() > MAX_DOCUMENT_BYTES) {
            return java.util.Optional.empty();
        }
        LoaderOptions options = new LoaderOptions();
        options.setMaxAliasesForCollections(50);
        options.setCodePointLimit(MAX_DOCUMENT_BYTES);
        try {
            Object parsed = new Yaml(new SafeConstructor(options)).load(text);
            return parsed instanceof Map<?, ?> map ? java.util.Optional.of((Map<String, Object>) map)
                    : java.util.Optional.empty();
        } catch (RuntimeException e) {
            Log.warnf("OpenAPI document of %s-service unreadable: %s", service, e.getMessage());
            return java.util.Optional.empty();
        }
    }

    private static String describe(Throwable failure) {
        String message = failure.getMessage();
        if (failure instanceof java.net.ConnectException || message != null && message.contains("Connection refused")) {
            return "connection refused";
        }
        if (failure instanceof java.util.concurrent.TimeoutException || message != null && message.contains("timeout")) {
            return "no answer within the fetch timeout";
        }
        return message == null ? failure.getClass().getSimpleName() : message;
    }
}
