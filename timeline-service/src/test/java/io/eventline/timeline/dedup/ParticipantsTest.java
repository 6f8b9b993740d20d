package io.eventline.timeline.dedup;

import org.junit.jupiter.api.Test;

import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Set;

import static io.eventline.timeline.dedup.LabelledSet.timeMl;
import static org.assertj.core.api.Assertions.assertThat;

/** Who or what a happening concerns: the countries of the main clause, and the target of a concept. */
class ParticipantsTest {

    @Test
    void shouldReadCountriesByNameDemonymAndCapitalInTheMainClauseOnly() {
        assertThat(Countries.of("Beijing hit back at Washington with 15% levies on American coal."))
                .containsExactly("china", "united-states");
        assertThat(Countries.of("The 10% tax on Chinese imports went into force, a day after Trump paused similar "
                + "tariffs on Mexico and Canada.")).containsExactly("china");
    }

    @Test
    void shouldNotTakeThePronounOrAPhraseThatNamesNoCountryForACountry() {
        assertThat(Countries.of("He told us the Latin American gangs in New Mexico would be listed.")).isEmpty();
        assertThat(Countries.of("The U.S. left the Paris accord.")).containsExactly("united-states");
    }

    @Test
    void shouldReadTheTargetOfAWithdrawalWithItsInitials() {
        assertThat(Targets.of("Trump signed an order to withdraw the United States from the World Health Organization, "
                + "citing its handling of the pandemic.", Set.of("withdrawal")))
                .isEqualTo(Map.of("withdrawal", Set.of("world", "health", "organiz", "who")));
        assertThat(Targets.of("The president moved to pull the U.S. out of the WHO.", Set.of("withdrawal")))
                .isEqualTo(Map.of("withdrawal", Set.of("who")));
        assertThat(Targets.of("Travel from Europe was suspended.", Set.of("travel-ban"))).isEmpty();
    }

    @Test
    void shouldKeepApartWithdrawalsFromDifferentTargetsButNotOnesFromTheSame() {
        SameEventJudge judge = new SameEventJudge();
        Mention paris = report("a", "Trump on Monday signed an executive order directing the United States to withdraw "
                + "from the Paris climate agreement, for the second time.");
        Mention who = report("b", "Trump signed an executive order on Monday to withdraw the United States from the "
                + "World Health Organization, citing its handling of the COVID-19 pandemic.");
        Mention whoAgain = report("c", "The president moved Monday to pull the U.S. out of the WHO, accusing the agency "
                + "of mishandling COVID-19.");
        assertThat(judge.judge(paris, who).targets()).isEqualTo(-1);
        assertThat(judge.sameEvent(paris, who)).isFalse();
        assertThat(judge.judge(who, whoAgain).targets()).isZero();
    }

    @Test
    void shouldContrastCountriesOnlyWhenEachReportNamesOneTheOtherDoesNot() {
        assertThat(SameEventJudge.contrast(Set.of("mexico", "united-states"), Set.of("canada", "united-states"))).isEqualTo(-1);
        assertThat(SameEventJudge.contrast(Set.of("mexico", "united-states"), Set.of("mexico"))).isZero();
        assertThat(SameEventJudge.contrast(Set.of("mexico"), Set.of())).isZero();
    }

    private static Mention report(String id, String text) {
        return Mention.of(new Report(id, "article-" + id, "outlet-" + id, Instant.parse("2025-01-20T12:00:00Z"), 0,
                text.length(), timeMl("2025-01-20"), text, List.of()));
    }
}
