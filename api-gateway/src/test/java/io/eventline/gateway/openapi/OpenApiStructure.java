package io.eventline.gateway.openapi;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Structural checks of an OpenAPI 3 document, standing in for a full validator (swagger-parser is not in
 * the build's Maven repository): the required members, operations with responses, response codes, unique
 * operation ids, path parameters declared, security requirements naming declared schemes, and every local
 * {@code $ref} resolving.
 */
final class OpenApiStructure {

    private static final Set<String> OPERATIONS = Set.of("get", "put", "post", "delete", "options", "head", "patch",
            "trace");
    private static final Pattern STATUS = Pattern.compile("default|[1-5](\\d\\d|XX)");
    private static final Pattern TEMPLATE = Pattern.compile("\\{([^}/]+)}");
    private static final Pattern COMPONENT_NAME = Pattern.compile("^[a-zA-Z0-9.\\-_]+$");

    private OpenApiStructure() {
    }

    /** What is wrong with the document; empty when it is a structurally valid OpenAPI 3 document. */
    static List<String> violations(Map<String, Object> document) {
        List<String> violations = new ArrayList<>();
        if (!(document.get("openapi") instanceof String version) || !version.matches("3\\.[01]\\.\\d+")) {
            violations.add("openapi must be 3.0.x or 3.1.x, is " + document.get("openapi"));
        }
        Map<String, Object> info = map(document.get("info"));
        if (!(info.get("title") instanceof String) || !(info.get("version") instanceof String)) {
            violations.add("info needs a title and a version");
        }
        Map<String, Object> components = map(document.get("components"));
        components.forEach((type, ofType) -> map(ofType).keySet().forEach(name -> {
            if (!COMPONENT_NAME.matcher(name).matches()) {
                violations.add("component name " + type + "/" + name + " has characters OpenAPI forbids");
            }
        }));
        Set<String> operationIds = new HashSet<>();
        map(document.get("paths")).forEach((path, itemObject) -> {
            if (!path.startsWith("/")) {
                violations.add("path " + path + " does not start with /");
            }
            Map<String, Object> item = map(itemObject);
            Set<String> pathLevel = pathParameters(item.get("parameters"));
            item.forEach((method, operationObject) -> {
                if (!OPERATIONS.contains(method)) {
                    return;
                }
                Map<String, Object> operation = map(operationObject);
                String where = method.toUpperCase() + " " + path;
                Map<String, Object> responses = map(operation.get("responses"));
                if (responses.isEmpty()) {
                    violations.add(where + " has no responses");
                }
                responses.forEach((status, response) -> {
                    if (!STATUS.matcher(status).matches()) {
                        violations.add(where + " has response code " + status);
                    }
                    Map<String, Object> answer = map(response);
                    if (!answer.containsKey("$ref") && !(answer.get("description") instanceof String)) {
                        violations.add(where + " response " + status + " has no description");
                    }
                });
                if (operation.get("operationId") instanceof String id && !operationIds.add(id)) {
                    violations.add("operationId " + id + " is used twice");
                }
                Set<String> declared = new HashSet<>(pathLevel);
                declared.addAll(pathParameters(operation.get("parameters")));
                Matcher template = TEMPLATE.matcher(path);
                while (template.find()) {
                    if (!declared.contains(template.group(1))) {
                        violations.add(where + " does not declare path parameter " + template.group(1));
                    }
                }
            });
        });
        Map<String, Object> schemes = map(components.get("securitySchemes"));
        for (Object requirement : list(document.get("security"))) {
            map(requirement).keySet().stream().filter(name -> !schemes.containsKey(name))
                    .forEach(name -> violations.add("security names undeclared scheme " + name));
        }
        collectRefs(document, new ArrayList<>()).forEach(ref -> {
            if (!resolves(document, ref)) {
                violations.add("$ref " + ref + " does not resolve");
            }
        });
        return violations;
    }

    static List<String> collectRefs(Object node, List<String> refs) {
        if (node instanceof Map<?, ?> map) {
            map.forEach((key, value) -> {
                if ("$ref".equals(key) && value instanceof String ref) {
                    refs.add(ref);
                } else {
                    collectRefs(value, refs);
                }
            });
        } else if (node instanceof List<?> list) {
            list.forEach(value -> collectRefs(value, refs));
        }
        return refs;
    }

    private static boolean resolves(Map<String, Object> document, String ref) {
        if (!ref.startsWith("#/")) {
            return false; // the merged document must stand alone
        }
        Object at = document;
        for (String token : ref.substring(2).split("/")) {
            at = map(at).get(token.replace("~1", "/").replace("~0", "~"));
            if (at == null) {
                return false;
            }
        }
        return true;
    }

    private static Set<String> pathParameters(Object parameters) {
        Set<String> names = new HashSet<>();
        for (Object parameter : list(parameters)) {
            Map<String, Object> p = map(parameter);
            if ("path".equals(p.get("in")) && p.get("name") instanceof String name) {
                names.add(name);
            }
        }
        return names;
    }

    @SuppressWarnings("unchecked")
    static Map<String, Object> map(Object node) {
        return node instanceof Map<?, ?> map ? (Map<String, Object>) map : Map.of();
    }

    static List<?> list(Object node) {
        return node instanceof List<?> list ? list : List.of();
    }
}
