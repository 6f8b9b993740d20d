package io.eventline.manifests;

import com.fasterxml.jackson.databind.node.ObjectNode;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/** The operational rules (Policies), on the base and on each overlay as an operator applies it. */
class PolicyTest {

    private static final Map<Manifests.Target, List<ObjectNode>> RENDERED = new EnumMap<>(Manifests.Target.class);

    static synchronized List<ObjectNode> rendered(Manifests.Target target) {
        return RENDERED.computeIfAbsent(target, Manifests::render);
    }

    static List<Arguments> cases() {
        List<Arguments> cases = new ArrayList<>();
        for (Manifests.Target target : Manifests.Target.values()) {
            for (Policies policy : Policies.values()) {
                if (policy.appliesTo(target)) {
                    cases.add(Arguments.of(target, policy));
                }
            }
        }
        return cases;
    }

    @ParameterizedTest(name = "{0}: {1}")
    @MethodSource("cases")
    void shouldKeepThePolicy(Manifests.Target target, Policies policy) {
        assertThat(policy.check(target, Manifests.copy(rendered(target)))).isEmpty();
    }
}
