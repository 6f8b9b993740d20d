package io.eventline.timeline.mapping;

/**
 * What happened to one event of a saved timeline since the feed's cursor, collapsed to its latest state.
 *
 * @param kind       {@code added} (new since the cursor, matches the filter), {@code changed} (matches it now;
 *                   it may have matched before or not), {@code merged} (its reports went to {@code mergedInto}),
 *                   {@code removed} (gone, or no longer matching the filter)
 * @param id         the event's id
 * @param mergedInto for {@code merged}: the event that took its reports; null otherwise
 * @param event      for {@code added} and {@code changed}: the event as the timeline lists it now; null otherwise
 */
public record TimelineChange(String kind, String id, String mergedInto, TimelineEvent event) {
}
