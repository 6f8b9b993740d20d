package io.eventline.gateway.testsupport;

import java.util.Map;

import io.quarkus.test.junit.QuarkusTestProfile;

/** Tracing switched on as in Kubernetes, minus the collector: spans are made, propagated and dropped. */
public class TracingOn implements QuarkusTestProfile {

    @Override
    public Map<String, String> getConfigOverrides() {
        return Map.of("quarkus.otel.sdk.disabled", "false");
    }
}
