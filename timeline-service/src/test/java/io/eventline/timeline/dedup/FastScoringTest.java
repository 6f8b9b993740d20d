package io.eventline.timeline.dedup;

import io.eventline.timeline.dedup.LabelledSet.LabelledMention;
import org.junit.jupiter.api.Test;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Comparator;
import java.util.List;
import java.util.OptionalInt;
import java.util.Random;

import static io.eventline.timeline.dedup.LabelledSet.timeMl;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * The judge, the word weights and the clustering were made cheaper without changing a decision: the
 * same groups of reports judged by the code as it was ({@link ReferenceJudge}, {@link ReferenceWordWeights},
 * {@link ReferenceClustering}) and as it is must give every verdict to the last bit, and so the same
 * placements and the same events. The groups are the labelled set's scenarios and random groups of its
 * reports, most of them moved to nesting dates of one month so that nearly every pair is judged on its text.
 */
class FastScoringTest {

    private static final LabelledSet SET = LabelledSet.load("/dedup/mentions.jsonl");
    private static final String[] DATES = {"2025-02-19", "2025-02-19", "2025-02-19", "2025-02-20", "2025-02", "2025"};

    private final SameEventJudge judge = new SameEventJudge();
    private final ReferenceJudge reference = new ReferenceJudge();

    @Test
    void shouldGiveEveryVerdictAsBefore() {
        long pairs = 0;
        for (List<Mention> group : groups()) {
            WordWeights words = WordWeights.of(group);
            ReferenceWordWeights referenceWords = ReferenceWordWeights.of(group);
            for (Mention a : group) {
                for (Mention b : group) {
                    Verdict expected = reference.judge(a, b, referenceWords);
                    Verdict actual = judge.judge(a, b, words);
                    // a record compares its doubles bit for bit (Double.compare)
                    assertThat(actual).as("%s against %s", a.id(), b.id()).isEqualTo(expected);
                    pairs++;
                }
            }
        }
        assertThat(pairs).isGreaterThan(100_000);
    }

    /**
     * A placement skips the events none of whose reports could reach the threshold
     * ({@link SameEventJudge.Comparison#mayReachThreshold}): that must never skip a report that does, and it
     * must skip some, or it saves nothing.
     */
    @Test
    void shouldSkipOnlyReportsThatCannotReachTheThreshold() {
        long skipped = 0;
        long pairs = 0;
        for (List<Mention> group : groups()) {
            WordWeights words = WordWeights.of(group);
            for (Mention a : group) {
                SameEventJudge.Comparison comparison = judge.against(a, words);
                for (Mention b : group) {
                    if (!comparison.mayReachThreshold(b)) {
                        assertThat(comparison.score(b)).as("%s against %s", a.id(), b.id()).isLessThan(judge.threshold());
                        skipped++;
                    }
                    pairs++;
                }
            }
        }
        assertThat(skipped).as("pairs skipped of %d", pairs).isGreaterThan(pairs / 10);
    }

    @Test
    void shouldMakeTheSameEventsAndPlacementsAsBefore() {
        EventClustering clustering = new EventClustering(judge);
        ReferenceClustering referenceClustering = new ReferenceClustering(reference);
        Random random = new Random(11);
        List<Mention> all = SET.mentions().stream().map(LabelledMention::mention).toList();
        int joined = 0;
        for (List<Mention> group : groups()) {
            List<List<Mention>> events = clustering.cluster(group);
            assertThat(events).isEqualTo(referenceClustering.cluster(group));

            // a newcomer published after every report of the events, placed among them: a report of the
            // group again (another outlet's), or any report of the set
            Mention source = random.nextBoolean() ? group.get(random.nextInt(group.size()))
                    : redated(all.get(random.nextInt(all.size())), DATES[random.nextInt(DATES.length)]);
            Mention newcomer = later(source, group);
            OptionalInt placed = clustering.place(newcomer, events);
            assertThat(placed).isEqualTo(referenceClustering.place(newcomer, events));
            joined += placed.isPresent() ? 1 : 0;
        }
        assertThat(joined).as("placements that join an event").isGreaterThan(20);
    }

    @Test
    void shouldOrderReportsAsBefore() {
        Comparator<Report> chained = Comparator.comparing(Report::publishedAt)
                .thenComparing(Report::articleId).thenComparing(Report::mentionId);
        List<Report> reports = new ArrayList<>();
        Random random = new Random(5);
        for (int i = 0; i < 300; i++) {
            reports.add(new Report("m" + random.nextInt(20), "a" + random.nextInt(5), "outlet",
                    Instant.parse("2025-02-19T00:00:00Z").plusSeconds(random.nextInt(3)), 0, 1, timeMl("2025-02-19"),
                    "text", List.of()));
        }
        for (Report a : reports) {
            for (Report b : reports) {
                assertThat(Integer.signum(Report.CANONICAL_ORDER.compare(a, b))).isEqualTo(Integer.signum(chained.compare(a, b)));
            }
        }
    }

    /** The scenarios as they are, then random groups of 20 to 120 reports on nesting dates. */
    private static List<List<Mention>> groups() {
        List<List<Mention>> groups = new ArrayList<>();
        SET.byScenario().values().forEach(s -> groups.add(s.stream().map(LabelledMention::mention).toList()));
        Random random = new Random(7);
        List<Mention> all = SET.mentions().stream().map(LabelledMention::mention).toList();
        for (int g = 0; g < 40; g++) {
            List<Mention> shuffled = new ArrayList<>(all);
            Collections.shuffle(shuffled, random);
            List<Mention> group = new ArrayList<>();
            for (Mention mention : shuffled.subList(0, 20 + random.nextInt(100))) {
                group.add(random.nextInt(5) == 0 ? mention : redated(mention, DATES[random.nextInt(DATES.length)]));
            }
            groups.add(group);
        }
        return groups;
    }

    private static Mention redated(Mention mention, String date) {
        Report r = mention.report();
        return new Mention(new Report(r.mentionId(), r.articleId(), r.outlet(), r.publishedAt(), r.sentenceStart(),
                r.sentenceEnd(), timeMl(date), r.text(), r.entities()), mention.features());
    }

    /** The report again, as another article published after every report of the group. */
    private static Mention later(Mention mention, List<Mention> group) {
        Instant last = group.stream().map(m -> m.report().publishedAt()).max(Comparator.naturalOrder()).orElseThrow();
        Report r = mention.report();
        return new Mention(new Report("newcomer", "article-newcomer", "another outlet", last.plusSeconds(60),
                r.sentenceStart(), r.sentenceEnd(), r.date(), r.text(), r.entities()), mention.features());
    }
}
