package io.eventline.timeline.mapping;

import io.eventline.timeline.MentionedEntity;

import java.util.List;
import java.util.stream.Collectors;

/**
 * A timeline as CSV (RFC 4180: a header row, CRLF line ends, a field quoted when it holds a comma, a
 * quote or a line end, quotes doubled), safe to open in a spreadsheet: a cell that starts with
 * {@code =}, {@code +}, {@code -}, {@code @} (or a tab or carriage return) gets a leading {@code '}, so
 * that no formula in an article's text runs (OWASP "CSV injection").
 */
public final class CsvExport {

    static final List<String> HEADER = List.of("id", "date", "granularity", "start", "end", "text", "entities",
            "report_count", "outlet_count", "first_reported_at", "sources");

    private CsvExport() {
    }

    public static String of(List<TimelineEvent> events) {
        StringBuilder csv = new StringBuilder();
        row(csv, HEADER);
        for (TimelineEvent event : events) {
            row(csv, List.of(event.id(), event.date().value(), event.date().granularity(),
                    event.date().start().toString(), event.date().end().toString(), event.text(),
                    event.entities().stream().map(MentionedEntity::text).collect(Collectors.joining("; ")),
                    String.valueOf(event.reportCount()), String.valueOf(event.outletCount()),
                    String.valueOf(event.firstReportedAt()),
                    event.sources().stream().map(s -> s.source() + " <" + s.url() + ">").collect(Collectors.joining("; "))));
        }
        return csv.toString();
    }

    private static void row(StringBuilder csv, List<String> cells) {
        for (int i = 0; i < cells.size(); i++) {
            if (i > 0) {
                csv.append(',');
            }
            csv.append(field(cells.get(i)));
        }
        csv.append("\r\n");
    }

    static String field(String value) {
        String cell = value == null ? "" : value;
        if (!cell.isEmpty() && "=+-@\t\r".indexOf(cell.charAt(0)) >= 0) {
            cell = "'" + cell;
        }
        if (cell.contains(",") || cell.contains("\"") || cell.contains("\n") || cell.contains("\r")) {
            cell = "\"" + cell.replace("\"", "\"\"") + "\"";
        }
        return cell;
    }
}
