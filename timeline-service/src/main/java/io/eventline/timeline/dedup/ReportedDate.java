package io.eventline.timeline.dedup;

import java.time.LocalDate;
import java.util.Objects;

/**
 * The date of a report at its own granularity, as the article message gives it: the TimeML value
 * ({@code 2025-02-19}, {@code 2025-02}, {@code 198}, {@code 1914-04/1914-11}...), the granularity
 * ({@code day}, {@code week}, {@code month}, {@code quarter}, {@code season}, {@code year},
 * {@code decade}, {@code century}, {@code interval}) and the first and last day covered, inclusive.
 */
public record ReportedDate(String value, String granularity, LocalDate start, LocalDate end) {

    public ReportedDate {
        Objects.requireNonNull(value, "value");
        Objects.requireNonNull(granularity, "granularity");
        Objects.requireNonNull(start, "start");
        Objects.requireNonNull(end, "end");
        if (end.isBefore(start)) {
            throw new IllegalArgumentException("date " + value + " ends before it starts");
        }
    }

    /** Whether every day of {@code other} is a day of this date. */
    public boolean contains(ReportedDate other) {
        return !other.start.isBefore(start) && !other.end.isAfter(end);
    }

    /** The number of days covered: the smaller, the more precise. */
    public long days() {
        return end.toEpochDay() - start.toEpochDay() + 1;
    }
}
