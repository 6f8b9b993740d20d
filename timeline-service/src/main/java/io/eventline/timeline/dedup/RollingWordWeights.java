package io.eventline.timeline.dedup;

import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.Iterator;
import java.util.List;
import java.util.Map;

/**
 * The {@link WordWeights} of one group of reports after another, where each group is mostly the one
 * before: the consumer places report after report among the candidate events of one date, and each
 * placement's group is the last one with the report just placed (and the few that other placements
 * moved). The document frequencies are kept and adjusted by the reports that came and went, instead of
 * being counted again over the whole group (hundreds of reports) for every placement. Gives the very
 * weights {@link WordWeights#of} gives for the same group. Not thread-safe.
 */
public final class RollingWordWeights {

    /** The reports counted, by mention id, with the round that last saw them in a group. */
    private final Map<String, Counted> counted = new HashMap<>();
    private WordWeights.Counts counts = WordWeights.Counts.of(List.of());
    private int round;

    private static final class Counted {
        final Mention mention;
        int round;

        Counted(Mention mention, int round) {
            this.mention = mention;
            this.round = round;
        }
    }

    /**
     * The weights of {@code group} (mention ids distinct), valid until the next call: the weights of the last
     * group, with the reports no longer in it taken out and the new ones counted.
     */
    public WordWeights of(Collection<Mention> group) {
        round++;
        List<Mention> arriving = new ArrayList<>();
        for (Mention mention : group) {
            Counted known = counted.get(mention.id());
            if (known == null) {
                arriving.add(mention);
            } else if (known.round == round) {
                throw new IllegalArgumentException("mention id " + mention.id() + " given twice");
            } else {
                known.round = round;
            }
        }
        int leaving = counted.size() - (group.size() - arriving.size());
        if (counted.isEmpty() || leaving > group.size() / 2) {
            // mostly another group: counting it afresh costs less than taking most of the last one back
            counted.clear();
            counts = WordWeights.Counts.of(group);
            group.forEach(this::register);
            return counts.weights();
        }
        for (Iterator<Counted> it = counted.values().iterator(); it.hasNext(); ) {
            Counted known = it.next();
            if (known.round != round) {
                counts.remove(known.mention);
                it.remove();
            }
        }
        for (Mention mention : arriving) {
            register(mention);
            counts.add(mention);
        }
        return counts.weights();
    }

    private void register(Mention mention) {
        if (counted.putIfAbsent(mention.id(), new Counted(mention, round)) != null) {
            throw new IllegalArgumentException("mention id " + mention.id() + " given twice");
        }
    }
}
