package io.eventline.gateway.routing;

import java.time.Duration;

import io.vertx.core.buffer.Buffer;
import io.vertx.core.http.HttpHeaders;
import io.vertx.core.http.HttpServerRequest;
import io.vertx.ext.web.RoutingContext;

/**
 * What to do with a request body the gateway is refusing before reading it.
 * <p>
 * A client that is still uploading when the refusal arrives usually doesn't read it until it has
 * finished writing. If the gateway just closed the connection, the client would see a reset instead of
 * the problem. So the rest of the body is read and thrown away, within a budget, and the connection is
 * closed afterwards, because after an oversized body it is not worth keeping.
 */
final class UnreadBody {

    /** Longest a refused upload may keep its connection open while being discarded. */
    private static final Duration MAX_DRAIN_TIME = Duration.ofSeconds(10);

    /**
     * How much of a refused upload is read and discarded, as a multiple of the body-size limit: enough for
     * the common "a bit too big" case, small enough that a huge upload is cut off early.
     */
    private static final int DRAIN_BUDGET_IN_LIMITS = 4;

    private UnreadBody() {
    }

    /** Call before answering a request with a refusal; {@code tooLarge} means the body broke the size limit. */
    static void beforeRefusal(RoutingContext rc, boolean tooLarge, long maxBodyBytes) {
        HttpServerRequest request = rc.request();
        if (request.isEnded() || !hasBody(request)) {
            return;
        }
        if (expectsContinue(request)) {
            // The client is holding the body back until we say "100 Continue", which we won't. Close
            // afterwards so its body can't be mistaken for the next request.
            closeAfterResponse(rc);
        } else if (tooLarge) {
            discardThenClose(rc, DRAIN_BUDGET_IN_LIMITS * maxBodyBytes);
        }
        // Otherwise the body is within the size limit; Quarkus reads and drops it after the response,
        // and the connection stays usable.
    }

    static boolean hasBody(HttpServerRequest request) {
        String length = request.getHeader(HttpHeaders.CONTENT_LENGTH);
        if (length != null) {
            return !length.strip().equals("0");
        }
        return request.headers().contains(HttpHeaders.TRANSFER_ENCODING);
    }

    static boolean expectsContinue(HttpServerRequest request) {
        String expect = request.getHeader(HttpHeaders.EXPECT);
        return expect != null && expect.equalsIgnoreCase("100-continue");
    }

    private static void closeAfterResponse(RoutingContext rc) {
        rc.response().putHeader(HttpHeaders.CONNECTION, HttpHeaders.CLOSE);
        rc.addEndHandler(ended -> rc.request().connection().close());
    }

    private static void discardThenClose(RoutingContext rc, long budgetBytes) {
        rc.response().putHeader(HttpHeaders.CONNECTION, HttpHeaders.CLOSE);
        Drain drain = new Drain(rc, budgetBytes);
        HttpServerRequest request = rc.request();
        request.handler(drain::discard);
        request.endHandler(ignored -> drain.requestEnded());
        request.exceptionHandler(ignored -> drain.close());
        request.resume();
        rc.addEndHandler(ignored -> drain.responseEnded());
        rc.vertx().setTimer(MAX_DRAIN_TIME.toMillis(), ignored -> drain.close());
    }

    private static final class Drain {
        private final RoutingContext rc;
        private final long budgetBytes;
        private long discarded;
        private boolean requestDone;
        private boolean responseDone;
        private boolean closed;

        Drain(RoutingContext rc, long budgetBytes) {
            this.rc = rc;
            this.budgetBytes = budgetBytes;
        }

        void discard(Buffer chunk) {
            discarded += chunk.length();
            if (discarded > budgetBytes) {
                requestDone = true;
                closeIfDone();
            }
        }

        void requestEnded() {
            requestDone = true;
            closeIfDone();
        }

        void responseEnded() {
            responseDone = true;
            closeIfDone();
        }

        private void closeIfDone() {
            if (requestDone && responseDone) {
                close();
            }
        }

        void close() {
            if (!closed) {
                closed = true;
                rc.request().connection().close();
            }
        }
    }
}
