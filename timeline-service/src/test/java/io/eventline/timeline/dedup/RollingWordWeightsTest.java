package io.eventline.timeline.dedup;

import io.eventline.timeline.dedup.LabelledSet.LabelledMention;
import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.OptionalInt;
import java.util.Random;
import java.util.Set;
import java.util.TreeSet;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Weights kept from placement to placement must be the very weights counted afresh over each placement's
 * group, whatever came and went in between: the report placed last, events changed or dropped by other
 * placements, another date's events altogether. Otherwise the consumer's placements would depend on what
 * it placed before.
 */
class RollingWordWeightsTest {

    private static final List<Mention> ALL = LabelledSet.load("/dedup/mentions.jsonl").mentions().stream()
            .map(LabelledMention::mention).toList();

    @Test
    void shouldWeighEveryWordAsCountingTheGroupAfreshDoes() {
        Random random = new Random(3);
        RollingWordWeights rolling = new RollingWordWeights();
        Set<Integer> words = new TreeSet<>();
        ALL.forEach(m -> {
            for (int stem : m.features().stemIds()) {
                words.add(stem);
            }
            for (int key : m.features().entityCountIds()) {
                words.add(key);
            }
        });
        List<Mention> shuffled = new ArrayList<>(ALL);
        Collections.shuffle(shuffled, random);
        List<List<Mention>> events = eventsOf(shuffled.subList(0, 60), random);
        List<Mention> unused = new ArrayList<>(shuffled.subList(60, shuffled.size()));
        int rolled = 0;
        for (int step = 0; step < 300 && unused.size() > 6; step++) {
            if (random.nextInt(12) == 0) {
                // another date's events altogether
                unused.addAll(events.stream().flatMap(List::stream).toList());
                Collections.shuffle(unused, random);
                events = eventsOf(take(unused, 10 + random.nextInt(100)), random);
            } else {
                rolled++;
                // other placements: an event dropped, an event gaining a report, a new event
                if (random.nextInt(3) == 0 && events.size() > 1) {
                    unused.addAll(events.remove(random.nextInt(events.size())));
                }
                if (random.nextBoolean()) {
                    int i = random.nextInt(events.size());
                    events.set(i, joined(events.get(i), take(unused, 1)));
                }
                if (random.nextInt(4) == 0) {
                    events.add(take(unused, 1 + random.nextInt(3)));
                }
            }
            Mention newcomer = take(unused, 1).get(0);
            List<Mention> group = new ArrayList<>(List.of(newcomer));
            events.forEach(group::addAll);
            WordWeights expected = WordWeights.of(group);
            WordWeights actual = rolling.of(newcomer, events);
            for (int word : words) {
                // bit for bit: the judge's sums must not move
                assertThat(Double.doubleToLongBits(actual.weight(word)))
                        .as("word %d at step %d", word, step)
                        .isEqualTo(Double.doubleToLongBits(expected.weight(word)));
            }
            // the newcomer joins an event or starts one, as a placement does
            if (random.nextBoolean()) {
                int i = random.nextInt(events.size());
                events.set(i, joined(events.get(i), List.of(newcomer)));
            } else {
                events.add(List.of(newcomer));
            }
        }
        assertThat(rolled).isGreaterThan(100);
    }

    @Test
    void shouldPlaceAsWithWeightsCountedAfresh() {
        EventClustering clustering = new EventClustering(new SameEventJudge());
        RollingWordWeights rolling = new RollingWordWeights();
        List<List<Mention>> events = new ArrayList<>(clustering.cluster(ALL.subList(0, 80)));
        int joined = 0;
        for (Mention newcomer : ALL.subList(80, ALL.size())) {
            OptionalInt fresh = clustering.place(newcomer, events);
            OptionalInt rolled = clustering.place(newcomer, events, rolling);
            assertThat(rolled).as(newcomer.id()).isEqualTo(fresh);
            if (fresh.isPresent()) {
                events.set(fresh.getAsInt(), joined(events.get(fresh.getAsInt()), List.of(newcomer)));
                joined++;
            } else {
                events.add(List.of(newcomer));
            }
        }
        assertThat(joined).as("placements that join an event").isGreaterThan(10);
    }

    /** Events of 1 to 4 reports. */
    private static List<List<Mention>> eventsOf(List<Mention> reports, Random random) {
        List<List<Mention>> events = new ArrayList<>();
        for (int i = 0; i < reports.size(); ) {
            int size = Math.min(1 + random.nextInt(4), reports.size() - i);
            events.add(List.copyOf(reports.subList(i, i + size)));
            i += size;
        }
        return events;
    }

    /** An event with more reports: a new list, as the consumer makes one. */
    private static List<Mention> joined(List<Mention> event, List<Mention> more) {
        List<Mention> joined = new ArrayList<>(event);
        joined.addAll(more);
        return List.copyOf(joined);
    }

    private static List<Mention> take(List<Mention> from, int count) {
        List<Mention> taken = List.copyOf(from.subList(from.size() - count, from.size()));
        from.subList(from.size() - count, from.size()).clear();
        return taken;
    }
}
