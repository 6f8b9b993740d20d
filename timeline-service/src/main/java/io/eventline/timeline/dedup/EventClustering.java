package io.eventline.timeline.dedup;

import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.HashSet;
import java.util.List;
import java.util.OptionalInt;
import java.util.Set;

/**
 * Groups reports into events.
 *
 * <p>The linkage rule: reports are taken in {@link Report#CANONICAL_ORDER} (first published first);
 * each joins the event it is most similar to, where the similarity to an event is the mean of the
 * judge's scores against the event's reports (average link), provided that mean reaches the threshold
 * and the report's date is compatible with the date of every report of the event; otherwise it starts
 * an event of its own. Ties go to the event whose first report comes first.
 *
 * <p>Because the order is canonical, the events are a function of the set of reports: the same
 * reports in any order give the same events. That is what allows re-deriving an event after one of
 * its reports is removed ({@link #cluster} on what remains), in which case it may split. Average link,
 * rather than "similar to any report of the event", keeps a report that bridges two events from
 * chaining them together.
 *
 * <p>For live inserts the consumer need not re-cluster: a report published after every report of
 * the candidate events is placed with {@link #place}, which is exactly the step {@link #cluster}
 * would take for it. The candidate events are those with a report whose date overlaps the new
 * report's date (a date-range query); {@code place} itself keeps out the ones with an incompatible
 * report.
 */
public final class EventClustering {

    /** Orders events by their first report, which is how {@link #cluster} returns them. */
    private static final Comparator<List<Mention>> BY_FIRST_REPORT =
            Comparator.comparing(event -> first(event).report(), Report.CANONICAL_ORDER);

    private final SameEventJudge judge;

    public EventClustering(SameEventJudge judge) {
        this.judge = judge;
    }

    public SameEventJudge judge() {
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
        WordWeights words = WordWeights.of(ordered);
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
     * over the newcomer and the reports of the events ({@link WordWeights}), so the candidate events
     * given should be the whole date neighbourhood, as {@link #cluster} sees it.
     */
    public OptionalInt place(Mention newcomer, List<? extends List<Mention>> events) {
        List<Mention> group = new ArrayList<>();
        group.add(newcomer);
        events.forEach(group::addAll);
        return place(newcomer, events, WordWeights.of(group));
    }

    /**
     * {@link #place(Mention, List)}, with the words weighted by {@code weights}, which the caller keeps from
     * one placement to the next among mostly the same events (those of one date): the same answer. The
     * events' lists must not change afterwards ({@link RollingWordWeights}).
     */
    public OptionalInt place(Mention newcomer, List<? extends List<Mention>> events, RollingWordWeights weights) {
        return place(newcomer, events, weights.of(newcomer, events));
    }

    OptionalInt place(Mention newcomer, List<? extends List<Mention>> events, WordWeights words) {
        int best = -1;
        double bestScore = Double.NEGATIVE_INFINITY;
        SameEventJudge.Comparison comparison = judge.against(newcomer, words);
        for (int i = 0; i < events.size(); i++) {
            List<Mention> event = events.get(i);
            double score = averageScore(newcomer, event, comparison);
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

    /**
     * Mean score of {@code newcomer} against the event's reports; -infinity if a date is incompatible or no
     * report's score could reach the threshold (the event is not joined either way).
     */
    private static double averageScore(Mention newcomer, List<Mention> event, SameEventJudge.Comparison comparison) {
        if (event.isEmpty()) {
            return Double.NEGATIVE_INFINITY;
        }
        // the dates first: an event with one incompatible report is out, whatever the texts say
        for (Mention member : event) {
            if (!DateCompatibility.compatible(newcomer.date(), member.date())) {
                return Double.NEGATIVE_INFINITY;
            }
        }
        // a mean reaches the threshold only if some score does: most events of a crowded date have none that can
        boolean reachable = false;
        for (Mention member : event) {
            if (comparison.mayReachThreshold(member)) {
                reachable = true;
                break;
            }
        }
        if (!reachable) {
            return Double.NEGATIVE_INFINITY;
        }
        double sum = 0;
        for (Mention member : event) {
            sum += comparison.score(member);
        }
        return sum / event.size();
    }

    private static Mention first(List<Mention> event) {
        return event.stream().min(Comparator.comparing(Mention::report, Report.CANONICAL_ORDER))
                .orElseThrow(() -> new IllegalArgumentException("an event without reports"));
    }
}
