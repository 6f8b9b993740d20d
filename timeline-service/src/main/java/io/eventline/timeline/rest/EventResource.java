package io.eventline.timeline.rest;

import io.eventline.timeline.EventFilter;
import io.eventline.timeline.TimelineCursor;
import io.eventline.timeline.config.TimelineConfig;
import io.eventline.timeline.mapping.EventDetail;
import io.eventline.timeline.mapping.TimelinePage;
import io.eventline.timeline.service.TimelineService;
import jakarta.inject.Inject;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.EntityTag;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

import java.time.LocalDate;
import java.util.List;
import java.util.Set;

/**
 * The timeline API. Parameters are taken as strings and checked here, so that a malformed one is
 * a 400 naming it rather than the framework's generic 404 for an unconvertible query parameter. Every
 * check is on the parameters alone, before the database is asked anything, and bounds the work a
 * request can cause (number and length of values).
 */
@Path("/api/v1/events")
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = "Events")
public class EventResource {

    static final int MAX_ENTITIES = 20;
    static final int MAX_TEXT_LENGTH = 200;
    static final Set<String> GRANULARITIES = Set.of(
            "day", "week", "month", "quarter", "season", "year", "decade", "century", "interval");

    private final TimelineService timeline;
    private final TimelineConfig config;
    private final QueryMetrics metrics;
    @Inject
    TimelineExports exports;

    EventResource(TimelineService timeline, TimelineConfig config, QueryMetrics metrics) {
        this.timeline = timeline;
        this.config = config;
        this.metrics = metrics;
    }

