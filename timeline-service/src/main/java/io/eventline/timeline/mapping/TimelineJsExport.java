package io.eventline.timeline.mapping;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonProperty;

import java.time.LocalDate;
import java.util.List;

/**
 * A timeline in the JSON format of TimelineJS3 (Knight Lab), which newsrooms embed as is. Dates carry
 * only the parts of the event's granularity (a year event has only a year: TimelineJS then shows
 * "1920", not "1 January 1920"); a period (an interval, a decade...) gets an end date. TimelineJS
 * renders text as HTML, so the texts are HTML-escaped: they show as the plain text they are.
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record TimelineJsExport(Slide title, List<Slide> events) {

    static final int MAX_HEADLINE_LENGTH = 100;

    @JsonInclude(JsonInclude.Include.NON_NULL)
    public record Slide(@JsonProperty("start_date") DateParts startDate, @JsonProperty("end_date") DateParts endDate,
                        Text text, @JsonProperty("unique_id") String uniqueId) {
    }

    @JsonInclude(JsonInclude.Include.NON_NULL)
    public record DateParts(String year, String month, String day) {
    }

    public record Text(String headline, String text) {
    }

    public static TimelineJsExport of(String name, List<TimelineEvent> events) {
        return new TimelineJsExport(new Slide(null, null, new Text(html(name), ""), null),
                events.stream().map(TimelineJsExport::slide).toList());
    }

    private static Slide slide(TimelineEvent event) {
        TimelineEvent.Date date = event.date();
        String details = event.reportCount() + (event.reportCount() == 1 ? " report" : " reports") + ", "
                + event.outletCount() + (event.outletCount() == 1 ? " outlet" : " outlets") + ".";
        return new Slide(parts(date.start(), date.granularity()), endParts(date), new Text(html(headline(event.text())),
                html(event.text()) + "<br>" + details), "event-" + event.id());
    }

    /** The date's parts at its granularity. */
    private static DateParts parts(LocalDate day, String granularity) {
        String year = String.valueOf(day.getYear());
        return switch (granularity) {
            case "day", "week", "interval" -> new DateParts(year, String.valueOf(day.getMonthValue()), String.valueOf(day.getDayOfMonth()));
            case "month", "quarter", "season" -> new DateParts(year, String.valueOf(day.getMonthValue()), null);
            default -> new DateParts(year, null, null); // year, decade, century
        };
    }

    /** A single day, month or year is its own slide; a longer period ends at its last day, month or year. */
    private static DateParts endParts(TimelineEvent.Date date) {
        return switch (date.granularity()) {
            case "day", "month", "year" -> null;
            default -> parts(date.end(), date.granularity());
        };
    }

    /** The text, cut at a word before {@link #MAX_HEADLINE_LENGTH} characters. */
    static String headline(String text) {
        if (text.length() <= MAX_HEADLINE_LENGTH) {
            return text;
        }
        int cut = text.lastIndexOf(' ', MAX_HEADLINE_LENGTH - 1);
        return text.substring(0, cut > 0 ? cut : MAX_HEADLINE_LENGTH - 1) + "…";
    }

    static String html(String text) {
        return text.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;")
                .replace("\"", "&quot;").replace("'", "&#39;");
    }
}
