package io.eventline.manifests;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.databind.node.TextNode;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * The subset of kustomize that deploy/k8s uses, so the build can render the overlays where no
 * kustomize is installed. Where {@code kubectl} exists, the tests check that this rendering equals
 * {@code kubectl kustomize}'s. Anything outside the subset fails loudly, so the manifests cannot
 * drift into features this renderer would silently get wrong.
 *
 * <p>Supported: {@code resources} (files and directories with their own kustomization),
 * {@code namespace}, {@code labels} (pairs, without selectors or templates), {@code images}
 * (name, newName, newTag, digest), {@code replicas}, {@code patches} (strategic merge, with or
 * without target; JSON 6902 add/replace/remove with a target of kind and name regex), and
 * {@code configMapGenerator} (files and literals, with {@code disableNameSuffixHash: true}).
 * Applied in kustomize's order: resources, generators, patches, namespace, labels, replicas, images.
 */
final class Kustomize {

    private static final Set<String> FIELDS = Set.of("apiVersion", "kind", "namespace", "resources", "labels",
            "images", "replicas", "patches", "configMapGenerator");
    /** Strategic-merge keys of the lists this subset merges (in built-in kinds); other lists are replaced. */
    private static final Map<String, String> MERGE_KEYS = Map.of(
            "containers", "name", "initContainers", "name", "env", "name", "volumes", "name",
            "volumeMounts", "mountPath", "imagePullSecrets", "name");
    /** Kinds without a namespace among those used here. */
    private static final Set<String> CLUSTER_SCOPED = Set.of("Namespace", "ClusterRole", "ClusterRoleBinding",
            "CustomResourceDefinition", "PriorityClass", "StorageClass", "IngressClass");
    private static final Set<String> SCALABLE = Set.of("Deployment", "StatefulSet", "ReplicaSet");

    private Kustomize() {
    }

    /** Renders the kustomization in {@code dir}, like {@code kubectl kustomize dir}. */
    static List<ObjectNode> build(Path dir) {
        Path file = dir.resolve("kustomization.yaml");
        if (!Files.isRegularFile(file)) {
            throw new IllegalArgumentException(dir + " has no kustomization.yaml");
        }
        JsonNode k = Yamls.readAll(file).get(0);
        k.fieldNames().forEachRemaining(field -> {
            if (!FIELDS.contains(field)) {
                throw new UnsupportedOperationException(file + ": kustomize field '" + field
                        + "' is outside the subset the build renders (deploy/README.md, Kustomize subset)");
            }
        });
        expect(k.path("apiVersion").asText().equals("kustomize.config.k8s.io/v1beta1"), file, "apiVersion");
        expect(k.path("kind").asText().equals("Kustomization"), file, "kind");

        List<ObjectNode> resources = new ArrayList<>();
        for (JsonNode entry : k.path("resources")) {
            Path target = dir.resolve(entry.asText()).normalize();
            if (Files.isDirectory(target)) {
                resources.addAll(build(target));
            } else {
                resources.addAll(Yamls.objects(target));
            }
        }
        for (JsonNode generator : k.path("configMapGenerator")) {
            resources.add(configMap(dir, file, generator));
        }
        for (JsonNode patch : k.path("patches")) {
            applyPatch(dir, file, patch, resources);
        }
        if (k.hasNonNull("namespace")) {
            String namespace = k.get("namespace").asText();
            for (ObjectNode r : resources) {
                if (!CLUSTER_SCOPED.contains(Resource.kind(r))) {
                    metadata(r).put("namespace", namespace);
                }
            }
        }
        for (JsonNode label : k.path("labels")) {
            only(label, file, "labels[]", "pairs", "includeSelectors", "includeTemplates");
            expect(!label.path("includeSelectors").asBoolean(false), file, "labels[].includeSelectors must be false");
            expect(!label.path("includeTemplates").asBoolean(false), file, "labels[].includeTemplates must be false");
            for (ObjectNode r : resources) {
                ObjectNode labels = metadata(r).with("labels");
                label.path("pairs").fields().forEachRemaining(e -> labels.put(e.getKey(), e.getValue().asText()));
            }
        }
        for (JsonNode replica : k.path("replicas")) {
            only(replica, file, "replicas[]", "name", "count");
            boolean found = false;
            for (ObjectNode r : resources) {
                if (SCALABLE.contains(Resource.kind(r)) && Resource.name(r).equals(replica.path("name").asText())) {
                    ((ObjectNode) r.path("spec")).put("replicas", replica.path("count").asInt());
                    found = true;
                }
            }
            expect(found, file, "replicas: no workload named " + replica.path("name").asText());
        }
        for (JsonNode image : k.path("images")) {
            only(image, file, "images[]", "name", "newName", "newTag", "digest");
            for (ObjectNode r : resources) {
                setImages(r, image);
            }
        }
        return resources;
    }

