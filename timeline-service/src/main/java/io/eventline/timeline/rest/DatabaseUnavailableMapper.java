package io.eventline.timeline.rest;

import io.quarkiverse.resteasy.problem.HttpProblem;
import io.quarkus.logging.Log;
import jakarta.persistence.PersistenceException;
import jakarta.ws.rs.core.Response;
import org.jboss.resteasy.reactive.server.ServerExceptionMapper;

import java.net.URI;
import java.sql.SQLException;
import java.sql.SQLTransientConnectionException;

/**
 * A read while the database cannot be reached is the service's outage, not the client's mistake
 * and not a bug: 503 with {@code Retry-After}, so pollers back off and come again, instead of a 500.
 */
public class DatabaseUnavailableMapper {

    static final URI DATABASE_UNAVAILABLE = URI.create("https://eventline.io/problems/database-unavailable");
    private static final int RETRY_AFTER_SECONDS = 5;

    @ServerExceptionMapper
    public Response map(PersistenceException failure) {
        if (!isConnectionFailure(failure)) {
            Log.error("Database error while serving a request", failure);
            return HttpProblem.valueOf(Response.Status.INTERNAL_SERVER_ERROR).toResponse();
        }
        Log.warnf("Database unavailable while serving a request: %s", rootMessage(failure));
        return HttpProblem.builder()
                .withType(DATABASE_UNAVAILABLE)
                .withStatus(Response.Status.SERVICE_UNAVAILABLE)
                .withTitle("Timeline store unavailable")
                .withDetail("The timeline store cannot be reached right now. Try again shortly.")
                .withHeader("Retry-After", RETRY_AFTER_SECONDS)
                .build()
                .toResponse();
    }

    /** Connection refused or lost (SQLState class 08), or no pooled connection within the acquisition timeout. */
    static boolean isConnectionFailure(Throwable failure) {
        for (Throwable cause = failure; cause != null; cause = cause.getCause()) {
            if (cause instanceof SQLTransientConnectionException) {
                return true;
            }
            if (cause instanceof SQLException sql) {
                String state = sql.getSQLState();
                String message = String.valueOf(sql.getMessage());
                if ((state != null && state.startsWith("08")) || message.contains("Acquisition timeout")) {
                    return true;
                }
            }
            if (cause.getCause() == cause) {
                break;
            }
        }
        return false;
    }

    private static String rootMessage(Throwable failure) {
        Throwable root = failure;
        while (root.getCause() != null && root.getCause() != root) {
            root = root.getCause();
        }
        return root.toString();
    }
}
