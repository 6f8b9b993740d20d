package io.eventline.timeline.dedup;

import java.time.LocalDate;
import java.util.Objects;

/**
 * The date of a report at its own granularity, as the article message gives it: the TimeML value
 * ({@code 2025-02-19}, {@code 2025-02}, {@code 198}, {@code 1914-04/1914-11}...), the granularity
 * ({@code day}, {@code week}, {@code month}, {@code quarter}, {@code season}, {@code year},
 * {@code decade}, {@code century}, {@code interval}) and the first and last day covered, inclusive.
 */
public final class ReportedDate {

    private final String value;
    private final String granularity;
    private final LocalDate start;
    private final LocalDate end;
    /** The first and last day as epoch days: containment is asked for every report of every candidate event. */
    private final long startDay;
    private final long endDay;

    public ReportedDate(String value, String granularity, LocalDate start, LocalDate end) {
        this.value = Objects.requireNonNull(value, "value");
        this.granularity = Objects.requireNonNull(granularity, "granularity");
        this.start = Objects.requireNonNull(start, "start");
        this.end = Objects.requireNonNull(end, "end");
        if (end.isBefore(start)) {
            throw new IllegalArgumentException("date " + value + " ends before it starts");
        }
        this.startDay = start.toEpochDay();
        this.endDay = end.toEpochDay();
    }

    public String value() {
        return value;
    }

    public String granularity() {
        return granularity;
    }

    public LocalDate start() {
        return start;
    }

    public LocalDate end() {
        return end;
    }

    /** Whether every day of {@code other} is a day of this date. */
    public boolean contains(ReportedDate other) {
        return other.startDay >= startDay && other.endDay <= endDay;
    }

    /** The number of days covered: the smaller, the more precise. */
    public long days() {
        return endDay - startDay + 1;
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof ReportedDate other && value.equals(other.value) && granularity.equals(other.granularity)
                && start.equals(other.start) && end.equals(other.end);
    }

    @Override
    public int hashCode() {
        return Objects.hash(value, granularity, start, end);
    }

    @Override
    public String toString() {
        return "ReportedDate[value=" + value + ", granularity=" + granularity + ", start=" + start + ", end=" + end + "]";
    }
}
