package io.eventline.timeline.mapping;

import java.util.List;

/**
 * A page of the timeline as the API returns it.
 *
 * @param next     the cursor for the following page, or null on the last page
 * @param nextLink the following page's URL (relative: path and query), or null on the last page; also
 *                 sent as an RFC 8288 {@code Link: <...>; rel="next"} header
 * @param total    how many events match the filter, over all pages
 */
public record TimelinePage(List<TimelineEvent> events, String next, String nextLink, long total) {
}
