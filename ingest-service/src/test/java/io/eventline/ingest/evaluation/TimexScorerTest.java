package io.eventline.ingest.evaluation;

import io.eventline.ingest.extraction.TemporalExpression;
import io.eventline.ingest.extraction.TemporalType;
import org.junit.jupiter.api.Test;

import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

/** The scorer on hand-made gold and system pairs, so its numbers can be trusted on the corpora. */
class TimexScorerTest {

    private final TimexScorer scorer = new TimexScorer();

    private static GoldTimex gold(String text, String expression, String type, String value) {
        int start = text.indexOf(expression);
        return new GoldTimex(start, start + expression.length(), expression, type, value);
    }

    private static TemporalExpression system(String text, String expression, TemporalType type, String value) {
        int start = text.indexOf(expression);
        return new TemporalExpression(start, start + expression.length(), expression, type, value, "test.rule");
    }

    @Test
    void shouldCountAnIdenticalSpanAsARelaxedAndAStrictMatch() {
        String text = "The talks resumed on Friday in Geneva.";

        TimexCounts counts = scorer.align(text, List.of(gold(text, "Friday", "DATE", "1998-02-27")),
                List.of(system(text, "Friday", TemporalType.DATE, "1998-02-27"))).counts();

        assertThat(counts).isEqualTo(new TimexCounts(1, 1, 1, 1, 1, 1));
        assertThat(counts.relaxedF1()).isEqualTo(1.0);
        assertThat(counts.strictF1()).isEqualTo(1.0);
        assertThat(counts.valueF1()).isEqualTo(1.0);
    }

    @Test
    void shouldCountASpanSharingATokenAsRelaxedButNotStrict() {
        String text = "The talks resumed on Friday morning in Geneva.";

        TimexScorer.Alignment alignment = scorer.align(text, List.of(gold(text, "Friday morning", "TIME", "1998-02-27TMO")),
                List.of(system(text, "Friday", TemporalType.DATE, "1998-02-27")));

        assertThat(alignment.counts()).isEqualTo(new TimexCounts(1, 1, 1, 0, 0, 0));
        assertThat(alignment.counts().relaxedF1()).isEqualTo(1.0);
        assertThat(alignment.counts().strictF1()).isZero();
        assertThat(alignment.spurious()).isEmpty();
        assertThat(alignment.missed()).isEmpty();
    }

    @Test
    void shouldNotMatchSpansThatOnlyTouchOrShareWhitespace() {
        String text = "It fell 5% in 1998 and rose in 1999.";

        TimexScorer.Alignment alignment = scorer.align(text, List.of(gold(text, "1998", "DATE", "1998")),
                List.of(system(text, "in ", TemporalType.DATE, "x"), system(text, " and", TemporalType.DATE, "y")));

        assertThat(alignment.pairs()).isEmpty();
        assertThat(alignment.spurious()).hasSize(2);
        assertThat(alignment.missed()).hasSize(1);
    }

    @Test
    void shouldMatchAPartOfAToken() {
        String text = "the 1990s were calm";

        // "1990" covers part of the token "1990s": that token is shared
        TimexCounts counts = scorer.align(text, List.of(gold(text, "the 1990s", "DATE", "199")),
                List.of(new TemporalExpression(4, 8, "1990", TemporalType.DATE, "1990", "r"))).counts();

        assertThat(counts.relaxed()).isEqualTo(1);
        assertThat(counts.strict()).isZero();
    }

    @Test
    void shouldPairGreedilyOneToOneSoASecondOverlappingSystemSpanIsAFalsePositive() {
        String text = "Trading stopped between March and April 1998, analysts said.";
        GoldTimex wholeInterval = gold(text, "March and April 1998", "DATE", "1998-03");

        TimexScorer.Alignment alignment = scorer.align(text, List.of(wholeInterval),
                List.of(system(text, "March", TemporalType.DATE, "1998-03"),
                        system(text, "April 1998", TemporalType.DATE, "1998-04")));

        assertThat(alignment.pairs()).extracting(p -> p.system().text()).containsExactly("March");
        assertThat(alignment.spurious()).extracting(TemporalExpression::text).containsExactly("April 1998");
        TimexCounts counts = alignment.counts();
        assertThat(counts).isEqualTo(new TimexCounts(2, 1, 1, 0, 1, 1));
        assertThat(counts.relaxedPrecision()).isEqualTo(0.5);
        assertThat(counts.relaxedRecall()).isEqualTo(1.0);
        assertThat(counts.relaxedF1()).isCloseTo(2.0 / 3, within(1e-9));
    }

