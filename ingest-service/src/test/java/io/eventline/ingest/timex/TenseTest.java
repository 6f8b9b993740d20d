package io.eventline.ingest.timex;

import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Random;
import java.util.function.ToIntFunction;

import static org.assertj.core.api.Assertions.assertThat;

class TenseTest {

    private static final List<String> WORDS = List.of("he", "said", "will", "is", "to", "plans", "Monday", "was",
            "walked", "be", "returned", "says", "next", "we'll", "the", "are", "ago", "planned", "planning", "were", "had", "been", "due", ",", ".");

    /**
     * What {@link Tense#nearest} computes, stated over all cues: of the cues outside the
     * expression at the least distance, the last one that is not {@code PRESENT}, else PRESENT.
     */
    private static Tense nearestOfAll(List<Tense.Cue> cues, int start, int end) {
        ToIntFunction<Tense.Cue> distance = cue -> cue.end() <= start ? start - cue.end()
                : cue.start() >= end ? cue.start() - end : -1;
        int least = cues.stream().mapToInt(distance).filter(d -> d >= 0).min().orElse(-1);
        return cues.stream()
                .filter(cue -> distance.applyAsInt(cue) == least && least >= 0 && cue.tense() != Tense.PRESENT)
                .reduce((first, second) -> second).map(Tense.Cue::tense).orElse(Tense.PRESENT);
    }

    @Test
    void shouldFindTheNearestCueAsIfItLookedAtAll() {
        Random random = new Random(7);
        for (int round = 0; round < 2_000; round++) {
            StringBuilder text = new StringBuilder();
            int words = 1 + random.nextInt(30);
            for (int i = 0; i < words; i++) {
                text.append(WORDS.get(random.nextInt(WORDS.size()))).append(random.nextInt(4) == 0 ? "  " : " ");
            }
            List<Tense.Cue> cues = Tense.cues(text, 0, text.length());
            for (int start = 0; start < text.length(); start++) {
                for (int end = start + 1; end <= Math.min(text.length(), start + 12); end++) {
                    assertThat(Tense.nearest(cues, start, end)).as("[%d, %d) of \"%s\"", start, end, text)
                            .isEqualTo(nearestOfAll(cues, start, end));
                }
            }
        }
    }
}
