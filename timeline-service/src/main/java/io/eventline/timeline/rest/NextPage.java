package io.eventline.timeline.rest;

import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;

import java.net.URI;

/** The link to what follows a response (a list's next page, the change feed's next read). */
final class NextPage {

    private NextPage() {
    }

    /**
     * The request's URL with {@code parameter} set to {@code cursor}, relative (path and query), so it
     * stays right behind the gateway.
     */
    static String link(UriInfo uri, String parameter, String cursor) {
        URI next = uri.getRequestUriBuilder().replaceQueryParam(parameter, cursor).build();
        return next.getRawPath() + "?" + next.getRawQuery();
    }

    /** A 200 with this page, and its next page's link as an RFC 8288 {@code Link: <...>; rel="next"} header, if any. */
    static Response.ResponseBuilder ok(Object page, String nextLink) {
        Response.ResponseBuilder response = Response.ok(page);
        return nextLink == null ? response : response.header("Link", "<" + nextLink + ">; rel=\"next\"");
    }
}
