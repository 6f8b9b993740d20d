package io.eventline.ingest.extraction;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

import java.time.LocalDate;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

class ExplicitDateExtractorTest {

    /** A Thursday, the publication date of the first founding article. */
    private static final LocalDate PUBLISHED = LocalDate.of(2025, 2, 20);

    private final ExplicitDateExtractor extractor = new ExplicitDateExtractor();

    private List<TemporalExpression> expressions(String text) {
        return extractor.extract(text, PUBLISHED).expressions();
    }

    private TemporalExpression onlyExpression(String text) {
        List<TemporalExpression> found = expressions(text);
        assertThat(found).as("expressions in %s", text).hasSize(1);
        return found.get(0);
    }

    @ParameterizedTest(name = "{0} -> {1}")
    @CsvSource(delimiter = '|', textBlock = """
            The tariffs were suspended on February 3, 2025.   | 2025-02-03 | February 3, 2025  | explicit.month-day-year
            The tariffs were suspended on Feb. 3, 2025.       | 2025-02-03 | Feb. 3, 2025      | explicit.month-day-year
            The tariffs were suspended on February 3rd 2025.  | 2025-02-03 | February 3rd 2025 | explicit.month-day-year
            The tariffs were suspended on 3 February 2025.    | 2025-02-03 | 3 February 2025   | explicit.day-month-year
            The tariffs were suspended on 2025-02-03.         | 2025-02-03 | 2025-02-03        | explicit.iso-date
            The tariffs were suspended on Monday, February 3, 2025. | 2025-02-03 | Monday, February 3, 2025 | explicit.month-day-year
            """)
    void shouldReadAFullyWrittenDayAsThatDay(String sentence, String value, String text, String rule) {
        TemporalExpression expression = onlyExpression(sentence);

        assertThat(expression.value()).isEqualTo(value);
        assertThat(expression.text()).isEqualTo(text);
        assertThat(expression.rule()).isEqualTo(rule);
        assertThat(expression.type()).isEqualTo(TemporalType.DATE);
        assertThat(sentence.substring(expression.start(), expression.end())).isEqualTo(text);
    }

    @ParameterizedTest(name = "{0} in an article of 2025-02-20 -> {1}")
    @CsvSource(delimiter = '|', textBlock = """
            On February 3, Washington agreed to suspend the tariffs. | 2025-02-03
            The deadline passed on Feb 3rd without a deal.           | 2025-02-03
            The talks resumed on 3 February in Ottawa.               | 2025-02-03
            The vote is scheduled for April 15 in the Senate.        | 2025-04-15
            The law was signed on December 30 by the outgoing president. | 2024-12-30
            The ceasefire collapsed on June 1 after two weeks.       | 2024-06-01
            """)
    void shouldGiveADayWithoutYearTheYearThatPutsItNearThePublicationDate(String sentence, String value) {
        TemporalExpression expression = onlyExpression(sentence);

        assertThat(expression.value()).isEqualTo(value);
        assertThat(expression.rule()).isIn("explicit.month-day", "explicit.day-month");
    }

    @Test
    void shouldReadAMonthAndYearAsThatMonth() {
        DatedEvent event = extractor.extract("US forces occupied Veracruz in April 1914.", PUBLISHED).events().get(0);

        assertThat(event.date()).isEqualTo(new EventDate("1914-04", Granularity.MONTH,
                LocalDate.of(1914, 4, 1), LocalDate.of(1914, 4, 30)));
        assertThat(event.expression().text()).isEqualTo("April 1914");
        assertThat(event.expression().rule()).isEqualTo("explicit.month-year");
    }

    @ParameterizedTest(name = "{0} -> {1}")
    @CsvSource(delimiter = '|', textBlock = """
            It intensified after the executive order in January.  | 2025-01
            It intensified after the executive order in February. | 2025-02
            The first flights took place in November.             | 2024-11
            The program has grown since early September.          | 2024-09
            """)
    void shouldReadABareMonthAsTheLatestSuchMonthUpToThePublicationMonth(String sentence, String value) {
        TemporalExpression expression = onlyExpression(sentence);

        assertThat(expression.value()).isEqualTo(value);
        assertThat(expression.rule()).isEqualTo("explicit.month-of-publication-year");
        assertThat(EventDate.fromValue(expression.value()).granularity()).isEqualTo(Granularity.MONTH);
    }

    @ParameterizedTest(name = "{0} -> {1}")
    @CsvSource(delimiter = '|', textBlock = """
            The United States launched a war on Mexico in 1846.          | 1846 | 1846
            In 1917, a US military expedition failed to capture Villa.   | 1917 | 1917
            This theory animated the Russian Revolution of 1917.         | 1917 | 1917
            Trump brought up the idea as early as 2020, said Esper.      | 2020 | 2020
            Sanctions have been in place since 1996 and remain.          | 1996 | 1996
            """)
    void shouldReadAYearAfterAPrepositionAsThatYear(String sentence, String value, String text) {
        TemporalExpression expression = onlyExpression(sentence);

        assertThat(expression.value()).isEqualTo(value);
        assertThat(expression.text()).isEqualTo(text);
        assertThat(EventDate.fromValue(value).granularity()).isEqualTo(Granularity.YEAR);
    }