    @GET
    @Operation(summary = "Events in timeline order (start, coarser before finer, first reported), one page at a time")
    @APIResponse(responseCode = "200", description = "A page of events, the cursor and link of the next page (null on the last), "
            + "the number of matching events (counted up to a cap for the first page, repeated by the following pages; totalExact says whether it is exact)",
            content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = TimelinePage.class)))
    @APIResponse(responseCode = "304", description = "Nothing changed since the ETag given in If-None-Match")
    @APIResponse(responseCode = "400", description = "A malformed parameter, named in the problem's 'parameter' member")
    public Response list(
            @Parameter(description = "Only events that end on or after the start of this period: " + DateParameter.FORMS)
            @QueryParam("from") String from,
            @Parameter(description = "Only events that start on or before the end of this period: " + DateParameter.FORMS)
            @QueryParam("to") String to,
            @Parameter(description = "Only events naming this entity (case-insensitive); repeat it for events naming all of them (at most 20)")
            @QueryParam("entity") List<String> entity,
            @Parameter(description = "Only events whose reports contain these words (English full-text search, at most 200 characters)")
            @QueryParam("q") String q,
            @Parameter(description = "Only events this outlet reported (case-insensitive)")
            @QueryParam("source") String source,
            @Parameter(description = "Only events dated at this granularity: day, week, month, quarter, season, year, decade, century, interval")
            @QueryParam("granularity") String granularity,
            @Parameter(description = "Events per page (default 50, at most 500)")
            @QueryParam("limit") String limit,
            @Parameter(description = "The 'next' value of the previous page (same filter)")
            @QueryParam("cursor") String cursor,
            @Parameter(description = "The whole filtered timeline (up to 10,000 events) as a file: timelinejs, csv or ical (day events only)")
            @QueryParam("format") String format,
            @HeaderParam(HttpHeaders.IF_NONE_MATCH) String ifNoneMatch,
            @Context UriInfo uri) {
        return metrics.events(() -> {
            EventFilter filter = filter(from, to, entity, q, source == null ? null : List.of(source), granularity);
            return format == null ? page(filter, limit, cursor, ifNoneMatch, uri)
                    : exports.export(TimelineExports.format(format), filter, "Eventline timeline", "timeline", ifNoneMatch);
        });
    }

    /** A page of the filtered timeline, conditional on {@code If-None-Match}; saved timelines answer with it too. */
    Response page(EventFilter filter, String limit, String cursor, String ifNoneMatch, UriInfo uri) {
        int pageSize = limit(limit);
        TimelineCursor after = cursor(cursor, filter);
        // the tag needs only the latest change: a poller whose page did not change costs one index probe
        EntityTag tag = EntityTags.ofList(timeline.latestChange(),
                filter.canonical() + "|" + (cursor == null ? "" : cursor) + "|" + pageSize);
        if (EntityTags.matches(ifNoneMatch, tag)) {
            return EntityTags.notModified(tag);
        }
        TimelinePage page = timeline.page(filter, after, pageSize, next -> NextPage.link(uri, "cursor", next));
        return NextPage.ok(page, page.nextLink()).tag(tag).cacheControl(EntityTags.revalidate()).build();
    }

    @GET
    @Path("{id}")
    @Operation(summary = "One event with all its sources: what each article said, where, and the date as it stated it")
    @APIResponse(responseCode = "200", description = "The event",
            content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = EventDetail.class)))
    @APIResponse(responseCode = "304", description = "The event did not change since the ETag given in If-None-Match")
    @APIResponse(responseCode = "404", description = "No such event (it may have been merged into another, or every article stating it retracted)")
    public Response get(@PathParam("id") String id, @HeaderParam(HttpHeaders.IF_NONE_MATCH) String ifNoneMatch) {
        return metrics.event(() -> {
            long key;
            try {
                key = Long.parseLong(id);
            } catch (NumberFormatException e) {
                // ids are opaque to clients: one this service could not have issued is simply unknown
                throw Problems.eventNotFound(id);
            }
            long version = timeline.versionOf(key).orElseThrow(() -> Problems.eventNotFound(id));
            EntityTag tag = EntityTags.ofEvent(key, version);
            if (EntityTags.matches(ifNoneMatch, tag)) {
                return EntityTags.notModified(tag);
            }
            // read with its version: the tag must be the one of what is returned, even if it changed meanwhile
            return timeline.find(key)
                    .map(event -> Response.ok(event).tag(EntityTags.ofEvent(key, event.version()))
                            .cacheControl(EntityTags.revalidate()).build())
                    .orElseThrow(() -> Problems.eventNotFound(id));
        });
    }

    /** The filter of the query parameters, checked; saved timelines check their definitions with it too. */
    static EventFilter filter(String from, String to, List<String> entities, String q, List<String> sources,
                              String granularity) {
        LocalDate fromDay = from == null ? null : date("from", from).first();
        LocalDate toDay = to == null ? null : date("to", to).last();
        if (fromDay != null && toDay != null && fromDay.isAfter(toDay)) {
            throw Problems.invalidParameter("to", "'to' (" + to + ") is before 'from' (" + from + ").");
        }
        if (entities != null && entities.size() > MAX_ENTITIES) {
            throw Problems.invalidParameter("entity", "At most " + MAX_ENTITIES + " entities, got " + entities.size() + ".");
        }
        if (entities != null) {
            entities.forEach(name -> text("entity", name));
        }
        if (sources != null && sources.size() > MAX_ENTITIES) {
            throw Problems.invalidParameter("source", "At most " + MAX_ENTITIES + " sources, got " + sources.size() + ".");
        }
        if (sources != null) {
            sources.forEach(outlet -> text("source", outlet));
        }
        if (granularity != null && !GRANULARITIES.contains(granularity)) {
            throw Problems.invalidParameter("granularity", "granularity must be one of " + String.join(", ",
                    GRANULARITIES.stream().sorted().toList()) + ".");
        }
        return new EventFilter(fromDay, toDay, entities, q == null ? null : text("q", q).strip(), sources, granularity);
    }

    /** A free-text value: not blank, not longer than {@link #MAX_TEXT_LENGTH}, no NUL. */
    static String text(String name, String value) {
        if (value.isBlank()) {
            throw Problems.invalidParameter(name, "'" + name + "' must not be blank.");
        }
        noNul(name, value);
        if (value.length() > MAX_TEXT_LENGTH) {
            throw Problems.invalidParameter(name, "'" + name + "' is longer than " + MAX_TEXT_LENGTH + " characters.");
        }
        return value;
    }

    /** PostgreSQL text cannot hold a NUL: as a query parameter or a stored value it would fail with a 500. */
    static void noNul(String name, String value) {
        if (value.indexOf('\u0000') >= 0) {
            throw Problems.invalidParameter(name, "'" + name + "' must not contain the NUL character (U+0000).");
        }
    }

    static DateParameter date(String name, String value) {
        try {
            return DateParameter.parse(value);
        } catch (IllegalArgumentException e) {
            throw Problems.invalidParameter(name, e.getMessage() + ".");
        }
    }

    int limit(String value) {
        return limit(value, config.api().defaultLimit(), config.api().maxLimit());
    }

    /** A {@code limit} parameter: {@code defaultLimit} when absent, else 1 to {@code max}. */
    static int limit(String value, int defaultLimit, int max) {
        if (value == null) {
            return Math.min(defaultLimit, max);
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

    private static TimelineCursor cursor(String value, EventFilter filter) {
        if (value == null) {
            return null;
        }
        TimelineCursor cursor;
        try {
            cursor = TimelineCursor.decode(value);
        } catch (IllegalArgumentException e) {
            throw Problems.invalidParameter("cursor", "The cursor is not one this API issued: pass the 'next' value of a previous page.");
        }
        if (!cursor.belongsTo(filter)) {
            throw Problems.invalidParameter("cursor", "The cursor belongs to a query with other filters: keep the filters of the page it came from.");
        }
        return cursor;
    }
}
