package io.eventline.timeline.mapping;

import io.eventline.timeline.SavedTimeline;

import java.time.Instant;
import java.util.List;

/**
 * A saved timeline as the API shows it: its definition (the members a POST or PUT takes) and what the
 * service keeps about it.
 *
 * @param version bumped by every update; the ETag names it
 */
public record SavedTimelineView(String id, String name, List<String> entities, String words, String from, String to,
                                List<String> sources, long version, Instant createdAt, Instant updatedAt) {

    public static SavedTimelineView of(SavedTimeline timeline) {
        return new SavedTimelineView(String.valueOf(timeline.id), timeline.name, timeline.entities, timeline.words,
                timeline.from, timeline.to, timeline.sources, timeline.version, timeline.createdAt, timeline.updatedAt);
    }
}
