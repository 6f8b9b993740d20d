package io.eventline.timeline.dedup;

import java.time.Instant;
import java.util.List;
import java.util.Locale;

/**
 * An event as derived from its reports: what the timeline shows. Always re-derived from the current
 * reports (after an insert or a removal), never patched, so it cannot drift from them.
 *
 * @param date            the most precise date of the reports (they nest: see {@link DateCompatibility})
 * @param text            the representative report's text ({@link Representative})
 * @param representative  the report chosen by {@link Representative}
 * @param sources         every report (article, outlet, sentence offsets, publication time), in
 *                        canonical order
 * @param firstReportedAt the earliest publication time among the reports
 * @param reportCount     the number of reports
 * @param outletCount     the number of distinct outlets (compared case-insensitively, trimmed)
 */
public record MergedEvent(
        ReportedDate date,
        String text,
        Report representative,
        List<Report> sources,
        Instant firstReportedAt,
        int reportCount,
        int outletCount) {

    public static MergedEvent of(List<Mention> event, SameEventJudge judge) {
        List<Report> sources = event.stream().map(Mention::report).sorted(Report.CANONICAL_ORDER).toList();
        Report representative = Representative.of(event, judge).report();
        ReportedDate date = DateCompatibility.narrowest(sources.stream().map(Report::date).toList());
        int outlets = (int) sources.stream()
                .map(report -> report.outlet().trim().toLowerCase(Locale.ROOT)).distinct().count();
        return new MergedEvent(date, representative.text(), representative, sources,
                sources.get(0).publishedAt(), sources.size(), outlets);
    }
}