    @Test
    void shouldReadADecadeAsADecadeNotAYear() {
        DatedEvent event = extractor.extract("As Trotsky wrote on China in the 1930s, the bourgeoisie fled.", PUBLISHED)
                .events().get(0);

        assertThat(event.date()).isEqualTo(new EventDate("193", Granularity.DECADE,
                LocalDate.of(1930, 1, 1), LocalDate.of(1939, 12, 31)));
        assertThat(event.expression().text()).isEqualTo("1930s");
    }

    @Test
    void shouldReadFromMonthToMonthYearAsOneInterval() {
        String text = "The US invaded Veracruz to block weapons from April to November 1914 and threatened Mexico City.";

        Extraction extraction = extractor.extract(text, PUBLISHED);

        assertThat(extraction.expressions()).hasSize(1);
        DatedEvent event = extraction.events().get(0);
        assertThat(event.date()).isEqualTo(new EventDate("1914-04/1914-11", Granularity.INTERVAL,
                LocalDate.of(1914, 4, 1), LocalDate.of(1914, 11, 30)));
        assertThat(event.expression().text()).isEqualTo("April to November 1914");
        assertThat(event.expression().rule()).isEqualTo("explicit.month-interval");
    }

    @Test
    void shouldReadFromYearToYearAsOneInterval() {
        TemporalExpression expression = onlyExpression("The occupation lasted from 1915 to 1934, longer than planned.");

        assertThat(expression.value()).isEqualTo("1915/1934");
        assertThat(EventDate.fromValue(expression.value()).end()).isEqualTo(LocalDate.of(1934, 12, 31));
    }

    @ParameterizedTest
    @ValueSource(strings = {
            "Both countries deployed 10,000 troops to the borders.",
            "Washington agreed to suspend 25 percent trade tariffs.",
            "The fine was $1,846 per violation.",
            "A crowd of 1500 people gathered in the square.",
            "The measure passed by 2000 votes after a long debate.",
            "They may 5 times a year march 3 miles to the capital.",
            "It is America's 51st state, Trump said, and 29 suspected leaders were extradited.",
            "Prices rose by 3.5 percent in the third quarter of the fiscal cycle."
    })
    void shouldLeaveNumbersThatAreNotDatesUntagged(String sentence) {
        assertThat(expressions(sentence)).isEmpty();
    }

    @Test
    void shouldNotReadAnImpossibleDay() {
        assertThat(expressions("The memo was dated February 30, 2025, an impossible day.")).isEmpty();
    }

    @Test
    void shouldMakeTheWholeSentenceWithCollapsedWhitespaceTheEventText() {
        String text = "Talks began early. On February 3, Washington   agreed to suspend 25 percent tariffs\n"
                + "for 30 days. Nobody expected it.";

        List<DatedEvent> events = extractor.extract(text, PUBLISHED).events();

        assertThat(events).hasSize(1);
        DatedEvent event = events.get(0);
        assertThat(event.text()).isEqualTo(
                "On February 3, Washington agreed to suspend 25 percent tariffs for 30 days.");
        assertThat(text.substring(event.sentence().start(), event.sentence().end()))
                .startsWith("On February 3").endsWith("for 30 days.");
        assertThat(event.date().value()).isEqualTo("2025-02-03");
        assertThat(event.entities()).isEmpty();
        assertThat(event.confidence()).isBetween(0.0, 1.0);
    }

    @Test
    void shouldKeepAbbreviationsAndInitialsInsideTheirSentence() {
        String text = "On Wednesday, Gen. Gregory M. Guillot and U.S. officials met on Feb. 19, 2025. They signed.";

        DatedEvent event = extractor.extract(text, PUBLISHED).events().get(0);

        assertThat(event.text()).isEqualTo(
                "On Wednesday, Gen. Gregory M. Guillot and U.S. officials met on Feb. 19, 2025.");
    }

    @Test
    void shouldNotMakeTheBylineDateAnEvent() {
        String text = """
                Trump administration labels cartels as foreign terrorist organizations

                Andrea Lobo
                20 February 2025

                The administration designated eight gangs as terrorist organizations.""";

        Extraction extraction = extractor.extract(text, PUBLISHED);

        assertThat(extraction.expressions()).extracting(TemporalExpression::value).containsExactly("2025-02-20");
        assertThat(extraction.events()).isEmpty();
    }

    @Test
    void shouldMakeOneEventPerDateOfASentence() {
        String text = "The war began in 1846 and ended in 1848.";

        List<DatedEvent> events = extractor.extract(text, PUBLISHED).events();

        assertThat(events).extracting(e -> e.date().value()).containsExactly("1846", "1848");
        assertThat(events).extracting(DatedEvent::text).containsOnly(text);
    }

    @Test
    void shouldDateNoEventInASentenceWithoutADate() {
        String text = "Trump also appointed Ronald Johnson as US ambassador to Mexico.";

        assertThat(extractor.extract(text, PUBLISHED).events()).isEmpty();
    }

    @Test
    void shouldSayWhoItIs() {
        assertThat(extractor.name()).isEqualTo("eventline-explicit-dates/1");
    }
}
