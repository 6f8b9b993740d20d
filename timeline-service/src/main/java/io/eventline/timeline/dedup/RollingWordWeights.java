package io.eventline.timeline.dedup;

import java.util.ArrayList;
import java.util.IdentityHashMap;
import java.util.Iterator;
import java.util.List;
import java.util.Map;

/**
 * The {@link WordWeights} of one placement's group after another (a newcomer and the reports of its
 * candidate events), where each group is mostly the one before: the consumer places report after report
 * among the candidate events of one date, and each placement's events are the last ones with the report
 * just placed (and the few events that other placements changed). The document frequencies are kept and
 * adjusted by what came and went, instead of being counted again over the whole group (up to thousands of
 * reports) for every placement. Gives the very weights {@link WordWeights#of} gives for the same group.
 *
 * <p>An event is known by its list of reports, as an object: the lists given must not change afterwards
 * (an event that gains or loses a report is given as a new list, as the consumer's neighbourhood does), and
 * a list given again is counted as before without being looked into. Not thread-safe.
 */
public final class RollingWordWeights {

    /** The events counted, with the round that last saw them among the candidates. */
    private final Map<List<Mention>, Integer> counted = new IdentityHashMap<>();
    private WordWeights.Counts counts;
    private Mention newcomer;
    private int reports;
    private int round;

    /**
     * The weights of {@code newcomer} and the reports of {@code events} (all distinct), valid until the next
     * call: the last group's, with the events no longer among them and the last newcomer taken out, and the
     * new events and the newcomer counted.
     */
    public WordWeights of(Mention newcomer, List<? extends List<Mention>> events) {
        round++;
        List<List<Mention>> arriving = new ArrayList<>();
        int arrivingReports = 0;
        int groupReports = 1;
        for (List<Mention> event : events) {
            groupReports += event.size();
            if (counted.replace(event, round) == null) {
                arriving.add(event);
                arrivingReports += event.size();
            }
        }
        int leavingReports = reports - (groupReports - 1 - arrivingReports);
        if (counts == null || leavingReports > groupReports / 2) {
            // mostly another group: counting it afresh costs less than taking most of the last one back
            List<Mention> group = new ArrayList<>(groupReports);
            group.add(newcomer);
            events.forEach(group::addAll);
            counts = WordWeights.Counts.of(group);
            counted.clear();
            events.forEach(event -> counted.put(event, round));
        } else {
            for (Iterator<Map.Entry<List<Mention>, Integer>> it = counted.entrySet().iterator(); it.hasNext(); ) {
                Map.Entry<List<Mention>, Integer> event = it.next();
                if (event.getValue() != round) {
                    event.getKey().forEach(counts::remove);
                    it.remove();
                }
            }
            counts.remove(this.newcomer);
            for (List<Mention> event : arriving) {
                event.forEach(counts::add);
                counted.put(event, round);
            }
            counts.add(newcomer);
        }
        this.newcomer = newcomer;
        reports = groupReports - 1;
        return counts.weights();
    }
}
