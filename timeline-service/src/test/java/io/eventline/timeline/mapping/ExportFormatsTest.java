package io.eventline.timeline.mapping;

import io.eventline.timeline.MentionedEntity;
import org.junit.jupiter.api.Test;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/** The export formats against the rules of their RFCs, on events built here. */
class ExportFormatsTest {

    private static TimelineEvent event(String id, String value, String granularity, String start, String end, String text) {
        return new TimelineEvent(id, new TimelineEvent.Date(value, granularity, LocalDate.parse(start), LocalDate.parse(end)),
                text, List.of(new MentionedEntity("Sinaloa Cartel", "ORGANIZATION"), new MentionedEntity("Mexico", "PLACE")),
                3, 2, Instant.parse("2025-02-19T23:10:00Z"),
                List.of(new TimelineEvent.Source("a-1", "T", "https://example.org/1", Instant.parse("2025-02-19T23:10:00Z"), "Reuters")));
    }

    @Test
    void csvQuotesWhatRfc4180AsksAndDisarmsFormulas() {
        String csv = CsvExport.of(List.of(
                event("1", "2025-02-19", "day", "2025-02-19", "2025-02-19", "He said \"no\", then left.\nLater: more."),
                event("2", "2025", "year", "2025-01-01", "2025-12-31", "=HYPERLINK(\"http://evil\")"),
                event("3", "2025-03", "month", "2025-03-01", "2025-03-31", "-5 degrees; +3 later; @home")));

        String[] lines = csv.split("\r\n", -1);
        assertThat(lines[0]).isEqualTo("id,date,granularity,start,end,text,entities,report_count,outlet_count,first_reported_at,sources");
        assertThat(csv).contains("1,2025-02-19,day,2025-02-19,2025-02-19,\"He said \"\"no\"\", then left.\nLater: more.\","
                + "Sinaloa Cartel; Mexico,3,2,2025-02-19T23:10:00Z,Reuters <https://example.org/1>\r\n");
        assertThat(csv).contains("\r\n2,2025,year,2025-01-01,2025-12-31,\"'=HYPERLINK(\"\"http://evil\"\")\",");
        assertThat(csv).contains("\r\n3,2025-03,month,2025-03-01,2025-03-31,'-5 degrees; +3 later; @home,");
        assertThat(csv).endsWith("\r\n");
        assertThat(CsvExport.field("@SUM(A1)")).isEqualTo("'@SUM(A1)");
        assertThat(CsvExport.field("+1")).isEqualTo("'+1");
        assertThat(CsvExport.field("a-b")).isEqualTo("a-b");
    }

    @Test
    void iCalendarHasOneAllDayEventPerDayEventOnlyWithEscapedFoldedCrlfLines() {
        String longText = "The State Department designated the Sinaloa Cartel, Tren de Aragua; and others as \\ terrorist "
                + "organizations — a step with consequences for trade\nand migration.";
        String calendar = ICalendarExport.of("Cartels, 2025", List.of(
                event("12", "2025-02-19", "day", "2025-02-19", "2025-02-19", longText),
                event("13", "2025-02", "month", "2025-02-01", "2025-02-28", "A month event.")));

        assertThat(calendar).startsWith("BEGIN:VCALENDAR\r\nVERSION:2.0\r\nPRODID:").endsWith("END:VCALENDAR\r\n");
        assertThat(calendar).contains("X-WR-CALNAME:Cartels\\, 2025\r\n");
        assertThat(calendar.split("BEGIN:VEVENT", -1)).hasSize(2);
        assertThat(calendar).contains("UID:event-12@eventline.io\r\n", "DTSTART;VALUE=DATE:20250219\r\n",
                "DTEND;VALUE=DATE:20250220\r\n", "DTSTAMP:20250219T231000Z\r\n");
        assertThat(calendar).doesNotContain("A month event.");
        // no bare LF: every line ends in CRLF
        assertThat(calendar.replace("\r\n", "")).doesNotContain("\n").doesNotContain("\r");
        for (String line : calendar.split("\r\n")) {
            assertThat(line.getBytes(StandardCharsets.UTF_8).length).as(line).isLessThanOrEqualTo(75);
        }
        String unfolded = calendar.replace("\r\n ", "");
        assertThat(unfolded).contains("SUMMARY:The State Department designated the Sinaloa Cartel\\, Tren de Aragua\\; and others as \\\\ terrorist "
                + "organizations — a step with consequences for trade\\nand migration.\r\n");
    }

    @Test
    void foldingNeverSplitsAUtf8Character() {
        StringBuilder calendar = new StringBuilder();
        ICalendarExport.line(calendar, "SUMMARY:" + "é".repeat(100));
        for (String line : calendar.toString().split("\r\n")) {
            assertThat(line.getBytes(StandardCharsets.UTF_8).length).isLessThanOrEqualTo(75);
        }
        assertThat(calendar.toString().replace("\r\n ", "")).isEqualTo("SUMMARY:" + "é".repeat(100) + "\r\n");
    }

    @Test
    void timelineJsDatesHaveTheEventsGranularityAndTextsStayPlain() {
        TimelineJsExport export = TimelineJsExport.of("Cartels <2025>", List.of(
                event("1", "2025", "year", "2025-01-01", "2025-12-31", "A <b>year</b> & more."),
                event("2", "2025-02", "month", "2025-02-01", "2025-02-28", "A month."),
                event("3", "2025-02-19", "day", "2025-02-19", "2025-02-19", "A day."),
                event("4", "202", "decade", "2020-01-01", "2029-12-31", "A decade.")));

        assertThat(export.title().text().headline()).isEqualTo("Cartels &lt;2025&gt;");
        List<TimelineJsExport.Slide> slides = export.events();
        assertThat(slides.get(0).startDate()).isEqualTo(new TimelineJsExport.DateParts("2025", null, null));
        assertThat(slides.get(0).endDate()).isNull();
        assertThat(slides.get(0).text().headline()).isEqualTo("A &lt;b&gt;year&lt;/b&gt; &amp; more.");
        assertThat(slides.get(0).uniqueId()).isEqualTo("event-1");
        assertThat(slides.get(1).startDate()).isEqualTo(new TimelineJsExport.DateParts("2025", "2", null));
        assertThat(slides.get(2).startDate()).isEqualTo(new TimelineJsExport.DateParts("2025", "2", "19"));
        assertThat(slides.get(3).startDate()).isEqualTo(new TimelineJsExport.DateParts("2020", null, null));
        assertThat(slides.get(3).endDate()).isEqualTo(new TimelineJsExport.DateParts("2029", null, null));
        assertThat(TimelineJsExport.headline("word ".repeat(40))).hasSizeLessThanOrEqualTo(100).endsWith("…");
    }
}