    @Test
    void shouldPairGreedilyOneToOneSoASecondOverlappedGoldSpanIsAFalseNegative() {
        String text = "Trading stopped between March and April 1998, analysts said.";

        TimexScorer.Alignment alignment = scorer.align(text,
                List.of(gold(text, "April 1998", "DATE", "1998-04"), gold(text, "March", "DATE", "1998-03")),
                List.of(system(text, "March and April 1998", TemporalType.DATE, "1998-03/1998-04")));

        // left to right: the system span pairs with the leftmost gold it shares a token with
        assertThat(alignment.pairs()).extracting(p -> p.gold().text()).containsExactly("March");
        assertThat(alignment.missed()).extracting(GoldTimex::text).containsExactly("April 1998");
        assertThat(alignment.counts()).isEqualTo(new TimexCounts(1, 2, 1, 0, 0, 1));
    }

    @Test
    void shouldCompareValuesAndTypesAsExactStrings() {
        String text = "In 2011 it lasted a day; in 2012 it took 24 hours.";

        TimexCounts counts = scorer.align(text,
                List.of(gold(text, "2011", "DATE", "2011"), gold(text, "a day", "DURATION", "P1D"),
                        gold(text, "2012", "DATE", "2012"), gold(text, "24 hours", "DURATION", "PT24H")),
                List.of(system(text, "2011", TemporalType.DATE, "2011-03-22"),
                        system(text, "a day", TemporalType.DURATION, "P1D"),
                        system(text, "2012", TemporalType.DURATION, "2012"),
                        system(text, "24 hours", TemporalType.DURATION, "P1D"))).counts();

        assertThat(counts).isEqualTo(new TimexCounts(4, 4, 4, 4, 2, 3));
        assertThat(counts.valueAccuracy()).isEqualTo(0.5);
        assertThat(counts.valueF1()).isEqualTo(0.5);
        assertThat(counts.typeF1()).isEqualTo(0.75);
    }

    @Test
    void shouldScaleValueAndTypeF1ByRelaxedF1AndSumCountsBeforeDividing() {
        // document 1: 2 gold, 1 found with the right value; document 2: 1 gold, 1 found, 1 spurious
        TimexCounts first = new TimexCounts(1, 2, 1, 1, 1, 1);
        TimexCounts second = new TimexCounts(2, 1, 1, 0, 0, 1);

        TimexCounts total = first.plus(second);

        assertThat(total).isEqualTo(new TimexCounts(3, 3, 2, 1, 1, 2));
        assertThat(total.relaxedF1()).isCloseTo(2.0 / 3, within(1e-9)); // micro: P = R = 2/3
        assertThat(total.strictF1()).isCloseTo(1.0 / 3, within(1e-9));
        assertThat(total.valueF1()).isCloseTo(0.5 * 2.0 / 3, within(1e-9));
        assertThat(total.typeF1()).isCloseTo(2.0 / 3, within(1e-9));
    }

    @Test
    void shouldScoreNothingFoundAsZeroNotNaN() {
        String text = "Nothing here.";

        TimexCounts counts = scorer.align(text, List.of(gold(text, "here", "DATE", "PRESENT_REF")), List.of()).counts();

        assertThat(counts.relaxedF1()).isZero();
        assertThat(counts.valueF1()).isZero();
        assertThat(counts.relaxedPrecision()).isZero();
    }

    @Test
    void shouldTokenizeWordsDigitsAndEachPunctuationMark() {
        Tokens tokens = Tokens.of("Feb. 27, 1998-02");

        assertThat(tokens.size()).isEqualTo(7); // Feb . 27 , 1998 - 02: nothing for spaces
        assertThat(tokens.covered(0, 3)).containsExactly(0, 1);
        assertThat(tokens.covered(3, 5)).containsExactly(1, 2); // ". " touches only "."
        assertThat(tokens.covered(4, 5)).containsExactly(2, 2); // a space: no token
    }
}
