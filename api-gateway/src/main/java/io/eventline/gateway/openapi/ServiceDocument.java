package io.eventline.gateway.openapi;

import java.time.Instant;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * What the gateway knows of one service's OpenAPI document: the document last fetched (if any), and
 * whether it is current, or older because the service could not be asked.
 *
 * @param service   the upstream's name ("ingest", "timeline")
 * @param document  the parsed document last fetched, empty if none was ever fetched
 * @param state     how current the document is
 * @param fetchedAt when the document was fetched, empty if never
 * @param problem   why the last fetch failed, empty when it succeeded
 */
public record ServiceDocument(String service, Optional<Map<String, Object>> document, State state,
        Optional<Instant> fetchedAt, Optional<String> problem) {

    public enum State {
        /** Fetched within the cache time. */
        CURRENT,
        /** The last fetch failed; this is the document fetched before. */
        STALE,
        /** The service never handed over a document. */
        UNAVAILABLE;

        public String wireName() {
            return name().toLowerCase(java.util.Locale.ROOT);
        }
    }

    public ServiceDocument {
        Objects.requireNonNull(service, "service");
        Objects.requireNonNull(state, "state");
    }

    public static ServiceDocument current(String service, Map<String, Object> document, Instant fetchedAt) {
        return new ServiceDocument(service, Optional.of(document), State.CURRENT, Optional.of(fetchedAt), Optional.empty());
    }

    /** After a failed fetch: the previous document, now stale, or nothing at all. */
    public ServiceDocument failed(String why) {
        return new ServiceDocument(service, document, document.isPresent() ? State.STALE : State.UNAVAILABLE, fetchedAt,
                Optional.of(why));
    }

    public static ServiceDocument unavailable(String service, String why) {
        return new ServiceDocument(service, Optional.empty(), State.UNAVAILABLE, Optional.empty(), Optional.of(why));
    }
}
