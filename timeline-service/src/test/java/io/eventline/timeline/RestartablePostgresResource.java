package io.eventline.timeline;

import io.eventline.infra.PostgresServer;
import io.quarkus.test.common.QuarkusTestResourceLifecycleManager;

import java.nio.file.Path;
import java.util.Map;

/**
 * A PostgreSQL server of its own for the test that takes the database away; the shared one of
 * {@code PostgresTestResource} must stay up for every other test.
 */
public class RestartablePostgresResource implements QuarkusTestResourceLifecycleManager {

    private static PostgresServer server;

    static synchronized PostgresServer server() {
        return server;
    }

    @Override
    public synchronized Map<String, String> start() {
        server = PostgresServer.onFreePort(Path.of(System.getProperty("java.io.tmpdir")));
        server.start();
        return Map.of(
                "quarkus.datasource.jdbc.url", server.jdbcUrl("postgres"),
                "quarkus.datasource.username", PostgresServer.SUPERUSER,
                "quarkus.datasource.password", "postgres");
    }

    @Override
    public synchronized void stop() {
        if (server != null) {
            server.close();
            server = null;
        }
    }
}
