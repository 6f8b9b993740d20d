package io.eventline.timeline.mapping;

import java.nio.charset.StandardCharsets;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.List;

/**
 * A timeline as an RFC 5545 calendar: one all-day {@code VEVENT} per event dated to a day. Events of
 * any other granularity (a month, a year, a season...) are left out: a calendar entry would claim a
 * precision the reports do not give. So are days before AD 1: RFC 5545 writes a date's year in four
 * digits with no sign, and calendar clients do not show year 0 (1 BC) either. Lines end in CRLF and are folded at 75 octets (never inside a
 * UTF-8 character); text values escape backslash, semicolon, comma and line ends.
 */
public final class ICalendarExport {

    private static final DateTimeFormatter DATE = DateTimeFormatter.BASIC_ISO_DATE;
    private static final DateTimeFormatter STAMP = DateTimeFormatter.ofPattern("yyyyMMdd'T'HHmmss'Z'").withZone(ZoneOffset.UTC);
    private static final int MAX_LINE_OCTETS = 75;

    private ICalendarExport() {
    }

    public static String of(String name, List<TimelineEvent> events) {
        StringBuilder calendar = new StringBuilder();
        line(calendar, "BEGIN:VCALENDAR");
        line(calendar, "VERSION:2.0");
        line(calendar, "PRODID:-//Eventline//Timeline export//EN");
        line(calendar, "CALSCALE:GREGORIAN");
        line(calendar, "X-WR-CALNAME:" + text(name));
        for (TimelineEvent event : events) {
            if (!event.date().granularity().equals("day") || event.date().start().getYear() < 1) {
                continue;
            }
            line(calendar, "BEGIN:VEVENT");
            // stable across exports, so calendar clients update the entry instead of adding another
            line(calendar, "UID:event-" + event.id() + "@eventline.io");
            // when the event was first reported: the same bytes for the same timeline (the export's ETag is strong)
            line(calendar, "DTSTAMP:" + STAMP.format(event.firstReportedAt()));
            line(calendar, "DTSTART;VALUE=DATE:" + DATE.format(event.date().start()));
            line(calendar, "DTEND;VALUE=DATE:" + DATE.format(event.date().start().plusDays(1)));
            line(calendar, "SUMMARY:" + text(event.text()));
            if (!event.sources().isEmpty()) {
                line(calendar, "URL:" + event.sources().get(0).url());
            }
            line(calendar, "END:VEVENT");
        }
        line(calendar, "END:VCALENDAR");
        return calendar.toString();
    }

    /** A TEXT value (RFC 5545 3.3.11). */
    static String text(String value) {
        return value.replace("\\", "\\\\").replace(";", "\\;").replace(",", "\\,")
                .replace("\r\n", "\\n").replace("\n", "\\n").replace("\r", "\\n");
    }

    /** Appends a content line, folded (RFC 5545 3.1): at most 75 octets a line, continuations start with a space. */
    static void line(StringBuilder calendar, String content) {
        int octets = 0;
        for (int i = 0; i < content.length(); ) {
            int codePoint = content.codePointAt(i);
            int size = new String(Character.toChars(codePoint)).getBytes(StandardCharsets.UTF_8).length;
            if (octets + size > MAX_LINE_OCTETS) {
                calendar.append("\r\n ");
                // the leading space counts in the next line's 75
                octets = 1;
            }
            calendar.appendCodePoint(codePoint);
            octets += size;
            i += Character.charCount(codePoint);
        }
        calendar.append("\r\n");
    }
}
