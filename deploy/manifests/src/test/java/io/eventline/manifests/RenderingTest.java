package io.eventline.manifests;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import org.junit.jupiter.params.provider.MethodSource;

import java.nio.file.Path;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;

import static org.assertj.core.api.Assertions.assertThat;

/** deploy/k8s renders with the kustomize subset, the same as kubectl's kustomize where it is installed. */
class RenderingTest {

    static List<Path> kustomizations() {
        return Manifests.kustomizations();
    }

    @ParameterizedTest
    @MethodSource("kustomizations")
    void shouldRenderEveryKustomization(Path dir) {
        List<ObjectNode> resources = Kustomize.build(dir);
        assertThat(resources).as(dir.toString()).isNotEmpty();
        Set<String> ids = new HashSet<>();
        for (ObjectNode r : resources) {
            assertThat(ids.add(Resource.apiVersion(r) + " " + Resource.id(r))).as("duplicate " + Resource.id(r)).isTrue();
        }
    }

    @ParameterizedTest
    @EnumSource(value = Manifests.Target.class, names = {"DEV", "PROD"}) // the base sets no namespace
    void shouldPutEveryObjectOfAnOverlayInItsNamespace(Manifests.Target target) {
        String namespace = Yamls.readAll(target.dir().resolve("kustomization.yaml")).get(0).path("namespace").asText();
        for (ObjectNode r : Manifests.render(target)) {
            if (!Resource.kind(r).equals("Namespace")) {
                assertThat(r.path("metadata").path("namespace").asText()).as(Resource.id(r)).isEqualTo(namespace);
            }
        }
    }

    @Test
    void shouldUseEveryManifestFile() {
        Set<Path> used = new HashSet<>();
        for (Path dir : Manifests.kustomizations()) {
            used.add(dir.resolve("kustomization.yaml"));
            JsonNode k = Yamls.readAll(dir.resolve("kustomization.yaml")).get(0);
            k.path("resources").forEach(r -> used.add(dir.resolve(r.asText()).normalize()));
            k.path("patches").forEach(p -> {
                if (p.has("path")) {
                    used.add(dir.resolve(p.get("path").asText()).normalize());
                }
            });
        }
        for (Path file : Manifests.yamlFiles()) {
            assertThat(used).as(file + " is in no kustomization: it would never be applied").contains(file);
        }
    }

    @ParameterizedTest
    @MethodSource("kustomizations")
    void shouldRenderWhatKubectlKustomizeRenders(Path dir) throws Exception {
        Optional<Path> kubectl = Kubectl.find();
        if (kubectl.isEmpty()) {
            System.out.println("kubectl not installed: " + dir + " rendered by the build's kustomize subset only");
            Assumptions.abort("kubectl not installed");
        }
        Map<String, JsonNode> expected = byId(Kubectl.kustomize(kubectl.get(), dir));
        Map<String, JsonNode> actual = byId(List.copyOf(Kustomize.build(dir)));
        assertThat(actual.keySet()).isEqualTo(expected.keySet());
        for (String id : expected.keySet()) {
            assertThat(actual.get(id)).as(id).isEqualTo(expected.get(id));
        }
    }

    private static Map<String, JsonNode> byId(List<? extends JsonNode> resources) {
        Map<String, JsonNode> byId = new TreeMap<>();
        for (JsonNode r : resources) {
            byId.put(Resource.apiVersion(r) + " " + r.path("metadata").path("namespace").asText() + " " + Resource.id(r), r);
        }
        return byId;
    }
}
