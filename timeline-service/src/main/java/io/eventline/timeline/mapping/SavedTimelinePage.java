package io.eventline.timeline.mapping;

import java.util.List;

/**
 * A page of the saved timelines, oldest first.
 *
 * @param next     the cursor of the following page, or null on the last page
 * @param nextLink the following page's URL (relative), or null on the last page; also a {@code Link} header
 * @param total    how many saved timelines there are
 */
public record SavedTimelinePage(List<SavedTimelineView> timelines, String next, String nextLink, long total) {
}
