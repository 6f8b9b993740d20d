package io.eventline.gateway.problem;

import io.eventline.gateway.requestid.RequestIds;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.http.HttpHeaders;
import io.vertx.core.http.HttpServerResponse;
import io.vertx.ext.web.RoutingContext;

/** Writes {@link Problem}s as {@code application/problem+json} responses. */
public final class ProblemResponses {

    private ProblemResponses() {
    }

    /** Answers the request with the problem; a no-op if an answer has already started. */
    public static void send(RoutingContext rc, Problem problem) {
        HttpServerResponse response = rc.response();
        if (response.headWritten() || response.ended() || response.closed()) {
            return;
        }
        Buffer body = body(rc, problem);
        response.setStatusCode(problem.status());
        headers(response);
        response.end(body);
    }

    public static Buffer body(RoutingContext rc, Problem problem) {
        return problem.toJson(rc.request().path(), RequestIds.of(rc));
    }

    public static void headers(HttpServerResponse response) {
        response.putHeader(HttpHeaders.CONTENT_TYPE, Problem.MEDIA_TYPE);
        // A refusal is about this one request; caches must not replay it for another caller.
        response.putHeader(HttpHeaders.CACHE_CONTROL, "no-store");
    }
}
