package io.eventline.timeline.dedup;

import io.eventline.timeline.dedup.LabelledSet.LabelledMention;
import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Random;
import java.util.Set;
import java.util.TreeSet;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * Weights kept from group to group must be the very weights counted afresh for each group, whatever came
 * and went in between: a report placed, reports moved out by other placements, another date's group
 * altogether. Otherwise the consumer's placements would depend on what it placed before.
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
        List<Mention> group = new ArrayList<>(ALL.subList(0, 40));
        int incremental = 0;
        for (int step = 0; step < 300; step++) {
            int change = random.nextInt(10);
            if (change == 0) {
                // another date's group altogether
                List<Mention> shuffled = new ArrayList<>(ALL);
                Collections.shuffle(shuffled, random);
                group.clear();
                group.addAll(shuffled.subList(0, 10 + random.nextInt(150)));
            } else {
                // a report placed, and now and then a few moved out or in by other placements
                Set<String> inGroup = ids(group);
                List<Mention> outside = ALL.stream().filter(m -> !inGroup.contains(m.id())).toList();
                if (!outside.isEmpty()) {
                    group.add(outside.get(random.nextInt(outside.size())));
                }
                for (int i = random.nextInt(4); i > 0 && group.size() > 1; i--) {
                    group.remove(random.nextInt(group.size()));
                }
                incremental++;
            }
            WordWeights expected = WordWeights.of(group);
            WordWeights actual = rolling.of(group);
            for (int word : words) {
                // bit for bit: the judge's sums must not move
                assertThat(Double.doubleToLongBits(actual.weight(word)))
                        .as("word %d at step %d", word, step)
                        .isEqualTo(Double.doubleToLongBits(expected.weight(word)));
            }
        }
        assertThat(incremental).isGreaterThan(200);
    }

    @Test
    void shouldPlaceAsWithWeightsCountedAfresh() {
        EventClustering clustering = new EventClustering(new SameEventJudge());
        RollingWordWeights rolling = new RollingWordWeights();
        List<List<Mention>> events = new ArrayList<>(clustering.cluster(ALL.subList(0, 80)));
        events.replaceAll(ArrayList::new);
        int joined = 0;
        for (Mention newcomer : ALL.subList(80, ALL.size())) {
            var fresh = clustering.place(newcomer, events);
            var rolled = clustering.place(newcomer, events, rolling);
            assertThat(rolled).as(newcomer.id()).isEqualTo(fresh);
            if (fresh.isPresent()) {
                events.get(fresh.getAsInt()).add(newcomer);
                joined++;
            } else {
                events.add(new ArrayList<>(List.of(newcomer)));
            }
        }
        assertThat(joined).as("placements that join an event").isGreaterThan(10);
    }

    @Test
    void shouldRefuseAReportGivenTwice() {
        RollingWordWeights rolling = new RollingWordWeights();
        rolling.of(ALL.subList(0, 5));
        List<Mention> twice = new ArrayList<>(ALL.subList(0, 5));
        twice.add(ALL.get(2));
        assertThatThrownBy(() -> rolling.of(twice)).isInstanceOf(IllegalArgumentException.class);
    }

    private static Set<String> ids(List<Mention> group) {
        Set<String> ids = new TreeSet<>();
        group.forEach(m -> ids.add(m.id()));
        return ids;
    }
}
