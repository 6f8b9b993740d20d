package io.eventline.gateway.openapi;

import java.util.List;
import java.util.Locale;
import java.util.Map;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;

import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.yaml.snakeyaml.DumperOptions;
import org.yaml.snakeyaml.Yaml;

import io.eventline.gateway.problem.Problem;
import io.eventline.gateway.problem.ProblemResponses;
import io.eventline.gateway.routing.RouteTable;
import io.quarkus.logging.Log;
import io.vertx.core.http.HttpHeaders;
import io.vertx.core.http.HttpMethod;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.web.Router;
import io.vertx.ext.web.RoutingContext;

/**
 * Serves the public API's OpenAPI document at {@code /openapi}, as JSON or YAML ({@code ?format=json|yaml},
 * else the {@code Accept} header, else JSON), without a key: it describes what callers may do, and holds
 * nothing a key protects. The browsable UI at {@code /docs/} is a static page reading this document.
 */
@ApplicationScoped
public class OpenApiRoutes {

    public static final String PATH = "/openapi";
    static final String YAML = "application/yaml";
    static final String JSON = "application/json";

    private final ServiceDocuments services;
    private final PublicApiDocument merger;

    @Inject
    public OpenApiRoutes(ServiceDocuments services, RouteTable routes,
            @ConfigProperty(name = "quarkus.application.version", defaultValue = "0.1.0") String version) {
        this.services = services;
        this.merger = new PublicApiDocument(routes, version);
    }

    void register(@Observes Router router) {
        router.route(PATH).method(HttpMethod.GET).method(HttpMethod.HEAD).handler(this::serve);
    }

    void serve(RoutingContext rc) {
        String format = format(rc);
        if (format == null) {
            ProblemResponses.send(rc, Problem.of("invalid-parameter", "Invalid parameter", 400,
                    "'format' must be 'json' or 'yaml'.").with("parameter", "format"));
            return;
        }
        services.all().onComplete(done -> {
            Map<String, Object> document;
            try {
                document = merger.merge(done.succeeded() ? done.result() : List.of());
            } catch (RuntimeException e) {
                Log.errorf(e, "The public OpenAPI document could not be merged");
                document = merger.merge(List.of());
            }
            String body = format.equals(YAML) ? yaml(document) : new JsonObject(document).encodePrettily();
            rc.response()
                    .putHeader(HttpHeaders.CONTENT_TYPE, format + ";charset=UTF-8")
                    .putHeader(HttpHeaders.CACHE_CONTROL, "no-cache")
                    .putHeader(HttpHeaders.VARY, "Accept")
                    .end(body);
        });
    }

    /** The media type asked for, or null for a {@code format} parameter the gateway does not serve. */
    static String format(RoutingContext rc) {
        String parameter = rc.request().getParam("format");
        if (parameter != null) {
            return switch (parameter.toLowerCase(Locale.ROOT)) {
                case "json" -> JSON;
                case "yaml", "yml" -> YAML;
                default -> null;
            };
        }
        String accept = rc.request().getHeader(HttpHeaders.ACCEPT);
        if (accept != null) {
            String lower = accept.toLowerCase(Locale.ROOT);
            int yaml = firstOf(lower, "application/yaml", "application/x-yaml", "text/yaml");
            int json = firstOf(lower, "application/json");
            if (yaml >= 0 && (json < 0 || yaml < json)) {
                return YAML;
            }
        }
        return JSON;
    }

    private static int firstOf(String accept, String... types) {
        int first = -1;
        for (String type : types) {
            int at = accept.indexOf(type);
            if (at >= 0 && (first < 0 || at < first)) {
                first = at;
            }
        }
        return first;
    }

    private static String yaml(Map<String, Object> document) {
        DumperOptions options = new DumperOptions();
        options.setDefaultFlowStyle(DumperOptions.FlowStyle.BLOCK);
        options.setIndent(2);
        options.setWidth(120);
        options.setSplitLines(false);
        return new Yaml(options).dump(document);
    }
}
