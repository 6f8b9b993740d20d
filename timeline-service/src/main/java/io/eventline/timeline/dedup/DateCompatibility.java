package io.eventline.timeline.dedup;

import java.util.Collection;
import java.util.Comparator;

/**
 * When two dates may belong to the same event: one contains the other. That is the same day
 * ({@code 2025-02-19} and {@code 2025-02-19}), or a coarser date that contains the finer one
 * ({@code 2025-02} and {@code 2025-02-19}; {@code 1914} and {@code 1914-04/1914-11};
 * {@code 2025-W08} and {@code 2025-02-19}).
 *
 * <p>The rule is written on the days covered, not on the granularity names, so weeks, seasons,
 * quarters and intervals need no case of their own: a week or an interval is compatible with the
 * days and months inside it and with the years that hold it. Dates that only overlap are not
 * compatible: a week that straddles two months belongs to neither month ({@code 2025-W09}, 24
 * February to 2 March, is not "in March"), and two different days never are, however close: a
 * follow-up the next day (tariffs announced on the 1st, in force on the 4th) is another event.
 *
 * <p>Compatibility is not transitive ({@code 2025-02} is compatible with the 3rd and the 19th, which
 * are not compatible with each other), so an event keeps only reports whose dates are pairwise
 * compatible: they then nest, and the narrowest of them is the event's date.
 */
public final class DateCompatibility {

    private DateCompatibility() {
    }

    public static boolean compatible(ReportedDate a, ReportedDate b) {
        return a.contains(b) || b.contains(a);
    }

    /** Whether {@code date} is compatible with every date of {@code dates}. */
    public static boolean compatibleWithAll(ReportedDate date, Collection<ReportedDate> dates) {
        for (ReportedDate other : dates) {
            if (!compatible(date, other)) {
                return false;
            }
        }
        return true;
    }

    /**
     * The most precise of pairwise compatible dates (they nest, so it is contained in all the others):
     * the event's date. Among equal ranges the first in the order given wins.
     */
    public static ReportedDate narrowest(Collection<ReportedDate> dates) {
        return dates.stream().min(Comparator.comparingLong(ReportedDate::days))
                .orElseThrow(() -> new IllegalArgumentException("no dates"));
    }
}
