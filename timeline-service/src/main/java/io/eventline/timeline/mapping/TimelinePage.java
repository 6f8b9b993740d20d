package io.eventline.timeline.mapping;

import java.util.List;

/**
 * A page of the timeline as the API returns it.
 *
 * @param next the cursor for the following page, or null on the last page
 */
public record TimelinePage(List<TimelineEvent> events, String next) {
}
