package io.eventline.gateway.openapi;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

import io.eventline.gateway.auth.Scope;
import io.eventline.gateway.routing.Route;
import io.eventline.gateway.routing.RouteTable;
import io.vertx.core.http.HttpMethod;

/**
 * The OpenAPI document of the public API, as callers of the gateway see it: the services' own documents,
 * cut down to the public paths the gateway routes to each of them, with their components merged (a name two
 * services use for different things is prefixed with the service's name), the gateway's bearer-key scheme,
 * the scope each operation needs, and the refusals the gateway itself answers with. A service whose
 * document could not be fetched is named in {@code info.description} and {@code x-eventline-sources}: its
 * last known paths are kept (stale), or are missing if it never answered.
 */
public final class PublicApiDocument {

    static final String SECURITY_SCHEME = "apiKey";
    static final String PROBLEM_SCHEMA = "GatewayProblem";
    private static final String DEFAULT_OPENAPI_VERSION = "3.0.3";
    private static final List<String> OPERATIONS = List.of("get", "put", "post", "delete", "options", "head", "patch",
            "trace");
    private static final String COMPONENTS_REF = "#/components/";

    /** The gateway's own refusals, as reusable responses: status, component name, description. */
    private record GatewayResponse(String status, String name, String description) {
    }

    private static final GatewayResponse UNAUTHORIZED = new GatewayResponse("401", "GatewayUnauthorized",
            "No API key, or a key the gateway does not know (`missing-api-key`, `unknown-api-key`).");
    private static final GatewayResponse FORBIDDEN = new GatewayResponse("403", "GatewayForbidden",
            "The key lacks the scope this operation needs (`insufficient-scope`, with `requiredScope`).");
    private static final GatewayResponse TOO_LARGE = new GatewayResponse("413", "GatewayBodyTooLarge",
            "The request body is over the gateway's limit (`body-too-large`, with `maxBytes`).");
    private static final GatewayResponse RATE_LIMITED = new GatewayResponse("429", "GatewayRateLimited",
            "The key's rate limit for this scope is used up (`rate-limited`); see `Retry-After`.");
    private static final GatewayResponse UNAVAILABLE = new GatewayResponse("503", "GatewayUpstreamUnavailable",
            "The service behind this path cannot be reached, or its circuit is open (`upstream-unavailable`).");
    private static final GatewayResponse TIMEOUT = new GatewayResponse("504", "GatewayUpstreamTimeout",
            "The service behind this path did not answer in time (`upstream-timeout`).");

    private final RouteTable routes;
    private final String gatewayVersion;

    public PublicApiDocument(RouteTable routes, String gatewayVersion) {
        this.routes = routes;
        this.gatewayVersion = gatewayVersion;
    }

    /** The merged document, from the services' documents in route order. Never fails on a service's content. */
    public Map<String, Object> merge(List<ServiceDocument> services) {
        Map<String, Object> components = new LinkedHashMap<>();
        addGatewayComponents(components);
        Map<String, Object> paths = new LinkedHashMap<>();
        Map<String, Object> tags = new LinkedHashMap<>();
        List<Object> sources = new ArrayList<>();
        List<String> notes = new ArrayList<>();
        Set<String> versions = new LinkedHashSet<>();

        for (ServiceDocument service : services) {
            Optional<String> problem = service.problem();
            if (service.document().isPresent()) {
                Map<String, Object> document = service.document().get();
                try {
                    if (document.get("openapi") instanceof String version) {
                        versions.add(version);
                    }
                    mergeService(service.service(), document, paths, components, tags);
                } catch (RuntimeException e) {
                    // A document of an unexpected shape: leave what merged so far, never fail the whole answer.
                    problem = Optional.of("its document could not be read: " + e.getClass().getSimpleName());
                }
            }
            Map<String, Object> source = new LinkedHashMap<>();
            source.put("service", service.service());
            source.put("state", service.state().wireName());
            service.fetchedAt().ifPresent(at -> source.put("fetchedAt", at.toString()));
            problem.ifPresent(why -> source.put("problem", why));
            sources.add(source);
            switch (service.state()) {
                case STALE -> notes.add("**" + service.service() + "-service could not be asked** ("
                        + problem.orElse("no answer") + "): its paths are as described at "
                        + service.fetchedAt().map(Object::toString).orElse("an earlier time") + ".");
                case UNAVAILABLE -> notes.add("**" + service.service() + "-service could not be asked** ("
                        + problem.orElse("no answer") + "): its paths are missing from this document.");
                case CURRENT -> problem.ifPresent(why -> notes.add("**" + service.service() + "-service**: " + why));
            }
        }

        Map<String, Object> document = new LinkedHashMap<>();
        document.put("openapi", versions.stream().max(String::compareTo).orElse(DEFAULT_OPENAPI_VERSION));
        document.put("info", info(notes));
        document.put("servers", List.of(Map.of("url", "/", "description", "this gateway")));
        document.put("security", List.of(Map.of(SECURITY_SCHEME, List.of())));
        if (!tags.isEmpty()) {
            document.put("tags", new ArrayList<>(tags.values()));
        }
        document.put("paths", paths);
        document.put("components", components);
        document.put("x-eventline-sources", sources);
        return document;
    }

