package io.eventline.load;

import com.fasterxml.jackson.databind.JsonNode;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;

/**
 * The timeline compared with the {@link Ledger}, per article and per mention (report), not per event:
 * the deduplication merges reports of several articles (and outlets) into one event, so an event count
 * says nothing about one article. Each event lists one source per report, with the report's article.
 *
 * <ul>
 *   <li><b>missing</b>: an accepted article (its highest-version {@code 202} is a version) has fewer
 *       reports in the timeline than that {@code 202}'s {@code events};</li>
 *   <li><b>extra</b>: more (a report applied twice, or an older version's reports left behind);</li>
 *   <li><b>stale</b>: a report of the article shows another version's title (an older version won);</li>
 *   <li><b>retracted visible</b>: a report of an article whose highest-version {@code 202} is a retraction;</li>
 *   <li><b>events listed twice</b>: one event id on two positions of the timeline.</li>
 * </ul>
 * Articles of the ledger that are unresolved are left out and counted.
 */
record Reconciliation(int articles, int retracted, int unresolved, long expectedReports, long foundReports,
                      int articlesWithMissing, long missingReports, long extraReports, long staleReports,
                      long retractedVisible, int eventsListedTwice, int events, Map<String, List<String>> examples) {

    /** How many article ids {@link #examples} names per kind of discrepancy. */
    static final int EXAMPLES = 5;

    boolean clean() {
        return articlesWithMissing == 0 && extraReports == 0 && staleReports == 0 && retractedVisible == 0
                && eventsListedTwice == 0;
    }

    String summary() {
        return String.format(Locale.ROOT,
                "%d articles (%d retracted, %d unresolved): reports expected %d, found %d; missing %d (%d articles),"
                        + " extra %d, stale version %d, of retracted articles %d; events %d, listed twice %d",
                articles, retracted, unresolved, expectedReports, foundReports, missingReports, articlesWithMissing,
                extraReports, staleReports, retractedVisible, events, eventsListedTwice)
                + (examples.isEmpty() ? "" : "; e.g. " + examples);
    }

    /** Tallies the reports the timeline pages (every event that has a report of the ledger's outlet) show. */
    static final class Tally {
        /** What the fault scenarios end each title with: " (story <corpus id>)", which normalization leaves alone. */
        static final String MARK = " (story ";

        private final Map<String, Integer> reports = new HashMap<>();
        private final Map<String, Integer> staleReports = new HashMap<>();
        private final Set<String> eventIds = new HashSet<>();
        private final Map<String, Ledger.Expected> expected;
        private int eventsListedTwice;

        Tally(Map<String, Ledger.Expected> expected) {
            this.expected = expected;
        }

        void event(JsonNode event) {
            if (!eventIds.add(event.path("id").asText())) {
                eventsListedTwice++;
            }
            for (JsonNode source : event.path("sources")) {
                String articleId = source.path("articleId").asText();
                Ledger.Expected article = expected.get(articleId);
                if (article == null) {
                    continue; // another outlet's report merged into the same event
                }
                reports.merge(articleId, 1, Integer::sum);
                if (!article.retracted() && !shows(source.path("title").asText(), article.title())) {
                    staleReports.merge(articleId, 1, Integer::sum);
                }
            }
        }

        /**
         * Whether a title the timeline shows is the one sent. Ingest normalizes titles (markup to text, runs of
         * spaces to one), so where the sent title ends with a {@link #MARK} only that mark is compared.
         */
        static boolean shows(String shownTitle, String sentTitle) {
            int mark = sentTitle.lastIndexOf(MARK);
            return mark >= 0 ? shownTitle.endsWith(sentTitle.substring(mark)) : shownTitle.equals(sentTitle);
        }

        Reconciliation result(Set<String> unresolved) {
            int articles = 0;
            int retracted = 0;
            long expectedReports = 0;
            long found = 0;
            int withMissing = 0;
            long missing = 0;
            long extra = 0;
            long stale = 0;
            long retractedVisible = 0;
            Map<String, List<String>> examples = new TreeMap<>();
            for (Map.Entry<String, Ledger.Expected> entry : expected.entrySet()) {
                if (unresolved.contains(entry.getKey())) {
                    continue;
                }
                articles++;
                Ledger.Expected article = entry.getValue();
                int shown = reports.getOrDefault(entry.getKey(), 0);
                found += shown;
                if (article.retracted()) {
                    retracted++;
                    retractedVisible += shown;
                    example(examples, "of retracted articles", shown > 0, entry.getKey());
                    continue;
                }
                expectedReports += article.events();
                if (shown < article.events()) {
                    withMissing++;
                    missing += article.events() - shown;
                } else {
                    extra += shown - article.events();
                }
                stale += staleReports.getOrDefault(entry.getKey(), 0);
                example(examples, "missing", shown < article.events(), entry.getKey());
                example(examples, "extra", shown > article.events(), entry.getKey());
                example(examples, "stale version", staleReports.containsKey(entry.getKey()), entry.getKey());
            }
            return new Reconciliation(articles, retracted, unresolved.size(), expectedReports, found, withMissing,
                    missing, extra, stale, retractedVisible, eventsListedTwice, eventIds.size(), examples);
        }

        private static void example(Map<String, List<String>> examples, String kind, boolean applies, String articleId) {
            if (applies) {
                List<String> ids = examples.computeIfAbsent(kind, k -> new ArrayList<>());
                if (ids.size() < EXAMPLES) {
                    ids.add(articleId);
                }
            }
        }
    }
}
