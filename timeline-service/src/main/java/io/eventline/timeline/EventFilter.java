package io.eventline.timeline;

import java.time.LocalDate;
import java.util.List;
import java.util.Locale;

/**
 * Which events a timeline read asks for. Every part is optional (null or empty: no constraint);
 * all given parts must hold.
 *
 * @param from        only events whose period ends on or after this day
 * @param to          only events whose period starts on or before this day
 * @param entities    only events that mention every one of these names (compared case-insensitively)
 * @param words       only events whose mentions contain these words (English full-text search)
 * @param outlets     only events that one of these outlets ({@code article.source}) reported (case-insensitive)
 * @param granularity only events dated at this granularity ({@code day}, {@code month}, ...)
 */
public record EventFilter(LocalDate from, LocalDate to, List<String> entities, String words, List<String> outlets,
                          String granularity) {

    public EventFilter {
        entities = entities == null ? List.of() : entities.stream().map(EventFilter::entityKey).distinct().sorted().toList();
        // a saved timeline may name several outlets; /events names at most one
        outlets = outlets == null ? List.of() : outlets.stream().map(EventFilter::entityKey).distinct().sorted().toList();
    }

    /** How an entity name is compared: trimmed, lower case. The stored event.entity_keys use the same. */
    public static String entityKey(String name) {
        return name.strip().toLowerCase(Locale.ROOT);
    }

    /**
     * The filter as one canonical string: equal for equal filters, whatever the order or case of the
     * request's parameters. Cursors and list ETags are bound to it.
     */
    public String canonical() {
        return String.join("\u001f", String.valueOf(from), String.valueOf(to), String.join("\u001e", entities),
                // one outlet gives the same string as before outlets were a list, so issued cursors stay valid
                String.valueOf(words), outlets.isEmpty() ? "null" : String.join("\u001e", outlets), String.valueOf(granularity));
    }
}
