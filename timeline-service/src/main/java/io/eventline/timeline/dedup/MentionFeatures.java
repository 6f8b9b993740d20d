package io.eventline.timeline.dedup;

import io.eventline.timeline.MentionedEntity;

import java.util.List;
import java.util.Set;

/**
 * What the judge compares, computed once per report: content-word stems, the keys of each named
 * entity, and the figures. Comparing two reports is then set arithmetic, with no text processing.
 */
public record MentionFeatures(Set<String> stems, List<Set<String>> entities, double[] figures) {

    public static MentionFeatures of(String text, List<MentionedEntity> entities) {
        return new MentionFeatures(
                Set.copyOf(ContentWords.stems(text)),
                entities.stream().map(EntityKeys::of).filter(keys -> !keys.isEmpty()).distinct().toList(),
                Figures.of(text));
    }
}