    private Map<String, Object> info(List<String> notes) {
        StringBuilder description = new StringBuilder(
                "The public API of Eventline, served through the api-gateway and gathered from the services' own "
                        + "descriptions. Every call needs an API key sent as `Authorization: Bearer <key>`; "
                        + "`x-eventline-required-scope` on each operation says which scope it needs. Refusals by the "
                        + "gateway are RFC 9457 problems (`application/problem+json`).");
        if (!notes.isEmpty()) {
            description.append("\n\n**Incomplete document.**");
            notes.forEach(note -> description.append("\n\n").append(note));
        }
        Map<String, Object> info = new LinkedHashMap<>();
        info.put("title", "Eventline public API");
        info.put("version", gatewayVersion);
        info.put("description", description.toString());
        return info;
    }

    @SuppressWarnings("unchecked")
    private void mergeService(String service, Map<String, Object> document, Map<String, Object> paths,
            Map<String, Object> components, Map<String, Object> tags) {
        Map<String, Object> servicePaths = asMap(document.get("paths"));
        Map<String, Object> serviceComponents = asMap(document.get("components"));

        Map<String, Object> kept = new LinkedHashMap<>();
        for (Map.Entry<String, Object> path : servicePaths.entrySet()) {
            Optional<Route> route = routes.match(path.getKey());
            if (path.getKey().startsWith("/api/v1/") || path.getKey().equals("/api/v1")) {
                if (route.isPresent() && route.get().upstream().name().equals(service) && !paths.containsKey(path.getKey())
                        && path.getValue() instanceof Map) {
                    kept.put(path.getKey(), path.getValue());
                }
            }
        }

        // Components the kept paths need, directly or through other components.
        Set<String> needed = new LinkedHashSet<>();
        Deque<Object> toVisit = new ArrayDeque<>(kept.values());
        while (!toVisit.isEmpty()) {
            for (String ref : refs(toVisit.pop())) {
                if (needed.add(ref)) {
                    componentAt(serviceComponents, ref).ifPresent(toVisit::push);
                }
            }
        }

        // Same name, same definition: shared. Same name, another definition: this service's gets prefixed.
        Map<String, String> renamed = new LinkedHashMap<>();
        Map<String, Map<String, Object>> additions = new LinkedHashMap<>();
        for (String ref : needed) {
            Optional<Object> definition = componentAt(serviceComponents, ref);
            if (definition.isEmpty()) {
                continue; // a dangling reference stays as the service wrote it
            }
            String[] parts = ref.substring(COMPONENTS_REF.length()).split("/", 2);
            String type = parts[0];
            String name = parts[1];
            Map<String, Object> ofType = (Map<String, Object>) components.computeIfAbsent(type, t -> new LinkedHashMap<>());
            String target = name;
            if (ofType.containsKey(name) && !ofType.get(name).equals(definition.get())) {
                target = service + "_" + name;
                for (int n = 2; ofType.containsKey(target) && !ofType.get(target).equals(definition.get()); n++) {
                    target = service + "_" + name + "_" + n;
                }
                renamed.put(ref, COMPONENTS_REF + type + "/" + target);
            }
            additions.computeIfAbsent(type, t -> new LinkedHashMap<>()).put(target, definition.get());
            ofType.putIfAbsent(target, definition.get()); // reserve the name for the next ones
        }
        additions.forEach((type, definitions) -> {
            Map<String, Object> ofType = (Map<String, Object>) components.get(type);
            definitions.forEach((name, definition) -> ofType.put(name, rewriteRefs(definition, renamed)));
        });

        for (Map.Entry<String, Object> path : kept.entrySet()) {
            Map<String, Object> item = (Map<String, Object>) rewriteRefs(path.getValue(), renamed);
            Route route = routes.match(path.getKey()).orElseThrow();
            for (String method : OPERATIONS) {
                if (item.get(method) instanceof Map<?, ?> operation) {
                    addGatewayResponses((Map<String, Object>) operation, route, method);
                }
            }
            paths.put(path.getKey(), item);
        }

        for (Object tag : asList(document.get("tags"))) {
            if (tag instanceof Map<?, ?> map && map.get("name") instanceof String name) {
                tags.putIfAbsent(name, tag);
            }
        }
    }

    private void addGatewayResponses(Map<String, Object> operation, Route route, String method) {
        HttpMethod httpMethod = HttpMethod.valueOf(method.toUpperCase(java.util.Locale.ROOT));
        Optional<Scope> scope = route.requiredScope(httpMethod);
        operation.put("x-eventline-required-scope", scope.map(Scope::wireName).orElse("any valid key"));
        @SuppressWarnings("unchecked")
        Map<String, Object> responses = (Map<String, Object>) operation.computeIfAbsent("responses",
                r -> new LinkedHashMap<>());
        List<GatewayResponse> added = new ArrayList<>(List.of(UNAUTHORIZED));
        scope.ifPresent(s -> added.add(FORBIDDEN));
        if (!Route.isRead(httpMethod) || operation.containsKey("requestBody")) {
            added.add(TOO_LARGE);
        }
        added.addAll(List.of(RATE_LIMITED, UNAVAILABLE, TIMEOUT));
        for (GatewayResponse response : added) {
            // The service's own description of a status wins: it knows more about it.
            responses.putIfAbsent(response.status(), Map.of("$ref", COMPONENTS_REF + "responses/" + response.name()));
        }
    }

