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
    static final URI CHANGES_EXPIRED = URI.create("https://eventline.io/problems/changes-expired");

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

    /**
     * 410: the changes since the client's cursor can no longer be told (the log was pruned past it, or
     * the timeline was redefined since), so the client must read the timeline again.
     */
    static HttpProblem changesExpired(String parameter, String timelineId, String why) {
        return HttpProblem.builder()
                .withType(CHANGES_EXPIRED)
                .withStatus(Response.Status.GONE)
                .withTitle("Changes expired")
                .withDetail(why + " Read the timeline again (/api/v1/timelines/" + timelineId
                        + "/events) and follow it from a fresh cursor (/api/v1/timelines/" + timelineId + "/changes without 'since').")
                .with("parameter", parameter)
                .build();
    }
}
