package io.eventline.timeline.dedup;

import io.eventline.timeline.dedup.LabelledSet.LabelledMention;
import org.junit.jupiter.api.Test;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import java.util.stream.Collectors;

import static io.eventline.timeline.dedup.LabelledSet.timeMl;
import static org.assertj.core.api.Assertions.assertThat;

class EventClusteringTest {

    private static final LabelledSet SET = LabelledSet.load("/dedup/mentions.jsonl");
    private final EventClustering clustering = new EventClustering(new SameEventJudge());

    @Test
    void shouldGiveTheSameEventsWhateverTheOrderOfTheReports() {
        Random random = new Random(4);
        for (List<LabelledMention> scenario : SET.byScenario().values()) {
            List<Mention> mentions = new ArrayList<>(scenario.stream().map(LabelledMention::mention).toList());
            List<List<Mention>> expected = clustering.cluster(mentions);
            for (int shuffle = 0; shuffle < 20; shuffle++) {
                Collections.shuffle(mentions, random);
                assertThat(clustering.cluster(mentions)).isEqualTo(expected);
            }
        }
    }

    @Test
    void shouldPlaceALaterReportAsClusteringWouldHave() {
        for (List<LabelledMention> scenario : SET.byScenario().values()) {
            List<Mention> mentions = new ArrayList<>(scenario.stream().map(LabelledMention::mention).toList());
            mentions.sort(java.util.Comparator.comparing(Mention::report, Report.CANONICAL_ORDER));
            Mention last = mentions.remove(mentions.size() - 1);
            List<List<Mention>> before = clustering.cluster(mentions);
            List<List<Mention>> after = clustering.cluster(scenario.stream().map(LabelledMention::mention).toList());
            var placed = clustering.place(last, before);
            List<Mention> eventOfLast = after.stream().filter(e -> e.contains(last)).findFirst().orElseThrow();
            if (placed.isPresent()) {
                assertThat(eventOfLast).containsAll(before.get(placed.getAsInt())).hasSize(before.get(placed.getAsInt()).size() + 1);
            } else {
                assertThat(eventOfLast).containsExactly(last);
            }
        }
    }

    @Test
    void shouldSplitAnEventWhenTheReportThatHeldItTogetherIsRemoved() {
        SameEventJudge judge = new SameEventJudge(0.25);
        EventClustering clustering = new EventClustering(judge);
        Mention harbour = report("a", 1, "Dockers closed harbour cranes");
        Mention both = report("b", 2, "Dockers closed harbour cranes while farmers blocked motorways with tractors");
        Mention farmers = report("c", 3, "Farmers blocked motorways with tractors near the capital");
        assertThat(clustering.cluster(List.of(harbour, both, farmers))).hasSize(1);
        assertThat(judge.sameEvent(harbour, farmers)).isFalse();

        assertThat(clustering.cluster(List.of(harbour, farmers)))
                .containsExactly(List.of(harbour), List.of(farmers));
    }

    @Test
    void shouldKeepReportsWithIncompatibleDatesInDifferentEvents() {
        Mention february = report("a", 1, "Dockers closed harbour cranes", "2025-02");
        Mention third = report("b", 2, "Dockers closed harbour cranes", "2025-02-03");
        Mention nineteenth = report("c", 3, "Dockers closed harbour cranes", "2025-02-19");
        List<List<Mention>> events = clustering.cluster(List.of(february, third, nineteenth));
        assertThat(events).containsExactly(List.of(february, third), List.of(nineteenth));
    }

    @Test
    void shouldKeepTheSeedsDifferentEventsOfOneDateApart() {
        Map<String, List<Mention>> seed = SET.mentions().stream()
                .filter(m -> m.source().startsWith("seed article"))
                .collect(Collectors.groupingBy(LabelledMention::event,
                        Collectors.mapping(LabelledMention::mention, Collectors.toList())));
        List<Mention> february19 = List.of(seed.get("fto-designation").get(0), seed.get("sheinbaum-drones").get(0),
                seed.get("joint-statement").get(0));
        assertThat(february19).allSatisfy(m -> assertThat(m.date().value()).isEqualTo("2025-02-19"));
        assertThat(clustering.cluster(february19)).hasSize(3);

        List<Mention> year1917 = List.of(seed.get("villa-expedition").get(0), seed.get("russian-revolution").get(0));
        assertThat(clustering.cluster(year1917)).hasSize(2);
    }

    @Test
    void shouldDeriveTheMergedEventFromItsReports() {
        List<Mention> fto = SET.mentions().stream().filter(m -> m.event().equals("fto-designation"))
                .map(LabelledMention::mention).toList();
        MergedEvent event = MergedEvent.of(fto, clustering.judge());
        assertThat(event.reportCount()).isEqualTo(fto.size());
        assertThat(event.outletCount()).isEqualTo(fto.stream().map(m -> m.report().outlet()).distinct().count());
        assertThat(event.firstReportedAt()).isEqualTo(Instant.parse("2025-02-19T23:10:00Z"));
        assertThat(event.date()).isEqualTo(timeMl("2025-02-19"));
        assertThat(event.sources()).extracting(Report::mentionId)
                .containsExactlyInAnyOrderElementsOf(fto.stream().map(Mention::id).toList());
        assertThat(Set.copyOf(fto)).contains(Representative.of(fto, clustering.judge()));
        assertThat(event.text()).isEqualTo(event.representative().text());
    }

    @Test
    void shouldRepresentAnEventByTheFirstOfItsEquallyCentralReportsWhateverTheirOrder() {
        String wire = "Mexico said on Wednesday it would challenge the designation of six cartels as terrorist organizations.";
        Mention first = report("a", 1, wire);
        List<Mention> reports = List.of(
                report("b", 3, wire),
                first,
                report("c", 2, wire),
                report("d", 4, "Mexico will challenge the designation of the cartels, the government said on Wednesday."),
                report("e", 5, "The designation of six Mexican cartels as terrorist organizations drew a challenge from Mexico."));
        Random random = new Random(1);
        for (int i = 0; i < 200; i++) {
            List<Mention> shuffled = new ArrayList<>(reports);
            Collections.shuffle(shuffled, random);
            // the three outlets' identical wire copy is the most central; its first report stands for the event
            assertThat(Representative.of(shuffled, clustering.judge())).as("order %s", shuffled).isEqualTo(first);
        }
    }

    private static Mention report(String id, int hour, String text) {
        return report(id, hour, text, "2025-02-19");
    }

    private static Mention report(String id, int hour, String text, String date) {
        return Mention.of(new Report(id, "article-" + id, "outlet-" + id, Instant.parse("2025-02-20T00:00:00Z").plusSeconds(3600L * hour),
                0, text.length(), timeMl(date), text, List.of()));
    }
}
