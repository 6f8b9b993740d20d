package io.eventline.timeline.mapping;

import java.util.List;

/**
 * One response of a saved timeline's change feed.
 *
 * @param changes  each changed event once, in the order of its latest change
 * @param cursor   what to pass as {@code since} next time: everything up to it is in this response or earlier ones
 * @param more     whether more changes are already waiting (ask again at once with {@code cursor})
 * @param nextLink the URL of the next request (relative: path and query)
 */
public record ChangeFeedPage(List<TimelineChange> changes, String cursor, boolean more, String nextLink) {
}
