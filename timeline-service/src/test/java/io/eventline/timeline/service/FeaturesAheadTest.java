package io.eventline.timeline.service;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.eventline.timeline.MentionedEntity;
import io.eventline.timeline.dedup.MentionFeatures;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;

class FeaturesAheadTest {

    private static EventMerger.FeatureSource source(String text) {
        return new EventMerger.FeatureSource(text, List.of(new MentionedEntity("Mexico", "LOCATION")));
    }

    @Test
    void shouldGiveEachMentionTheFeaturesItsTextHasComputedOnceWhoeverComputesThem() {
        List<EventMerger.FeatureSource> sources = new ArrayList<>();
        for (int i = 0; i < 300; i++) {
            sources.add(source("The United States designated " + i + " cartels as terrorist organizations."));
        }
        sources.add(sources.get(0)); // the same text twice in a batch: computed once
        Map<EventMerger.FeatureSource, AtomicInteger> computed = new ConcurrentHashMap<>();

        try (FeaturesAhead ahead = FeaturesAhead.start(sources, s -> {
            computed.computeIfAbsent(s, k -> new AtomicInteger()).incrementAndGet();
            return MentionFeatures.of(s.text(), s.entities());
        })) {
            // the applying thread asks from the end, racing the workers that start from the beginning
            for (int i = sources.size() - 1; i >= 0; i--) {
                EventMerger.FeatureSource s = sources.get(i);
                MentionFeatures features = ahead.get(s);
                MentionFeatures direct = MentionFeatures.of(s.text(), s.entities());
                assertThat(features.stems()).isEqualTo(direct.stems());
                assertThat(features.figures()).isEqualTo(direct.figures());
                assertThat(features.concepts()).isEqualTo(direct.concepts());
            }
        }
        assertThat(computed).hasSize(300);
        assertThat(computed.values()).allSatisfy(count -> assertThat(count.get()).isEqualTo(1));
    }

    @Test
    void shouldThrowAFailureWhereTheFeaturesAreAskedForAndKnowNothingOfOtherTexts() {
        EventMerger.FeatureSource broken = source("broken");
        try (FeaturesAhead ahead = FeaturesAhead.start(List.of(broken), s -> {
            throw new IllegalArgumentException("cannot read " + s.text());
        })) {
            assertThatThrownBy(() -> ahead.get(broken)).isInstanceOf(IllegalArgumentException.class)
                    .hasMessage("cannot read broken");
            assertThat(ahead.get(source("another text"))).isNull();
        }
    }
}
