package io.eventline.timeline.rest;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.eventline.timeline.EventFilter;
import io.eventline.timeline.mapping.ChangeFeedPage;
import io.eventline.timeline.mapping.SavedTimelineView;
import io.eventline.timeline.service.ChangeFeedService;
import io.eventline.timeline.service.SavedTimelineService;
import io.quarkus.logging.Log;
import io.quarkus.runtime.ShutdownEvent;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.context.control.ActivateRequestContext;
import jakarta.enterprise.event.Observes;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.sse.Sse;
import jakarta.ws.rs.sse.SseEventSink;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;

/**
 * The open change streams of saved timelines ({@code GET /api/v1/timelines/{id}/stream}), fed by one
 * shared poller: every {@link #POLL_INTERVAL} it reads the change log's latest position (one index
 * probe), and only when it moved does it read each stream's changes, with the very code of the change
 * feed. One poller for all streams keeps the database load flat in the number of clients; LISTEN/NOTIFY
 * would need the consumer to notify, and a dedicated connection per instance. Each message's {@code id}
 * is the feed cursor after it, so a client reconnecting with {@code Last-Event-ID} loses nothing.
 * Streams get a comment line every {@link #HEARTBEAT} so proxies keep idle connections open.
 */
@ApplicationScoped
public class ChangeStreams {

    static final Duration POLL_INTERVAL = Duration.ofMillis(500);
    static final Duration HEARTBEAT = Duration.ofSeconds(15);
    /** Logged changes read per message: a stream catching up sends several messages. */
    private static final int CHANGES_PER_MESSAGE = 500;

    /** One client's stream: its timeline as defined when it opened, and how far it has been sent. */
    private record Stream(SavedTimelineView timeline, EventFilter filter, SseEventSink sink, Sse sse, AtomicLong position) {
    }

    private final ChangeFeedService feed;
    private final SavedTimelineService timelines;
    /** The API's own mapper: a streamed change reads exactly as the feed's. */
    private final ObjectMapper json;
    private final Map<SseEventSink, Stream> streams = new ConcurrentHashMap<>();
    private final AtomicLong lastSeen = new AtomicLong(-1);
    private ScheduledExecutorService poller;
    private long lastHeartbeat = System.nanoTime();

    ChangeStreams(ChangeFeedService feed, SavedTimelineService timelines, ObjectMapper json) {
        this.feed = feed;
        this.timelines = timelines;
        this.json = json;
    }

    /** Starts streaming the timeline's changes after {@code position}; the changes since it are sent at once. */
    void open(SavedTimelineView timeline, EventFilter filter, long position, SseEventSink sink, Sse sse) {
        Stream stream = new Stream(timeline, filter, sink, sse, new AtomicLong(position));
        send(stream, sse.newEventBuilder().name("open").id(TimelineResource.changesCursor(timeline, position))
                .mediaType(MediaType.APPLICATION_JSON_TYPE).data(String.class, "{\"cursor\":\""
                        + TimelineResource.changesCursor(timeline, position) + "\"}").build());
        synchronized (this) {
            streams.put(sink, stream);
            if (poller == null) {
                poller = Executors.newSingleThreadScheduledExecutor(task -> {
                    Thread thread = new Thread(task, "timeline-change-streams");
                    thread.setDaemon(true);
                    return thread;
                });
                poller.scheduleWithFixedDelay(this::poll, 0, POLL_INTERVAL.toMillis(), TimeUnit.MILLISECONDS);
            }
        }
        // catch up now rather than at the next change
        lastSeen.set(-1);
    }

    void stop(@Observes ShutdownEvent stopping) {
        synchronized (this) {
            if (poller != null) {
                poller.shutdownNow();
            }
        }
        streams.values().forEach(stream -> stream.sink().close());
    }

    /** Runs on the poller's thread: the database reads outside a transaction need a request context there. */
    @ActivateRequestContext
    void poll() {
        try {
            streams.values().removeIf(stream -> stream.sink().isClosed());
            boolean heartbeat = System.nanoTime() - lastHeartbeat >= HEARTBEAT.toNanos();
            if (heartbeat) {
                lastHeartbeat = System.nanoTime();
                streams.values().forEach(stream -> send(stream, stream.sse().newEventBuilder().comment("keep-alive").build()));
            }
            long latest = feed.latestPosition();
            if (latest == lastSeen.getAndSet(latest)) {
                return;
            }
            for (Stream stream : List.copyOf(streams.values())) {
                if (stream.position().get() < latest) {
                    catchUp(stream);
                }
            }
        } catch (RuntimeException e) {
            // the database may be down: streams stay open and the next poll tries again
            lastSeen.set(-1);
            Log.debugf("Change stream poll failed: %s", e.toString());
        }
    }

    private void catchUp(Stream stream) {
        Optional<SavedTimelineView> now = timelines.find(Long.parseLong(stream.timeline().id()));
        if (now.isEmpty() || now.get().version() != stream.timeline().version()) {
            // its cursors are no longer valid: the client must read the timeline again
            send(stream, stream.sse().newEventBuilder().name("expired").data(String.class,
                    "{\"detail\":\"The timeline was redefined or deleted: read it again.\"}").build());
            close(stream);
            return;
        }
        ChangeFeedService.Feed changes;
        do {
            changes = feed.read(stream.filter(), stream.position().get(), CHANGES_PER_MESSAGE);
            stream.position().set(changes.position());
            if (!changes.changes().isEmpty()) {
                String cursor = TimelineResource.changesCursor(stream.timeline(), changes.position());
                send(stream, stream.sse().newEventBuilder().name("changes").id(cursor).mediaType(MediaType.APPLICATION_JSON_TYPE)
                        .data(String.class, json(new ChangeFeedPage(changes.changes(), cursor, false, null))).build());
            }
        } while (changes.more() && !stream.sink().isClosed());
    }

    private void send(Stream stream, jakarta.ws.rs.sse.OutboundSseEvent event) {
        stream.sink().send(event).exceptionally(failure -> {
            close(stream);
            return null;
        });
    }

    private void close(Stream stream) {
        streams.remove(stream.sink());
        stream.sink().close();
    }

    private String json(Object value) {
        try {
            return json.writeValueAsString(value);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }
}
