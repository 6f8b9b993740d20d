package io.eventline.gateway.testsupport;

import java.util.Map;

import io.quarkus.test.common.QuarkusTestResourceLifecycleManager;

/**
 * Starts the stand-ins for ingest-service and timeline-service on free ports and points the gateway at
 * them. Test classes get the running stubs through {@link Upstreams.Stubs}.
 */
public class Upstreams implements QuarkusTestResourceLifecycleManager {

    /** Short enough to keep the 504 test quick, long enough that a loaded build machine never trips it. */
    public static final String TIMELINE_TIMEOUT = "2s";

    /** Both stubs; {@link #reset()} between tests keeps tests independent. */
    public record Stubs(UpstreamStub ingest, UpstreamStub timeline) {
        public void reset() {
            ingest.reset();
            timeline.reset();
        }
    }

    private static Stubs stubs;

    /** The running stubs, for test classes that run with this resource. */
    public static Stubs stubs() {
        if (stubs == null) {
            throw new IllegalStateException("Upstreams test resource is not running");
        }
        return stubs;
    }

    @Override
    public Map<String, String> start() {
        stubs = new Stubs(UpstreamStub.start("ingest"), UpstreamStub.start("timeline"));
        return Map.of(
                "eventline.gateway.ingest-url", stubs.ingest().url(),
                "eventline.gateway.timeline-url", stubs.timeline().url(),
                "eventline.gateway.timeline-timeout", TIMELINE_TIMEOUT);
    }

    @Override
    public void stop() {
        if (stubs != null) {
            stubs.ingest().stop();
            stubs.timeline().stop();
            stubs = null;
        }
    }
}
