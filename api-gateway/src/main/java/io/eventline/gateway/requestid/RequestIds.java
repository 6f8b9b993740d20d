package io.eventline.gateway.requestid;

import java.util.UUID;
import java.util.concurrent.ThreadLocalRandom;
import java.util.regex.Pattern;

import org.jboss.logging.MDC;

import io.vertx.ext.web.RoutingContext;

/**
 * Gives every request an {@code X-Request-Id} that follows it through the gateway, the upstream service
 * and back to the caller, so one id finds the request in every log.
 */
public final class RequestIds {

    public static final String HEADER = "X-Request-Id";

    /** Where the id is kept for the rest of the request's handlers. */
    private static final String CONTEXT_KEY = "eventline.request-id";

    /**
     * What a caller's own id must look like to be kept. Anything else is replaced, because the id ends up
     * in logs and headers of other services, where control characters or huge values would do harm.
     */
    private static final Pattern WELL_FORMED = Pattern.compile("[A-Za-z0-9._-]{1,128}");

    private RequestIds() {
    }

    /** The MDC key: every log line written while handling the request carries the id under it. */
    public static final String MDC_KEY = "requestId";

    /** Route handler: settles the id and echoes it on the response before anything can answer. */
    public static void assign(RoutingContext rc) {
        String id = chooseId(rc.request().getHeader(HEADER));
        rc.put(CONTEXT_KEY, id);
        // Quarkus keeps the MDC in the request's own Vert.x context, so it follows the request through the
        // proxy's callbacks and never leaks into another request on the same event loop.
        MDC.put(MDC_KEY, id);
        rc.response().putHeader(HEADER, id);
        rc.next();
    }

    public static String of(RoutingContext rc) {
        String id = rc.get(CONTEXT_KEY);
        return id != null ? id : "-";
    }

    /** The caller's id if it is well formed, otherwise a fresh random one. */
    public static String chooseId(String offered) {
        if (offered != null && WELL_FORMED.matcher(offered).matches()) {
            return offered;
        }
        return randomId();
    }

    /**
     * A random (version 4) UUID. An id only has to be unique, not unguessable, so it comes from the thread's
     * own generator: UUID.randomUUID() draws from a shared SecureRandom, which showed in the gateway's
     * profile for every request that came without an id.
     */
    static String randomId() {
        ThreadLocalRandom random = ThreadLocalRandom.current();
        long high = random.nextLong() & ~0xF000L | 0x4000L;
        long low = random.nextLong() & 0x3FFF_FFFF_FFFF_FFFFL | 0x8000_0000_0000_0000L;
        return new UUID(high, low).toString();
    }
}
