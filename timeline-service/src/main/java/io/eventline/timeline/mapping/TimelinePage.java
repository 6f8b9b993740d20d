package io.eventline.timeline.mapping;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

import java.util.List;

/**
 * A page of the timeline as the API returns it.
 *
 * @param next       the cursor for the following page, or null on the last page
 * @param nextLink   the following page's URL (relative: path and query), or null on the last page; also
 *                   sent as an RFC 8288 {@code Link: <...>; rel="next"} header
 * @param total      how many events match the filter, counted up to a cap (1,000 by default) when the
 *                   first page is read; the following pages repeat the first page's figure
 * @param totalExact whether {@code total} is the exact number; false: more than {@code total} events match
 */
public record TimelinePage(
        List<TimelineEvent> events,
        @Schema(description = "The cursor of the following page (pass it as 'cursor'), null on the last page", nullable = true)
        String next,
        @Schema(description = "The following page's URL, relative (also a Link rel=\"next\" header), null on the last page", nullable = true)
        String nextLink,
        @Schema(description = "How many events match the filter, counted up to a cap (eventline.timeline.api.total-cap, "
                + "1,000 by default) when the first page was read; the following pages repeat that figure, "
                + "so it does not change while a client pages through")
        long total,
        @Schema(description = "Whether 'total' is exact; false: more than 'total' events match (show it as \"1,000+\")")
        boolean totalExact) {
}