    private static ObjectNode configMap(Path dir, Path file, JsonNode generator) {
        only(generator, file, "configMapGenerator[]", "name", "files", "literals", "options");
        JsonNode options = generator.path("options");
        only(options, file, "configMapGenerator[].options", "disableNameSuffixHash", "labels", "annotations");
        // the hash suffix (and the renaming of references it implies) is not implemented
        expect(options.path("disableNameSuffixHash").asBoolean(false), file,
                "configMapGenerator needs options.disableNameSuffixHash: true");
        ObjectNode cm = JsonNodeFactory.instance.objectNode();
        cm.put("apiVersion", "v1");
        cm.put("kind", "ConfigMap");
        ObjectNode metadata = cm.putObject("metadata");
        metadata.put("name", generator.path("name").asText());
        if (options.has("labels")) {
            metadata.set("labels", options.get("labels").deepCopy());
        }
        if (options.has("annotations")) {
            metadata.set("annotations", options.get("annotations").deepCopy());
        }
        ObjectNode data = cm.putObject("data");
        for (JsonNode literal : generator.path("literals")) {
            String text = literal.asText();
            int eq = text.indexOf('=');
            data.put(text.substring(0, eq), text.substring(eq + 1));
        }
        for (JsonNode entry : generator.path("files")) {
            String text = entry.asText();
            int eq = text.indexOf('=');
            String path = eq < 0 ? text : text.substring(eq + 1);
            String key = eq < 0 ? Path.of(path).getFileName().toString() : text.substring(0, eq);
            try {
                data.put(key, Files.readString(dir.resolve(path)));
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }
        return cm;
    }

    private static void applyPatch(Path dir, Path file, JsonNode patch, List<ObjectNode> resources) {
        only(patch, file, "patches[]", "path", "patch", "target");
        List<JsonNode> documents = patch.has("path")
                ? Yamls.readAll(dir.resolve(patch.get("path").asText()))
                : Yamls.readAll(patch.path("patch").asText());
        JsonNode target = patch.path("target");
        only(target, file, "patches[].target", "group", "version", "kind", "name");
        if (documents.size() == 1 && documents.get(0).isArray()) {
            expect(target.has("kind"), file, "a JSON 6902 patch needs target.kind");
            int matched = 0;
            for (ObjectNode r : resources) {
                if (matches(target, r)) {
                    for (JsonNode op : documents.get(0)) {
                        json6902(r, op, file);
                    }
                    matched++;
                }
            }
            expect(matched > 0, file, "patch target " + target + " matches nothing");
            return;
        }
        for (JsonNode document : documents) {
            int matched = 0;
            for (int i = 0; i < resources.size(); i++) {
                ObjectNode r = resources.get(i);
                boolean hit = target.isMissingNode()
                        ? Resource.kind(r).equals(Resource.kind(document)) && Resource.name(r).equals(Resource.name(document))
                        : matches(target, r);
                if (hit) {
                    resources.set(i, (ObjectNode) merge(r, document, builtIn(r), ""));
                    matched++;
                }
            }
            expect(matched > 0, file, "strategic merge patch " + Resource.id(document) + " matches nothing");
        }
    }

    private static boolean matches(JsonNode target, ObjectNode r) {
        if (target.has("kind") && !target.get("kind").asText().equals(Resource.kind(r))) {
            return false;
        }
        if (target.has("group") && !target.get("group").asText().equals(Resource.group(r))) {
            return false;
        }
        if (target.has("version") && !Resource.apiVersion(r).endsWith(target.get("version").asText())) {
            return false;
        }
        return !target.has("name") || Pattern.matches(target.get("name").asText(), Resource.name(r));
    }

    /** Kinds of the Kubernetes API itself, where strategic merge knows list merge keys; custom resources get JSON merge. */
    private static boolean builtIn(JsonNode r) {
        String group = Resource.group(r);
        return !group.contains(".") || group.endsWith(".k8s.io");
    }

    static JsonNode merge(JsonNode original, JsonNode patch, boolean builtIn, String field) {
        if (original != null && original.isObject() && patch.isObject()) {
            ObjectNode result = ((ObjectNode) original).deepCopy();
            Iterator<Map.Entry<String, JsonNode>> fields = patch.fields();
            while (fields.hasNext()) {
                Map.Entry<String, JsonNode> e = fields.next();
                if (e.getKey().startsWith("$")) {
                    throw new UnsupportedOperationException("strategic merge directive " + e.getKey() + " is outside the subset");
                }
                if (e.getValue().isNull()) {
                    result.remove(e.getKey());
                } else {
                    result.set(e.getKey(), merge(result.get(e.getKey()), e.getValue(), builtIn, e.getKey()));
                }
            }
            return result;
        }
        if (original != null && original.isArray() && patch.isArray() && builtIn) {
            if (field.equals("ports")) {
                throw new UnsupportedOperationException("patching a ports list is outside the subset (its merge key depends on the kind)");
            }
            String key = MERGE_KEYS.get(field);
            if (key != null) {
                return mergeList((ArrayNode) original, (ArrayNode) patch, key);
            }
        }
        return patch.deepCopy();
    }

    /** kustomize's order: items new to the list first (in the patch's order), then the original ones, merged. */
    private static ArrayNode mergeList(ArrayNode original, ArrayNode patch, String key) {
        ArrayNode result = JsonNodeFactory.instance.arrayNode();
        Set<String> originalKeys = new LinkedHashSet<>();
        original.forEach(item -> originalKeys.add(item.path(key).asText()));
        for (JsonNode item : patch) {
            if (!originalKeys.contains(item.path(key).asText())) {
                result.add(item.deepCopy());
            }
        }
        for (JsonNode item : original) {
            JsonNode merged = item;
            for (JsonNode p : patch) {
                if (p.path(key).asText().equals(item.path(key).asText())) {
                    merged = merge(item, p, true, "");
                }
            }
            result.add(merged.deepCopy());
        }
        return result;
    }

    private static void json6902(ObjectNode r, JsonNode op, Path file) {
        String kind = op.path("op").asText();
        String path = op.path("path").asText();
        List<String> tokens = new ArrayList<>();
        for (String token : path.substring(1).split("/", -1)) {
            tokens.add(token.replace("~1", "/").replace("~0", "~"));
        }
        JsonNode parent = r;
        for (String token : tokens.subList(0, tokens.size() - 1)) {
            parent = parent.isArray() ? parent.path(Integer.parseInt(token)) : parent.path(token);
            expect(!parent.isMissingNode(), file, "JSON patch path " + path + " does not exist in " + Resource.id(r));
        }
        String last = tokens.get(tokens.size() - 1);
        switch (kind) {
            case "add", "replace" -> {
                JsonNode value = op.get("value").deepCopy();
                if (parent.isObject()) {
                    expect(kind.equals("add") || parent.has(last), file, "replace of a missing " + path + " in " + Resource.id(r));
                    ((ObjectNode) parent).set(last, value);
                } else if (parent.isArray()) {
                    ArrayNode array = (ArrayNode) parent;
                    if (last.equals("-")) {
                        array.add(value);
                    } else if (kind.equals("add")) {
                        array.insert(Integer.parseInt(last), value);
                    } else {
                        array.set(Integer.parseInt(last), value);
                    }
                }
            }
            case "remove" -> {
                if (parent.isObject()) {
                    expect(parent.has(last), file, "remove of a missing " + path + " in " + Resource.id(r));
                    ((ObjectNode) parent).remove(last);
                } else {
                    ((ArrayNode) parent).remove(Integer.parseInt(last));
                }
            }
            default -> throw new UnsupportedOperationException(file + ": JSON patch op '" + kind + "' is outside the subset");
        }
    }

    private static void setImages(JsonNode node, JsonNode image) {
        if (node.isObject()) {
            node.fields().forEachRemaining(e -> {
                if ((e.getKey().equals("containers") || e.getKey().equals("initContainers")) && e.getValue().isArray()) {
                    for (JsonNode container : e.getValue()) {
                        if (container.has("image")) {
                            String updated = updateImage(container.get("image").asText(), image);
                            ((ObjectNode) container).set("image", TextNode.valueOf(updated));
                        }
                    }
                } else {
                    setImages(e.getValue(), image);
                }
            });
        } else if (node.isArray()) {
            node.forEach(child -> setImages(child, image));
        }
    }

    static String updateImage(String current, JsonNode image) {
        String name = current;
        String suffix = "";
        int at = name.indexOf('@');
        if (at >= 0) {
            suffix = name.substring(at);
            name = name.substring(0, at);
        } else {
            int colon = name.lastIndexOf(':');
            if (colon > name.lastIndexOf('/')) {
                suffix = name.substring(colon);
                name = name.substring(0, colon);
            }
        }
        if (!name.equals(image.path("name").asText())) {
            return current;
        }
        String newName = image.path("newName").asText(name);
        if (image.hasNonNull("digest")) {
            return newName + "@" + image.get("digest").asText();
        }
        if (image.hasNonNull("newTag")) {
            return newName + ":" + image.get("newTag").asText();
        }
        return newName + suffix;
    }

    private static ObjectNode metadata(ObjectNode r) {
        return r.with("metadata");
    }

    private static void only(JsonNode node, Path file, String where, String... allowed) {
        Set<String> fields = Set.of(allowed);
        node.fieldNames().forEachRemaining(f -> {
            if (!fields.contains(f)) {
                throw new UnsupportedOperationException(file + ": " + where + "." + f + " is outside the subset the build renders");
            }
        });
    }

    private static void expect(boolean condition, Path file, String what) {
        if (!condition) {
            throw new IllegalArgumentException(file + ": " + what);
        }
    }
}
