package io.eventline.ingest.extraction;

import java.util.Objects;

/** Someone or something an event is about. The explicit-date extractor finds none yet. */
public record EventEntity(String text, Kind kind) {

    public enum Kind { PERSON, ORGANIZATION, PLACE, OTHER }

    public EventEntity {
        Objects.requireNonNull(text, "text");
        Objects.requireNonNull(kind, "kind");
    }
}
