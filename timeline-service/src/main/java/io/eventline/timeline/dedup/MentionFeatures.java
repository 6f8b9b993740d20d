package io.eventline.timeline.dedup;

import io.eventline.timeline.MentionedEntity;

import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * What the judge compares, computed once per report: content-word stems, the keys of each named
 * entity and the one it is counted under by {@link WordWeights} (its normalized name, or a person's
 * surname), the event concepts ({@link EventConcepts}), the figures, and among them the rates
 * (percentages) and earthquake magnitudes, and who or what the happening concerns: the countries of
 * the main clause ({@link Countries}) and the target of each concept that has one ({@link Targets}).
 * Comparing two reports is then set arithmetic, with no text processing. The stems and the count keys
 * are also given as their {@link Vocabulary} numbers ({@code stemIds} ascending, {@code entityCountIds}
 * parallel to {@code entityCountKeys}), which is what {@link WordWeights} works on, and so are the
 * sets the judge compares ({@link Numbered}): it compares reports hundreds of times per placement,
 * and merging sorted {@code int} arrays costs a fraction of probing hash sets of strings.
 */
public record MentionFeatures(Set<String> stems, List<Set<String>> entities, List<String> entityCountKeys,
                              Set<String> concepts, double[] figures, double[] percentages, double[] magnitudes,
                              Set<String> countries, Map<String, Set<String>> targets,
                              int[] stemIds, int[] entityCountIds, Numbered numbered) {

    /**
     * The sets the judge compares, as ascending arrays of {@link Vocabulary} numbers: the keys of each
     * entity and of all of them, the concepts, the countries, and the targets by concept; and the entity
     * count keys each once ({@link WordWeights} counts a report once per key).
     */
    record Numbered(int[][] entityKeys, int[] allEntityKeys, int[] concepts, int[] countries,
                    int[] targetConcepts, int[][] targetKeys, int[] distinctEntityCountIds) {

        static Numbered of(List<Set<String>> entities, Set<String> concepts, Set<String> countries,
                           Map<String, Set<String>> targets, int[] entityCountIds) {
            int[] targetConcepts = Vocabulary.sortedIds(targets.keySet());
            Map<Integer, Set<String>> byNumber = new HashMap<>();
            targets.forEach((concept, keys) -> byNumber.put(Vocabulary.id(concept), keys));
            int[][] targetKeys = new int[targetConcepts.length][];
            for (int i = 0; i < targetConcepts.length; i++) {
                targetKeys[i] = Vocabulary.sortedIds(byNumber.get(targetConcepts[i]));
            }
            return new Numbered(
                    entities.stream().map(Vocabulary::sortedIds).toArray(int[][]::new),
                    Vocabulary.sortedIds(entities.stream().flatMap(Set::stream).toList()),
                    Vocabulary.sortedIds(concepts),
                    Vocabulary.sortedIds(countries),
                    targetConcepts,
                    targetKeys,
                    Arrays.stream(entityCountIds).distinct().toArray());
        }
    }

    public MentionFeatures(Set<String> stems, List<Set<String>> entities, List<String> entityCountKeys,
                           Set<String> concepts, double[] figures, double[] percentages, double[] magnitudes,
                           Set<String> countries, Map<String, Set<String>> targets,
                           int[] stemIds, int[] entityCountIds) {
        this(stems, entities, entityCountKeys, concepts, figures, percentages, magnitudes, countries, targets,
                stemIds, entityCountIds, Numbered.of(entities, concepts, countries, targets, entityCountIds));
    }

    public MentionFeatures(Set<String> stems, List<Set<String>> entities, List<String> entityCountKeys,
                           Set<String> concepts, double[] figures, double[] percentages, double[] magnitudes,
                           Set<String> countries, Map<String, Set<String>> targets) {
        this(stems, entities, entityCountKeys, concepts, figures, percentages, magnitudes, countries, targets,
                Vocabulary.sortedIds(stems), entityCountKeys.stream().mapToInt(Vocabulary::id).toArray());
    }

    /** Features without countries and targets: such a report never contrasts by them. */
    public MentionFeatures(Set<String> stems, List<Set<String>> entities, List<String> entityCountKeys,
                           Set<String> concepts, double[] figures, double[] percentages, double[] magnitudes) {
        this(stems, entities, entityCountKeys, concepts, figures, percentages, magnitudes, Set.of(), Map.of());
    }

    public static MentionFeatures of(String text, List<MentionedEntity> entities) {
        List<Set<String>> keys = entities.stream().map(EntityKeys::of).filter(k -> !k.isEmpty()).distinct().toList();
        PhraseTable.Clauses clauses = PhraseTable.Clauses.of(text);
        Set<String> concepts = Set.copyOf(EventConcepts.of(clauses));
        return new MentionFeatures(
                Set.copyOf(ContentWords.stems(text)),
                keys,
                keys.stream().map(k -> "entity:" + k.iterator().next()).toList(),
                concepts,
                Figures.of(text),
                Figures.percentages(text),
                Figures.magnitudes(text),
                Set.copyOf(Countries.of(clauses)),
                Targets.of(clauses, concepts));
    }
}
