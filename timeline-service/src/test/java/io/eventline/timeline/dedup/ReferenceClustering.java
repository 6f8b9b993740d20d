package io.eventline.timeline.dedup;

import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.HashSet;
import java.util.List;
import java.util.OptionalInt;
import java.util.Set;

/**
 * {@link EventClustering} as it was before its CPU was cut (commit ed9102b), kept unchanged as the reference
 * the faster code must match to the last bit ({@code FastScoringTest}): every score, and so every
 * decision. Not used by the service.
 */
final class ReferenceClustering {

    /** Orders events by their first report, which is how {@link #cluster} returns them. */
    private static final Comparator<List<Mention>> BY_FIRST_REPORT =
            Comparator.comparing(event -> first(event).report(), Report.CANONICAL_ORDER);

    private final ReferenceJudge judge;

    public ReferenceClustering(ReferenceJudge judge) {
        this.judge = judge;
    }

    public ReferenceJudge judge() {
        return judge;
    }

    /**
     * The events of these reports, each as its reports in canonical order, the events ordered by their
     * first report. Independent of the order of {@code mentions}; mention ids must be distinct.
     */
    public List<List<Mention>> cluster(Collection<Mention> mentions) {
        List<Mention> ordered = new ArrayList<>(mentions);
        ordered.sort(Comparator.comparing(Mention::report, Report.CANONICAL_ORDER));
        Set<String> ids = new HashSet<>();
        for (Mention mention : ordered) {
            if (!ids.add(mention.id())) {
                throw new IllegalArgumentException("mention id " + mention.id() + " given twice");
            }
        }
        ReferenceWordWeights words = ReferenceWordWeights.of(ordered);
        List<List<Mention>> events = new ArrayList<>();
        for (Mention mention : ordered) {
            OptionalInt target = place(mention, events, words);
            if (target.isPresent()) {
                events.get(target.getAsInt()).add(mention);
            } else {
                List<Mention> event = new ArrayList<>();
                event.add(mention);
                events.add(event);
            }
        }
        return events.stream().map(List::copyOf).toList();
    }

    /**
     * The index in {@code events} of the event {@code newcomer} joins, or empty if it starts a new one.
     * Each event is given as its reports (any order). Does not modify the lists. The words are weighted
     * over the newcomer and the reports of the events ({@link ReferenceWordWeights}), so the candidate events
     * given should be the whole date neighbourhood, as {@link #cluster} sees it.
     */
    public OptionalInt place(Mention newcomer, List<? extends List<Mention>> events) {
        List<Mention> group = new ArrayList<>();
        group.add(newcomer);
        events.forEach(group::addAll);
        return place(newcomer, events, ReferenceWordWeights.of(group));
    }

    OptionalInt place(Mention newcomer, List<? extends List<Mention>> events, ReferenceWordWeights words) {
        int best = -1;
        double bestScore = Double.NEGATIVE_INFINITY;
        for (int i = 0; i < events.size(); i++) {
            List<Mention> event = events.get(i);
            double score = averageScore(newcomer, event, words);
            if (score < judge.threshold()) {
                continue;
            }
            if (best < 0 || score > bestScore
                    || score == bestScore && BY_FIRST_REPORT.compare(event, events.get(best)) < 0) {
                best = i;
                bestScore = score;
            }
        }
        return best < 0 ? OptionalInt.empty() : OptionalInt.of(best);
    }

    /** Mean score of {@code newcomer} against the event's reports; -infinity if a date is incompatible. */
    double averageScore(Mention newcomer, List<Mention> event, ReferenceWordWeights words) {
        if (event.isEmpty()) {
            return Double.NEGATIVE_INFINITY;
        }
        // the dates first: an event with one incompatible report is out, whatever the texts say
        for (Mention member : event) {
            if (!DateCompatibility.compatible(newcomer.date(), member.date())) {
                return Double.NEGATIVE_INFINITY;
            }
        }
        double sum = 0;
        for (Mention member : event) {
            sum += judge.judge(newcomer, member, words).score();
        }
        return sum / event.size();
    }

    private static Mention first(List<Mention> event) {
        return event.stream().min(Comparator.comparing(Mention::report, Report.CANONICAL_ORDER))
                .orElseThrow(() -> new IllegalArgumentException("an event without reports"));
    }
}
