package io.eventline.timeline.rest;

import io.eventline.timeline.EventFilter;
import io.eventline.timeline.mapping.CsvExport;
import io.eventline.timeline.mapping.ICalendarExport;
import io.eventline.timeline.mapping.TimelineJsExport;
import io.eventline.timeline.service.TimelineExportService;
import io.eventline.timeline.service.TimelineService;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.ws.rs.core.EntityTag;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;

import java.util.Arrays;

/**
 * The {@code format} parameter of {@code /api/v1/events} and {@code /api/v1/timelines/{id}/events}:
 * the whole filtered timeline (up to {@link TimelineExportService#MAX_EVENTS}, the first in timeline
 * order) as a file a newsroom can publish, with the same strong ETag rule as the lists.
 */
@ApplicationScoped
class TimelineExports {

    /** Sent when the timeline had more events than an export holds. */
    static final String TRUNCATED_HEADER = "Eventline-Export-Truncated";

    enum Format {
        TIMELINEJS("timelinejs", MediaType.APPLICATION_JSON, "json"),
        CSV("csv", "text/csv; charset=utf-8; header=present", "csv"),
        ICAL("ical", "text/calendar; charset=utf-8", "ics");

        final String parameter;
        final String mediaType;
        final String extension;

        Format(String parameter, String mediaType, String extension) {
            this.parameter = parameter;
            this.mediaType = mediaType;
            this.extension = extension;
        }
    }

    private final TimelineExportService exports;
    private final TimelineService timeline;

    TimelineExports(TimelineExportService exports, TimelineService timeline) {
        this.exports = exports;
        this.timeline = timeline;
    }

    /** The format named, or a 400 problem naming {@code format}. */
    static Format format(String value) {
        return Arrays.stream(Format.values()).filter(f -> f.parameter.equals(value)).findFirst()
                .orElseThrow(() -> Problems.invalidParameter("format", "format must be one of "
                        + String.join(", ", Arrays.stream(Format.values()).map(f -> f.parameter).toList()) + "."));
    }

    /** The filtered timeline as a file named {@code fileStem} plus the format's extension. */
    Response export(Format format, EventFilter filter, String title, String fileStem, String ifNoneMatch) {
        EntityTag tag = EntityTags.ofList(timeline.latestChange(), "export|" + format + "|" + filter.canonical() + "|" + title);
        if (EntityTags.matches(ifNoneMatch, tag)) {
            return EntityTags.notModified(tag);
        }
        TimelineExportService.Exported exported = exports.export(filter);
        Object body = switch (format) {
            case TIMELINEJS -> TimelineJsExport.of(title, exported.events());
            case CSV -> CsvExport.of(exported.events());
            case ICAL -> ICalendarExport.of(title, exported.events());
        };
        Response.ResponseBuilder response = Response.ok(body, format.mediaType).tag(tag).cacheControl(EntityTags.revalidate())
                .header("Content-Disposition", "attachment; filename=\"" + fileStem + "." + format.extension + "\"");
        if (exported.truncated()) {
            response.header(TRUNCATED_HEADER, "first " + TimelineExportService.MAX_EVENTS + " events");
        }
        return response.build();
    }
}
