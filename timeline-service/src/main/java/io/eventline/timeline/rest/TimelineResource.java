package io.eventline.timeline.rest;

import io.eventline.timeline.EventFilter;
import io.eventline.timeline.config.TimelineConfig;
import io.eventline.timeline.mapping.ChangeFeedPage;
import io.eventline.timeline.mapping.KeyDate;
import io.eventline.timeline.mapping.SavedTimelinePage;
import io.eventline.timeline.mapping.SavedTimelineView;
import io.eventline.timeline.service.ChangeFeedService;
import io.eventline.timeline.service.KeyDateService;
import io.eventline.timeline.service.SavedTimelineService;
import io.eventline.timeline.service.SavedTimelineService.VersionMismatchException;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.DELETE;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.PUT;
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
import jakarta.ws.rs.sse.Sse;
import jakarta.ws.rs.sse.SseEventSink;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

import java.net.URI;
import java.util.List;
import java.util.function.Function;
import java.util.function.LongPredicate;
import java.util.stream.Collectors;

/**
 * Saved timelines: named, stored filters of the timeline, and their events read exactly as
 * {@code /api/v1/events} reads them (same order, paging, cursor, links, total, ETags): a saved timeline
 * is a stored filter, so its events are that query's.
 */
@Path("/api/v1/timelines")
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = "Saved timelines")
public class TimelineResource {

    static final String BASE = "/api/v1/timelines";
    private static final String LIST_CURSOR = "timelines1";

    private static final String CHANGES_CURSOR = "changes1";
    private static final String KEY_DATES = "key-dates";
    private static final int DEFAULT_KEY_DATES = 10;

    private final SavedTimelineService timelines;
    private final EventResource events;
    private final ChangeFeedService feed;
    private final TimelineConfig config;
    private final QueryMetrics metrics;
    private final TimelineExports exports;
    private final ChangeStreams streams;
    private final KeyDateService keyDates;

    TimelineResource(SavedTimelineService timelines, EventResource events, ChangeFeedService feed, TimelineConfig config,
                     QueryMetrics metrics, TimelineExports exports, ChangeStreams streams, KeyDateService keyDates) {
        this.keyDates = keyDates;
        this.streams = streams;
        this.exports = exports;
        this.timelines = timelines;
        this.events = events;
        this.feed = feed;
        this.config = config;
        this.metrics = metrics;
    }

    @POST
    @Consumes(MediaType.APPLICATION_JSON)
    @Operation(summary = "Save a timeline: a name and a filter (entities, words, from, to, sources) checked as /events checks its parameters")
    @APIResponse(responseCode = "201", description = "Saved; Location names it")
    @APIResponse(responseCode = "400", description = "A bad member (unknown, wrong type, invalid value, name too long), named in 'parameter'")
    public Response create(String body) {
        return metrics.timelines("timelines", () -> {
            TimelineDefinition definition = TimelineDefinition.parse(body);
            SavedTimelineView created = timelines.create(definition::applyTo);
            return Response.created(URI.create(BASE + "/" + created.id())).entity(created)
                    .tag(EntityTags.ofTimeline(Long.parseLong(created.id()), created.version())).build();
        });
    }

    @GET
    @Operation(summary = "The saved timelines, oldest first, one page at a time")
    @APIResponse(responseCode = "200", description = "A page of timelines, the cursor and link of the next (null on the last), how many there are")
    @APIResponse(responseCode = "304", description = "The page did not change since the ETag given in If-None-Match")
    @APIResponse(responseCode = "400", description = "A malformed limit or cursor, named in 'parameter'")
    public Response list(@Parameter(description = "Timelines per page (default 50, at most 500)") @QueryParam("limit") String limit,
                         @Parameter(description = "The 'next' value of the previous page") @QueryParam("cursor") String cursor,
                         @HeaderParam(HttpHeaders.IF_NONE_MATCH) String ifNoneMatch,
                         @Context UriInfo uri) {
        return metrics.timelines("timelines", () -> {
            int pageSize = events.limit(limit);
            long afterId = listCursor(cursor);
            List<SavedTimelineView> found = timelines.after(afterId, pageSize + 1);
            boolean more = found.size() > pageSize;
            List<SavedTimelineView> page = more ? found.subList(0, pageSize) : found;
            String next = more ? OpaqueToken.encode(LIST_CURSOR, Long.parseLong(page.get(page.size() - 1).id())) : null;
            long total = timelines.count();
            // saved timelines are few and small: the tag is taken from the page read (each timeline's id and
            // version, the total), which is as cheap as any probe and exact
            EntityTag tag = EntityTags.ofTimelines(pageSize + "|" + afterId + "|" + next + "|" + total + "|"
                    + page.stream().map(t -> t.id() + ":" + t.version()).collect(Collectors.joining(",")));
            if (EntityTags.matches(ifNoneMatch, tag)) {
                return EntityTags.notModified(tag);
            }
            String nextLink = next == null ? null : NextPage.link(uri, "cursor", next);
            return NextPage.ok(new SavedTimelinePage(page, next, nextLink, total), nextLink)
                    .tag(tag).cacheControl(EntityTags.revalidate()).build();
        });
    }

