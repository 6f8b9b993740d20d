package io.eventline.infra;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.TimeUnit;

/**
 * A real Kafka broker (KRaft, combined broker and controller) in its own JVM process, started
 * from the {@code kafka_2.13} jars on this JVM's class path. The local stack runs Kafka this way,
 * and tests that must kill and restart the broker use it too: the data directory and ports
 * survive a restart, as they would for a real broker.
 */
public final class KafkaBrokerProcess implements AutoCloseable {

    private final int port;
    private final int controllerPort;
    private final Path dataDir;
    private final Path logFile;
    private final String heap;
    private Process process;

    /**
     * @param port           the client port (PLAINTEXT listener on localhost)
     * @param controllerPort the KRaft controller port
     * @param dataDir        log directory; formatted on first start, reused afterwards
     * @param heap           maximum heap of the broker JVM, e.g. {@code 512m}
     */
    public KafkaBrokerProcess(int port, int controllerPort, Path dataDir, String heap) {
        this.port = port;
        this.controllerPort = controllerPort;
        this.dataDir = dataDir.toAbsolutePath();
        this.logFile = this.dataDir.resolveSibling(this.dataDir.getFileName() + ".log");
        this.heap = heap;
    }

    public String bootstrapServers() {
        return "localhost:" + port;
    }

    /** Formats the data directory if it is new, starts the broker and waits until its port accepts connections. */
    public synchronized void start(Duration timeout) {
        if (isRunning()) {
            return;
        }
        try {
            Files.createDirectories(dataDir);
            Path config = writeConfig();
            if (!Files.exists(dataDir.resolve("meta.properties"))) {
                String clusterId = org.apache.kafka.common.Uuid.randomUuid().toString();
                Process format = java("kafka.tools.StorageTool", "format", "--standalone",
                        "-t", clusterId, "-c", config.toString()).start();
                if (!format.waitFor(60, TimeUnit.SECONDS) || format.exitValue() != 0) {
                    throw new IllegalStateException("formatting the Kafka data directory failed; see " + logFile);
                }
            }
            process = java("kafka.Kafka", config.toString()).start();
            Ports.awaitOpen("Kafka broker", port, timeout, process, logFile);
        } catch (IOException e) {
            throw new UncheckedIOException("could not start the Kafka broker", e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while starting the Kafka broker", e);
        }
    }

    /** Stops the broker gracefully (SIGTERM), as an orchestrator would. */
    public synchronized void stop() {
        stop(false);
    }

    /** Kills the broker at once (SIGKILL), as a crash would. */
    public synchronized void kill() {
        stop(true);
    }

    public synchronized boolean isRunning() {
        return process != null && process.isAlive();
    }

    private void stop(boolean forcibly) {
        if (process == null) {
            return;
        }
        if (forcibly) {
            process.destroyForcibly();
        } else {
            process.destroy();
        }
        try {
            if (!process.waitFor(60, TimeUnit.SECONDS)) {
                process.destroyForcibly().waitFor(10, TimeUnit.SECONDS);
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        process = null;
        Ports.awaitClosed(port, Duration.ofSeconds(30));
    }

    @Override
    public void close() {
        stop();
    }

    /** Stops the broker and deletes its data directory: for throw-away test brokers. */
    public void closeAndDelete() {
        stop();
        Directories.deleteQuietly(dataDir);
    }

    private Path writeConfig() throws IOException {
        Path config = dataDir.resolveSibling(dataDir.getFileName() + ".properties");
        String properties = String.join("\n",
                "process.roles=broker,controller",
                "node.id=1",
                "controller.quorum.bootstrap.servers=localhost:" + controllerPort,
                "listeners=PLAINTEXT://localhost:" + port + ",CONTROLLER://localhost:" + controllerPort,
                "advertised.listeners=PLAINTEXT://localhost:" + port,
                "controller.listener.names=CONTROLLER",
                "inter.broker.listener.name=PLAINTEXT",
                "listener.security.protocol.map=CONTROLLER:PLAINTEXT,PLAINTEXT:PLAINTEXT",
                "log.dirs=" + dataDir,
                "num.partitions=3",
                "auto.create.topics.enable=true",
                // as the production topics (deploy/k8s/base/kafka.yaml): an article message can be 8 MB
                "message.max.bytes=8388608",
                "offsets.topic.replication.factor=1",
                "transaction.state.log.replication.factor=1",
                "transaction.state.log.min.isr=1",
                "share.coordinator.state.topic.replication.factor=1",
                "share.coordinator.state.topic.min.isr=1",
                "group.initial.rebalance.delay.ms=0",
                "");
        Files.writeString(config, properties);
        return config;
    }

    private ProcessBuilder java(String mainClass, String... args) {
        List<String> command = new ArrayList<>();
        command.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
        command.add("-Xmx" + heap);
        command.add("-Xms64m");
        command.add("-XX:+UseSerialGC");
        command.add("-Dkafka.logs.dir=" + dataDir.resolveSibling(dataDir.getFileName() + "-logs"));
        command.add("-cp");
        command.add(System.getProperty("java.class.path"));
        command.add(mainClass);
        command.addAll(List.of(args));
        return new ProcessBuilder(command)
                .redirectErrorStream(true)
                .redirectOutput(ProcessBuilder.Redirect.appendTo(logFile.toFile()));
    }

    /** A broker on free ports with a fresh data directory under {@code parent}. */
    public static KafkaBrokerProcess onFreePorts(Path parent) {
        return new KafkaBrokerProcess(Ports.free(), Ports.free(),
                parent.resolve("kafka-" + UUID.randomUUID()), "384m");
    }
}
