package io.eventline.manifests;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;

/** Helpers to read the identity of a Kubernetes object held as a tree. */
final class Resource {

    private Resource() {
    }

    static String apiVersion(JsonNode r) {
        return r.path("apiVersion").asText();
    }

    static String kind(JsonNode r) {
        return r.path("kind").asText();
    }

    static String name(JsonNode r) {
        return r.path("metadata").path("name").asText();
    }

    static String group(JsonNode r) {
        String apiVersion = apiVersion(r);
        int slash = apiVersion.indexOf('/');
        return slash < 0 ? "" : apiVersion.substring(0, slash);
    }

    /** kind/name, as messages name an object. */
    static String id(JsonNode r) {
        return kind(r) + "/" + name(r);
    }

    static boolean is(JsonNode r, String kind, String name) {
        return kind(r).equals(kind) && name(r).equals(name);
    }

    static ObjectNode copy(ObjectNode r) {
        return r.deepCopy();
    }
}