    @GET
    @Path("{id}")
    @Operation(summary = "One saved timeline")
    @APIResponse(responseCode = "200", description = "The timeline, with a strong ETag of its version")
    @APIResponse(responseCode = "304", description = "Not changed since the ETag given in If-None-Match")
    @APIResponse(responseCode = "404", description = "No such timeline")
    public Response get(@PathParam("id") String id, @HeaderParam(HttpHeaders.IF_NONE_MATCH) String ifNoneMatch) {
        return metrics.timelines("timeline", () -> {
            SavedTimelineView timeline = find(id);
            EntityTag tag = EntityTags.ofTimeline(key(id), timeline.version());
            if (EntityTags.matches(ifNoneMatch, tag)) {
                return EntityTags.notModified(tag);
            }
            return Response.ok(timeline).tag(tag).cacheControl(EntityTags.revalidate()).build();
        });
    }

    @PUT
    @Path("{id}")
    @Consumes(MediaType.APPLICATION_JSON)
    @Operation(summary = "Redefine a saved timeline (name and filter, all of it); If-Match makes it conditional")
    @APIResponse(responseCode = "200", description = "The timeline as saved, its version bumped")
    @APIResponse(responseCode = "400", description = "A bad member, named in 'parameter'")
    @APIResponse(responseCode = "404", description = "No such timeline")
    @APIResponse(responseCode = "412", description = "The timeline changed since the version If-Match names")
    public Response replace(@PathParam("id") String id, @HeaderParam(HttpHeaders.IF_MATCH) String ifMatch, String body) {
        return metrics.timelines("timeline", () -> {
            long key = key(id);
            TimelineDefinition definition = TimelineDefinition.parse(body);
            return ifMatching(id, ifMatch, expected -> {
                SavedTimelineView saved = timelines.update(key, expected, definition::applyTo)
                        .orElseThrow(() -> Problems.timelineNotFound(id));
                return Response.ok(saved).tag(EntityTags.ofTimeline(key, saved.version())).build();
            });
        });
    }

    @DELETE
    @Path("{id}")
    @Operation(summary = "Delete a saved timeline; If-Match makes it conditional")
    @APIResponse(responseCode = "204", description = "Deleted")
    @APIResponse(responseCode = "404", description = "No such timeline")
    @APIResponse(responseCode = "412", description = "The timeline changed since the version If-Match names")
    public Response delete(@PathParam("id") String id, @HeaderParam(HttpHeaders.IF_MATCH) String ifMatch) {
        return metrics.timelines("timeline", () -> ifMatching(id, ifMatch, expected -> {
            if (!timelines.delete(key(id), expected)) {
                throw Problems.timelineNotFound(id);
            }
            return Response.noContent().build();
        }));
    }

