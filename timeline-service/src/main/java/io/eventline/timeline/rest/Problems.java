package io.eventline.timeline.rest;

import io.quarkiverse.resteasy.problem.HttpProblem;
import jakarta.ws.rs.core.Response;

import java.net.URI;

/** The RFC 9457 problems this API answers with, besides the generic ones of resteasy-problem. */
final class Problems {

    static final URI INVALID_PARAMETER = URI.create("https://eventline.io/problems/invalid-parameter");
    static final URI EVENT_NOT_FOUND = URI.create("https://eventline.io/problems/event-not-found");
    static final URI TIMELINE_NOT_FOUND = URI.create("https://eventline.io/problems/timeline-not-found");
    static final URI TIMELINE_MODIFIED = URI.create("https://eventline.io/problems/timeline-modified");

    private Problems() {
    }

    /** 400 naming the offending query parameter in a {@code parameter} member, for clients to act on. */
    static HttpProblem invalidParameter(String parameter, String detail) {
        return HttpProblem.builder()
                .withType(INVALID_PARAMETER)
                .withStatus(Response.Status.BAD_REQUEST)
                .withTitle("Invalid parameter")
                .withDetail(detail)
                .with("parameter", parameter)
                .build();
    }

    static HttpProblem eventNotFound(String id) {
        return HttpProblem.builder()
                .withType(EVENT_NOT_FOUND)
                .withStatus(Response.Status.NOT_FOUND)
                .withTitle("Event not found")
                .withDetail("There is no event with id '" + id + "'.")
                .build();
    }

    static HttpProblem timelineNotFound(String id) {
        return HttpProblem.builder()
                .withType(TIMELINE_NOT_FOUND)
                .withStatus(Response.Status.NOT_FOUND)
                .withTitle("Timeline not found")
                .withDetail("There is no saved timeline with id '" + id + "'.")
                .build();
    }

    /** 412: the timeline changed since the version the client's {@code If-Match} names. */
    static HttpProblem timelineModified(String id) {
        return HttpProblem.builder()
                .withType(TIMELINE_MODIFIED)
                .withStatus(Response.Status.PRECONDITION_FAILED)
                .withTitle("Timeline modified")
                .withDetail("Timeline '" + id + "' changed since the version named in If-Match: read it again, then retry.")
                .build();
    }
}
