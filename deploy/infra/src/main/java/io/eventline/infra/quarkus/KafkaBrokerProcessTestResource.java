package io.eventline.infra.quarkus;

import io.eventline.infra.KafkaBrokerProcess;
import io.quarkus.test.common.QuarkusTestResourceLifecycleManager;

import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;

/**
 * A Kafka broker in its own process, for tests that kill and restart the broker (outage tests).
 * Use it with {@code @WithTestResource(KafkaBrokerProcessTestResource.class)} on that test class
 * only; {@link #broker()} gives the test its handle.
 */
public class KafkaBrokerProcessTestResource implements QuarkusTestResourceLifecycleManager {

    private static KafkaBrokerProcess broker;

    public static synchronized KafkaBrokerProcess broker() {
        if (broker == null) {
            throw new IllegalStateException("the broker process test resource has not started");
        }
        return broker;
    }

    @Override
    public Map<String, String> start() {
        synchronized (KafkaBrokerProcessTestResource.class) {
            broker = KafkaBrokerProcess.onFreePorts(Path.of(System.getProperty("java.io.tmpdir")));
            broker.start(Duration.ofSeconds(60));
            return Map.of("kafka.bootstrap.servers", broker.bootstrapServers());
        }
    }

    @Override
    public void stop() {
        synchronized (KafkaBrokerProcessTestResource.class) {
            if (broker != null) {
                broker.closeAndDelete();
                broker = null;
            }
        }
    }
}
