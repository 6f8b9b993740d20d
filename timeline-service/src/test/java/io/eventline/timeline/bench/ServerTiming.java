package io.eventline.timeline.bench;

import io.vertx.ext.web.Router;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import org.eclipse.microprofile.config.inject.ConfigProperty;

import java.util.Locale;

/**
 * The server's own time for each request, as a {@code Server-Timing: app;dur=<ms>} response header, so that
 * the read benchmark can tell the server path (routing, resource, database, JSON) from its client's time in
 * the same JVM. From the request's arrival at the router to the moment its response headers are written:
 * the body is serialized by then. Only with {@code eventline.bench.server-timing=true} (the benchmark
 * profile); a test bean, never in the application.
 */
@ApplicationScoped
public class ServerTiming {

    static final String HEADER = "Server-Timing";

    void install(@Observes Router router, @ConfigProperty(name = "eventline.bench.server-timing", defaultValue = "false") boolean on) {
        if (!on) {
            return;
        }
        router.route().order(Integer.MIN_VALUE).handler(context -> {
            long arrived = System.nanoTime();
            context.addHeadersEndHandler(ignored -> context.response().putHeader(HEADER,
                    String.format(Locale.ROOT, "app;dur=%.3f", (System.nanoTime() - arrived) / 1e6)));
            context.next();
        });
    }

    /** The duration of a {@code Server-Timing} value written by this filter, in milliseconds. */
    static double millis(String header) {
        return Double.parseDouble(header.substring(header.indexOf("dur=") + 4));
    }
}
