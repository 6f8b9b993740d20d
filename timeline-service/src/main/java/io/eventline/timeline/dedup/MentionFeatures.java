package io.eventline.timeline.dedup;

import io.eventline.timeline.MentionedEntity;

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
 * parallel to {@code entityCountKeys}), which is what the judge and {@link WordWeights} work on.
 */
public record MentionFeatures(Set<String> stems, List<Set<String>> entities, List<String> entityCountKeys,
                              Set<String> concepts, double[] figures, double[] percentages, double[] magnitudes,
                              Set<String> countries, Map<String, Set<String>> targets,
                              int[] stemIds, int[] entityCountIds) {

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
        Set<String> concepts = Set.copyOf(EventConcepts.of(text));
        return new MentionFeatures(
                Set.copyOf(ContentWords.stems(text)),
                keys,
                keys.stream().map(k -> "entity:" + k.iterator().next()).toList(),
                concepts,
                Figures.of(text),
                Figures.percentages(text),
                Figures.magnitudes(text),
                Set.copyOf(Countries.of(text)),
                Targets.of(text, concepts));
    }
}
