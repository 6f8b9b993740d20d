package io.eventline.infra;

import org.apache.kafka.common.test.KafkaClusterTestKit;
import org.apache.kafka.common.utils.Exit;
import org.apache.kafka.common.test.TestKitNodes;

/**
 * A real single-node KRaft Kafka cluster running inside this JVM (Apache Kafka's own test kit).
 * Fast to start, so it is what most tests use; tests that need to kill and restart a broker use
 * {@link KafkaBrokerProcess} instead.
 */
public final class InJvmKafka implements AutoCloseable {

    private final KafkaClusterTestKit cluster;

    private InJvmKafka(KafkaClusterTestKit cluster) {
        this.cluster = cluster;
    }

    public static InJvmKafka start() {
        // The broker runs inside the test JVM and is closed by a JVM shutdown hook. Kafka ends its own
        // process on a fault it deems fatal (Exit.halt / Exit.exit, status 1), which here would end the test
        // JVM with a non-zero code after every test passed, and Surefire then fails the build with "Error
        // occurred in starting fork": seen now and then in ingest-service and timeline-service, cause not
        // yet proven; this rules out Kafka's exits, and the line below shows whether one was asked for.
        // The tests' own assertions decide.
        Exit.setHaltProcedure((status, message) ->
                System.err.printf("In-JVM Kafka asked to halt the JVM (status %d): %s%n", status, message));
        Exit.setExitProcedure((status, message) ->
                System.err.printf("In-JVM Kafka asked to exit the JVM (status %d): %s%n", status, message));
        try {
            KafkaClusterTestKit cluster = new KafkaClusterTestKit.Builder(
                    new TestKitNodes.Builder()
                            .setCombined(true)
                            .setNumBrokerNodes(1)
                            .setNumControllerNodes(1)
                            .build())
                    .setConfigProp("num.partitions", "3")
                    .setConfigProp("offsets.topic.replication.factor", "1")
                    .setConfigProp("transaction.state.log.replication.factor", "1")
                    .setConfigProp("transaction.state.log.min.isr", "1")
                    .setConfigProp("group.initial.rebalance.delay.ms", "0")
                    .setConfigProp("auto.create.topics.enable", "true")
                    // as the production topics (deploy/k8s/base/kafka.yaml): an article message can be 8 MB
                    .setConfigProp("message.max.bytes", "8388608")
                    .build();
            cluster.format();
            cluster.startup();
            cluster.waitForReadyBrokers();
            return new InJvmKafka(cluster);
        } catch (Exception e) {
            throw new IllegalStateException("could not start the in-JVM Kafka cluster", e);
        }
    }

    public String bootstrapServers() {
        return cluster.bootstrapServers();
    }

    @Override
    public void close() {
        try {
            cluster.close();
        } catch (Exception e) {
            throw new IllegalStateException("could not stop the in-JVM Kafka cluster", e);
        }
    }
}
