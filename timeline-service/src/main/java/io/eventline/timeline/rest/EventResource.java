package io.eventline.timeline.rest;

import io.eventline.timeline.TimelineCursor;
import io.eventline.timeline.config.TimelineConfig;
import io.eventline.timeline.mapping.TimelineEvent;
import io.eventline.timeline.mapping.TimelinePage;
import io.eventline.timeline.service.TimelineService;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

import java.time.LocalDate;

/**
 * The timeline API. Parameters are taken as strings and checked here, so that a malformed one is
 * a 400 naming it rather than the framework's generic 404 for an unconvertible query parameter.
 */
@Path("/api/v1/events")
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = "Events")
public class EventResource {

    private final TimelineService timeline;
    private final TimelineConfig config;

    EventResource(TimelineService timeline, TimelineConfig config) {
        this.timeline = timeline;
        this.config = config;
    }

    @GET
    @Operation(summary = "Events in date order (start, then end), one page at a time")
    @APIResponse(responseCode = "200", description = "A page of events and the cursor of the next page (null on the last)")
    @APIResponse(responseCode = "400", description = "A malformed parameter, named in the problem's 'parameter' member")
    public TimelinePage list(
            @Parameter(description = "Only events that end on or after the start of this period: YYYY, YYYY-MM or YYYY-MM-DD")
            @QueryParam("from") String from,
            @Parameter(description = "Only events that start on or before the end of this period: YYYY, YYYY-MM or YYYY-MM-DD")
            @QueryParam("to") String to,
            @Parameter(description = "Events per page (default 50, at most 500)")
            @QueryParam("limit") String limit,
            @Parameter(description = "The 'next' value of the previous page")
            @QueryParam("cursor") String cursor) {
        LocalDate fromDay = from == null ? null : date("from", from).first();
        LocalDate toDay = to == null ? null : date("to", to).last();
        if (fromDay != null && toDay != null && fromDay.isAfter(toDay)) {
            throw Problems.invalidParameter("to", "'to' (" + to + ") is before 'from' (" + from + ").");
        }
        return timeline.page(fromDay, toDay, cursor(cursor), limit(limit));
    }

    @GET
    @Path("{id}")
    @Operation(summary = "One event with its sources")
    @APIResponse(responseCode = "200", description = "The event")
    @APIResponse(responseCode = "404", description = "No such event (or every article stating it was retracted)")
    public TimelineEvent get(@PathParam("id") String id) {
        long key;
        try {
            key = Long.parseLong(id);
        } catch (NumberFormatException e) {
            // ids are opaque to clients: one this service could not have issued is simply unknown
            throw Problems.eventNotFound(id);
        }
        return timeline.find(key).orElseThrow(() -> Problems.eventNotFound(id));
    }

    private static DateParameter date(String name, String value) {
        try {
            return DateParameter.parse(value);
        } catch (IllegalArgumentException e) {
            throw Problems.invalidParameter(name, e.getMessage() + ".");
        }
    }

    private int limit(String value) {
        int max = config.api().maxLimit();
        if (value == null) {
            return Math.min(config.api().defaultLimit(), max);
        }
        int limit;
        try {
            limit = Integer.parseInt(value);
        } catch (NumberFormatException e) {
            throw Problems.invalidParameter("limit", "'" + value + "' is not a whole number between 1 and " + max + ".");
        }
        if (limit < 1 || limit > max) {
            throw Problems.invalidParameter("limit", "limit must be between 1 and " + max + ", got " + limit + ".");
        }
        return limit;
    }

    private static TimelineCursor cursor(String value) {
        if (value == null) {
            return null;
        }
        try {
            return TimelineCursor.decode(value);
        } catch (IllegalArgumentException e) {
            throw Problems.invalidParameter("cursor", "The cursor is not one this API issued: pass the 'next' value of a previous page.");
        }
    }
}