    @SuppressWarnings("unchecked")
    private static void addGatewayComponents(Map<String, Object> components) {
        Map<String, Object> schemes = (Map<String, Object>) components.computeIfAbsent("securitySchemes",
                t -> new LinkedHashMap<>());
        schemes.put(SECURITY_SCHEME, Map.of("type", "http", "scheme", "bearer",
                "description", "An Eventline API key. Keys have scopes: `articles:write`, `timelines:read`, "
                        + "`timelines:write`, `admin` (all of them)."));

        Map<String, Object> properties = new LinkedHashMap<>();
        properties.put("type", Map.of("type", "string", "example", "urn:eventline:problem:missing-api-key"));
        properties.put("title", Map.of("type", "string"));
        properties.put("status", Map.of("type", "integer"));
        properties.put("detail", Map.of("type", "string"));
        properties.put("instance", Map.of("type", "string"));
        properties.put("requestId", Map.of("type", "string"));
        Map<String, Object> problem = new LinkedHashMap<>();
        problem.put("type", "object");
        problem.put("description", "An RFC 9457 problem detail answered by the gateway itself; some problems add "
                + "members (`requiredScope`, `maxBytes`, `retryAfterSeconds`, `upstream`).");
        problem.put("required", List.of("type", "title", "status"));
        problem.put("properties", properties);
        problem.put("additionalProperties", true);
        ((Map<String, Object>) components.computeIfAbsent("schemas", t -> new LinkedHashMap<>())).put(PROBLEM_SCHEMA,
                problem);

        Map<String, Object> responses = (Map<String, Object>) components.computeIfAbsent("responses",
                t -> new LinkedHashMap<>());
        for (GatewayResponse response : List.of(UNAUTHORIZED, FORBIDDEN, TOO_LARGE, RATE_LIMITED, UNAVAILABLE, TIMEOUT)) {
            responses.put(response.name(), Map.of("description", response.description(),
                    "content", Map.of("application/problem+json",
                            Map.of("schema", Map.of("$ref", COMPONENTS_REF + "schemas/" + PROBLEM_SCHEMA)))));
        }
    }

    /** Every local component reference in a part of a document. */
    private static Set<String> refs(Object node) {
        Set<String> found = new LinkedHashSet<>();
        Deque<Object> stack = new ArrayDeque<>();
        stack.push(node);
        while (!stack.isEmpty()) {
            Object current = stack.pop();
            if (current instanceof Map<?, ?> map) {
                if (map.get("$ref") instanceof String ref && ref.startsWith(COMPONENTS_REF)
                        && ref.substring(COMPONENTS_REF.length()).contains("/")) {
                    found.add(ref);
                }
                map.values().forEach(value -> {
                    if (value != null) {
                        stack.push(value);
                    }
                });
            } else if (current instanceof List<?> list) {
                list.forEach(value -> {
                    if (value != null) {
                        stack.push(value);
                    }
                });
            }
        }
        return found;
    }

    private static Optional<Object> componentAt(Map<String, Object> components, String ref) {
        String[] parts = ref.substring(COMPONENTS_REF.length()).split("/", 2);
        if (parts.length < 2) {
            return Optional.empty();
        }
        return Optional.ofNullable(asMap(components.get(parts[0])).get(unescape(parts[1])));
    }

    /** JSON Pointer escapes (RFC 6901) in a component name. */
    private static String unescape(String token) {
        return token.replace("~1", "/").replace("~0", "~");
    }

    /** A deep copy with references renamed. */
    private static Object rewriteRefs(Object node, Map<String, String> renamed) {
        if (node instanceof Map<?, ?> map) {
            Map<String, Object> copy = new LinkedHashMap<>();
            map.forEach((key, value) -> {
                if ("$ref".equals(key) && value instanceof String ref) {
                    copy.put("$ref", renamed.getOrDefault(ref, ref));
                } else {
                    copy.put(String.valueOf(key), rewriteRefs(value, renamed));
                }
            });
            return copy;
        }
        if (node instanceof List<?> list) {
            List<Object> copy = new ArrayList<>(list.size());
            list.forEach(value -> copy.add(rewriteRefs(value, renamed)));
            return copy;
        }
        return node;
    }

    @SuppressWarnings("unchecked")
    private static Map<String, Object> asMap(Object node) {
        return node instanceof Map<?, ?> map ? (Map<String, Object>) map : Map.of();
    }

    private static List<?> asList(Object node) {
        return node instanceof List<?> list ? list : List.of();
    }
}
