package io.eventline.manifests;

import com.fasterxml.jackson.databind.node.ObjectNode;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/** Every object of every rendering, strictly against its API model or schema. */
class ValidationTest {

    static List<Arguments> objects() {
        List<Arguments> arguments = new ArrayList<>();
        for (Path dir : Manifests.kustomizations()) {
            for (ObjectNode r : Kustomize.build(dir)) {
                arguments.add(Arguments.of(Manifests.ROOT.relativize(dir).toString(), Resource.apiVersion(r) + " " + Resource.id(r), r));
            }
        }
        return arguments;
    }

    @ParameterizedTest(name = "{0}: {1}")
    @MethodSource("objects")
    void shouldBeValidAgainstItsModel(String kustomization, String id, ObjectNode resource) {
        assertThat(ResourceValidator.validate(resource)).as(kustomization + " " + id).isEmpty();
    }
}
