package io.eventline.infra;

import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.Statement;
import java.time.Duration;
import java.util.Map;
import java.util.concurrent.TimeUnit;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The real brokers and database the tests and the local stack rely on do start, serve, and survive a restart. */
class RealInfrastructureTest {

    @TempDir
    Path tmp;

    @Test
    void brokerProcessKeepsItsTopicsAcrossARestart() throws Exception {
        KafkaBrokerProcess broker = KafkaBrokerProcess.onFreePorts(tmp);
        try {
            broker.start(Duration.ofSeconds(60));
            try (Admin admin = admin(broker.bootstrapServers())) {
                admin.createTopics(java.util.List.of(new org.apache.kafka.clients.admin.NewTopic("kept", 1, (short) 1)))
                        .all().get(30, TimeUnit.SECONDS);
            }
            broker.kill();
            assertFalse(broker.isRunning());
            broker.start(Duration.ofSeconds(60));
            try (Admin admin = admin(broker.bootstrapServers())) {
                assertTrue(admin.listTopics().names().get(30, TimeUnit.SECONDS).contains("kept"));
            }
        } finally {
            broker.closeAndDelete();
        }
    }

    @Test
    void postgresKeepsItsDataAcrossARestart() throws Exception {
        PostgresServer server = new PostgresServer(Ports.free(), tmp.resolve("pg"), true);
        try {
            server.start();
            server.ensureDatabase("eventline", "eventline", "secret");
            try (Connection c = DriverManager.getConnection(server.jdbcUrl("eventline"), "eventline", "secret");
                 Statement s = c.createStatement()) {
                s.execute("CREATE TABLE t (v int)");
                s.execute("INSERT INTO t VALUES (42)");
            }
            server.stop();
            server.start();
            server.ensureDatabase("eventline", "eventline", "secret");
            try (Connection c = DriverManager.getConnection(server.jdbcUrl("eventline"), "eventline", "secret");
                 Statement s = c.createStatement();
                 ResultSet rs = s.executeQuery("SELECT v FROM t")) {
                assertTrue(rs.next());
                assertEquals(42, rs.getInt(1));
            }
        } finally {
            server.close();
        }
    }

    @Test
    void inJvmKafkaServesClients() throws Exception {
        try (InJvmKafka kafka = InJvmKafka.start(); Admin admin = admin(kafka.bootstrapServers())) {
            assertFalse(admin.describeCluster().nodes().get(30, TimeUnit.SECONDS).isEmpty());
        }
    }

    private static Admin admin(String bootstrap) {
        return Admin.create(Map.of(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrap,
                AdminClientConfig.DEFAULT_API_TIMEOUT_MS_CONFIG, 30000));
    }
}