    @GET
    @Path("{id}/events")
    @Operation(summary = "The saved timeline's events: /api/v1/events with its stored filter")
    @APIResponse(responseCode = "200", description = "A page of events, as /api/v1/events answers")
    @APIResponse(responseCode = "304", description = "Nothing changed since the ETag given in If-None-Match")
    @APIResponse(responseCode = "400", description = "A malformed parameter, named in 'parameter'")
    @APIResponse(responseCode = "404", description = "No such timeline")
    public Response events(@PathParam("id") String id,
                           @Parameter(description = "Events per page (default 50, at most 500)") @QueryParam("limit") String limit,
                           @Parameter(description = "The 'next' value of the previous page") @QueryParam("cursor") String cursor,
                           @Parameter(description = "The whole timeline (up to 10,000 events) as a file: timelinejs, csv or ical (day events only)")
                           @QueryParam("format") String format,
                           @Parameter(description = "key-dates: the 'limit' (default 10) most important dates, each with its most reported event")
                           @QueryParam("view") String view,
                           @HeaderParam(HttpHeaders.IF_NONE_MATCH) String ifNoneMatch,
                           @Context UriInfo uri) {
        return metrics.timelines("timeline-events", () -> {
            SavedTimelineView timeline = find(id);
            EventFilter filter = TimelineDefinition.of(timeline).filter();
            if (format != null) {
                return exports.export(TimelineExports.format(format), filter, timeline.name(), "timeline-" + id, ifNoneMatch);
            }
            if (view != null) {
                return keyDates(view, filter, limit, ifNoneMatch);
            }
            return events.page(filter, limit, cursor, ifNoneMatch, uri);
        });
    }

    @GET
    @Path("{id}/changes")
    @Operation(summary = "What was added, changed, merged or removed on the timeline since a cursor, and the next cursor")
    @APIResponse(responseCode = "200", description = "The changes, each event once in its latest state, the cursor to pass next, whether more are waiting")
    @APIResponse(responseCode = "304", description = "Nothing changed since the ETag given in If-None-Match")
    @APIResponse(responseCode = "400", description = "A malformed cursor or limit, or another timeline's cursor, named in 'parameter'")
    @APIResponse(responseCode = "404", description = "No such timeline")
    @APIResponse(responseCode = "410", description = "The cursor expired (the change log was pruned past it, or the timeline was redefined): read the timeline again")
    public Response changes(@PathParam("id") String id,
                            @Parameter(description = "The 'cursor' of the previous response; without it, the feed starts now (no changes, the current cursor)")
                            @QueryParam("since") String since,
                            @Parameter(description = "Logged changes read at most (default 100, at most 1000); 'more' says whether others wait")
                            @QueryParam("limit") String limit,
                            @HeaderParam(HttpHeaders.IF_NONE_MATCH) String ifNoneMatch,
                            @Context UriInfo uri) {
        return metrics.timelines("timeline-changes", () -> {
            SavedTimelineView timeline = find(id);
            int window = EventResource.limit(limit, config.changes().defaultLimit(), config.changes().maxLimit());
            long latest = feed.latestPosition();
            long position = since == null ? latest : position("since", since, timeline, latest);
            EntityTag tag = EntityTags.ofList(latest, "changes|" + id + "|" + timeline.version() + "|" + position + "|" + window);
            if (EntityTags.matches(ifNoneMatch, tag)) {
                return EntityTags.notModified(tag);
            }
            ChangeFeedService.Feed changes = since == null ? new ChangeFeedService.Feed(List.of(), position, false)
                    : feed.read(TimelineDefinition.of(timeline).filter(), position, window);
            String cursor = changesCursor(timeline, changes.position());
            return Response.ok(new ChangeFeedPage(changes.changes(), cursor, changes.more(), NextPage.link(uri, "since", cursor)))
                    .tag(tag).cacheControl(EntityTags.revalidate()).build();
        });
    }

    @GET
    @Path("{id}/stream")
    @Produces(MediaType.SERVER_SENT_EVENTS)
    @Operation(summary = "The timeline's changes as they happen (Server-Sent Events): the change feed, pushed")
    @APIResponse(responseCode = "200", description = "An 'open' event, then a 'changes' event per batch of changes, each with the feed cursor as its id; comment heartbeats")
    @APIResponse(responseCode = "404", description = "No such timeline")
    @APIResponse(responseCode = "410", description = "Last-Event-ID (or since) expired: read the timeline again")
    public void stream(@PathParam("id") String id,
                       @Parameter(description = "A feed cursor to start after (Last-Event-ID takes precedence); without either, from now")
                       @QueryParam("since") String since,
                       @HeaderParam("Last-Event-ID") String lastEventId,
                       @Context SseEventSink sink, @Context Sse sse) {
        metrics.timelines("timeline-stream", () -> {
            SavedTimelineView timeline = find(id);
            EventFilter filter = TimelineDefinition.of(timeline).filter();
            long latest = feed.latestPosition();
            String resumeFrom = lastEventId != null ? lastEventId : since;
            long position = resumeFrom == null ? latest
                    : position(lastEventId != null ? "Last-Event-ID" : "since", resumeFrom, timeline, latest);
            streams.open(timeline, filter, position, sink, sse);
            return null;
        });
    }

    /** {@code view=key-dates}; any other view is a 400. */
    private Response keyDates(String view, EventFilter filter, String limit, String ifNoneMatch) {
        if (!view.equals(KEY_DATES)) {
            throw Problems.invalidParameter("view", "view must be " + KEY_DATES + " (or absent, for the list).");
        }
        int count = EventResource.limit(limit, DEFAULT_KEY_DATES, config.api().maxLimit());
        EntityTag tag = EntityTags.ofList(feed.latestPosition(), KEY_DATES + "|" + filter.canonical() + "|" + count);
        if (EntityTags.matches(ifNoneMatch, tag)) {
            return EntityTags.notModified(tag);
        }
        return Response.ok(new KeyDate.KeyDates(keyDates.keyDates(filter, count))).tag(tag)
                .cacheControl(EntityTags.revalidate()).build();
    }

    /** The feed cursor at this log position: bound to the timeline and its version. */
    static String changesCursor(SavedTimelineView timeline, long position) {
        return OpaqueToken.encode(CHANGES_CURSOR, Long.parseLong(timeline.id()), timeline.version(), position);
    }

    /**
     * The log position of a feed cursor: a 400 if it is not one of this timeline's, a 410 if the changes
     * after it can no longer all be told.
     */
    long position(String parameter, String cursor, SavedTimelineView timeline, long latest) {
        long[] fields;
        try {
            fields = OpaqueToken.decode(cursor, CHANGES_CURSOR, 3);
        } catch (IllegalArgumentException e) {
            throw Problems.invalidParameter(parameter, "The cursor is not one this API issued: pass the 'cursor' of a previous response.");
        }
        if (fields[0] != Long.parseLong(timeline.id())) {
            throw Problems.invalidParameter(parameter, "The cursor belongs to another timeline.");
        }
        if (fields[1] != timeline.version()) {
            throw Problems.changesExpired(parameter, timeline.id(), "The timeline was redefined since this cursor was issued.");
        }
        if (fields[2] < feed.oldestPosition()) {
            throw Problems.changesExpired(parameter, timeline.id(), "Changes this old are no longer kept (retention "
                    + config.changes().retention() + ").");
        }
        if (fields[2] > latest) {
            throw Problems.changesExpired(parameter, timeline.id(), "The cursor is ahead of the change log (was it restored?).");
        }
        return fields[2];
    }

    /** The timeline, or a 404 problem. */
    SavedTimelineView find(String id) {
        return timelines.find(key(id)).orElseThrow(() -> Problems.timelineNotFound(id));
    }


    /** The timeline id of a path: one this service could not have issued is simply unknown. */
    static long key(String id) {
        try {
            return Long.parseLong(id);
        } catch (NumberFormatException e) {
            throw Problems.timelineNotFound(id);
        }
    }

    /**
     * A write conditional on {@code If-Match}: {@code write} gets the versions the header accepts (any
     * without one or with *, else only the tagged one); a refused version is a 412 problem.
     */
    private static Response ifMatching(String id, String ifMatch, Function<LongPredicate, Response> write) {
        long key = key(id);
        LongPredicate expected = ifMatch == null ? version -> true
                : version -> EntityTags.matches(ifMatch, EntityTags.ofTimeline(key, version));
        try {
            return write.apply(expected);
        } catch (VersionMismatchException e) {
            throw Problems.timelineModified(id);
        }
    }

    private static long listCursor(String cursor) {
        if (cursor == null) {
            return 0;
        }
        try {
            return OpaqueToken.decode(cursor, LIST_CURSOR, 1)[0];
        } catch (IllegalArgumentException e) {
            throw Problems.invalidParameter("cursor", "The cursor is not one this API issued: pass the 'next' value of a previous page.");
        }
    }
}
