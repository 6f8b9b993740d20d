package io.eventline.ingest.extraction;

import io.eventline.ingest.extraction.EventEntity.Kind;
import org.junit.jupiter.api.Test;

import java.time.LocalDate;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

class EventBuilderTest {

    private static final LocalDate PUBLISHED = LocalDate.of(2025, 2, 20);

    private final EventBuilder builder = new EventBuilder(EntityRecognizer.english(), rule -> 0.8);

    @Test
    void shouldDateASentenceByItsExpressionWithGranularity() {
        String text = "The United States launched a war on Mexico in 1846.";

        List<DatedEvent> events = builder.build(text, PUBLISHED, List.of(expression(text, "1846", "1846")));

        assertThat(events).singleElement().satisfies(event -> {
            assertThat(event.date()).isEqualTo(EventDate.fromValue("1846"));
            assertThat(event.date().granularity()).isEqualTo(Granularity.YEAR);
            assertThat(event.text()).isEqualTo(text);
            assertThat(event.expression().text()).isEqualTo("1846");
            assertThat(event.sentence()).isEqualTo(new TextSpan(0, text.length()));
            assertThat(event.clause()).isEqualTo(event.sentence());
            assertThat(event.entities()).containsExactly(new EventEntity("United States", Kind.PLACE),
                    new EventEntity("Mexico", Kind.PLACE));
            assertThat(event.confidence()).isEqualTo(0.72); // 0.8 rule x 0.9 year x 1.0 clean
        });
    }

    @Test
    void shouldNotDateAnEventByDurationsSetsFuzzyOrUnplaceableValues() {
        String text = "They agreed for 30 days. It happens every week. It happened in the past. It was on a Monday.";
        List<TemporalExpression> expressions = List.of(
                expression(text, "30 days", TemporalType.DURATION, "P30D"),
                expression(text, "every week", TemporalType.SET, "P1W"),
                expression(text, "the past", TemporalType.DATE, "PAST_REF"),
                expression(text, "a Monday", TemporalType.DATE, "XXXX-WXX-1"));

        assertThat(builder.build(text, PUBLISHED, expressions)).isEmpty();
    }

    @Test
    void shouldInventNoDateForASentenceWithoutOne() {
        String text = "Trump also appointed Ronald Johnson as US ambassador to Mexico. On February 3, Washington agreed.";

        List<DatedEvent> events = builder.build(text, PUBLISHED, List.of(expression(text, "February 3", "2025-02-03")));

        assertThat(events).extracting(DatedEvent::text).containsExactly("On February 3, Washington agreed.");
    }

    @Test
    void shouldDateAnEventByTheDayOfATime() {
        String text = "The talks began at 10 a.m. on February 19.";

        List<DatedEvent> events = builder.build(text, PUBLISHED,
                List.of(expression(text, "10 a.m. on February 19", TemporalType.TIME, "2025-02-19T10:00")));

        assertThat(events).singleElement().satisfies(event -> {
            assertThat(event.date().value()).isEqualTo("2025-02-19");
            assertThat(event.expression().value()).isEqualTo("2025-02-19T10:00");
        });
    }

    @Test
    void shouldJoinTwoDatesOfARangeIntoOneIntervalEvent() {
        String text = "The US occupied Veracruz from April 1914 to November 1914. The war lasted between 1914 and 1918. "
                + "The Great War (1914-1918) changed Europe.";
        int secondYear = text.indexOf("1914", text.indexOf("between"));
        int dashYear = text.indexOf("1914-1918");
        List<TemporalExpression> expressions = List.of(
                expression(text, "April 1914", "1914-04"), expression(text, "November 1914", "1914-11"),
                new TemporalExpression(secondYear, secondYear + 4, "1914", TemporalType.DATE, "1914", "r"),
                expression(text, "1918", "1918"),
                new TemporalExpression(dashYear, dashYear + 4, "1914", TemporalType.DATE, "1914", "r"),
                new TemporalExpression(dashYear + 5, dashYear + 9, "1918", TemporalType.DATE, "1918", "r"));

        List<DatedEvent> events = builder.build(text, PUBLISHED, expressions);

        assertThat(events).extracting(event -> event.date().value())
                .containsExactly("1914-04/1914-11", "1914/1918", "1914/1918");
        assertThat(events.get(0).date()).isEqualTo(new EventDate("1914-04/1914-11", Granularity.INTERVAL,
                LocalDate.of(1914, 4, 1), LocalDate.of(1914, 11, 30)));
        assertThat(events.get(0).expression().text()).isEqualTo("April 1914 to November 1914");
        assertThat(events.get(0).expression().rule()).isEqualTo("interval(rule,rule)");
    }

    @Test
    void shouldSplitASentenceIntoClausesWhenEachHasItsOwnDate() {
        String text = "The US invaded Veracruz in 1914, and in 1917 an expedition failed to capture Pancho Villa; "
                + "in 1846 a war began, but nobody remembers it.";
        int in1914 = text.indexOf("1914");

        List<DatedEvent> events = builder.build(text, PUBLISHED, List.of(
                new TemporalExpression(in1914, in1914 + 4, "1914", TemporalType.DATE, "1914", "r"),
                expression(text, "1917", "1917"), expression(text, "1846", "1846")));

        assertThat(events).extracting(DatedEvent::text).containsExactly(
                "The US invaded Veracruz in 1914.",
                "In 1917 an expedition failed to capture Pancho Villa.",
                "In 1846 a war began, but nobody remembers it.");
        assertThat(events).allSatisfy(event -> assertThat(event.sentence()).isEqualTo(new TextSpan(0, text.length())));
        assertThat(events).extracting(event -> text.substring(event.clause().start(), event.clause().end())).containsExactly(
                "The US invaded Veracruz in 1914",
                "in 1917 an expedition failed to capture Pancho Villa",
                "in 1846 a war began, but nobody remembers it.");
        assertThat(events.get(1).entities()).containsExactly(new EventEntity("Pancho Villa", Kind.PERSON));
    }

    @Test
    void shouldKeepASentenceWholeWhenOnlyOnePartHasADate() {
        String text = "Several Republicans have called for military action, while Trump brought up bombing Mexico as early as 2020.";

        List<DatedEvent> events = builder.build(text, PUBLISHED, List.of(expression(text, "2020", "2020")));

        assertThat(events).extracting(DatedEvent::text).containsExactly(text);
    }

    @Test
    void shouldGiveOneEventPerDateWhereAClauseCannotBeSplit() {
        String text = "The treaty of 1848 ended the war of 1846.";

        List<DatedEvent> events = builder.build(text, PUBLISHED,
                List.of(expression(text, "1848", "1848"), expression(text, "1846", "1846")));

        assertThat(events).extracting(event -> event.date().value()).containsExactly("1848", "1846");
        assertThat(events).allSatisfy(event -> {
            assertThat(event.text()).isEqualTo(text);
            assertThat(event.confidence()).isEqualTo(0.612); // 0.8 x 0.9 x 0.85 (several dates)
        });
    }

    @Test
    void shouldCleanAttributionThatDoesNotCarryTheDate() {
        String text = "According to US authorities, the flights began in 2020. "
                + "The flights were \"part of the dialogue\" since 2018, she said. "
                + "Mexico agreed on February 3 to deploy troops, officials said. "
                + "NBC News reported that the strikes were planned in January. "
                + "Jenkins noted that the military was ready in 2024, according to AP.";
        List<DatedEvent> events = builder.build(text, PUBLISHED, List.of(
                expression(text, "2020", "2020"), expression(text, "2018", "2018"),
                expression(text, "February 3", "2025-02-03"), expression(text, "January", "2025-01"),
                expression(text, "2024", "2024")));

        assertThat(events).extracting(DatedEvent::text).containsExactly(
                "The flights began in 2020.",
                "The flights were \"part of the dialogue\" since 2018.",
                "Mexico agreed on February 3 to deploy troops.",
                "The strikes were planned in January.",
                "Jenkins noted that the military was ready in 2024.");
    }

    @Test
    void shouldKeepAttributionThatChangesTheMeaning() {
        String text = "The cartel claimed that the attack happened in 2023. Trump announced that tariffs start in March 2025.";

        List<DatedEvent> events = builder.build(text, PUBLISHED,
                List.of(expression(text, "2023", "2023"), expression(text, "March 2025", "2025-03")));

        assertThat(events).extracting(DatedEvent::text).containsExactly(
                "The cartel claimed that the attack happened in 2023.",
                "Trump announced that tariffs start in March 2025.");
    }

    @Test
    void shouldKeepAttributionThatCarriesTheDateAndLowerTheConfidence() {
        String text = "Officials cited by NBC News on Tuesday confirmed that the administration is considering strikes.";
        int tuesday = text.indexOf("Tuesday");

        List<DatedEvent> events = builder.build(text, PUBLISHED, List.of(
                new TemporalExpression(tuesday, tuesday + 7, "Tuesday", TemporalType.DATE, "2025-02-18", "r")));

        assertThat(events).singleElement().satisfies(event -> {
            assertThat(event.text()).isEqualTo(text);
            assertThat(event.confidence()).isEqualTo(0.72); // 0.8 x 1.0 day x 0.9 (date in attribution)
        });
    }

    @Test
    void shouldMakeNoEventOfTheBylineDate() {
        String text = "A headline\n\nAndrea Lobo\n20 February 2025\n\nIn 1846, the war began.";

        List<DatedEvent> events = builder.build(text, PUBLISHED,
                List.of(expression(text, "20 February 2025", "2025-02-20"), expression(text, "1846", "1846")));

        assertThat(events).extracting(event -> event.date().value()).containsExactly("1846");
    }

    @Test
    void shouldMakeEventTextsReadable() {
        String text = "As Trotsky wrote on China in the *1930s*:";

        List<DatedEvent> events = builder.build(text, PUBLISHED, List.of(expression(text, "1930s", "193")));

        assertThat(events).singleElement().satisfies(event -> {
            assertThat(event.text()).isEqualTo("As Trotsky wrote on China in the 1930s.");
            assertThat(event.date().granularity()).isEqualTo(Granularity.DECADE);
            assertThat(event.entities()).containsExactly(new EventEntity("Trotsky", Kind.PERSON),
                    new EventEntity("China", Kind.PLACE));
        });
    }

    @Test
    void shouldCutAMegabyteWithoutSentenceBreaksToAWindowAroundTheDateAtWords() {
        // an article body with no full stop is one "sentence": its event was the whole megabyte
        String filler = "delegates argued over the wording of the draft and ".repeat(10_000);
        String dated = "the talks finally began on March 5, 1990 in Geneva and ";
        String text = filler + dated + filler;

        List<DatedEvent> events = builder.build(text, PUBLISHED, List.of(expression(text, "March 5, 1990", "1990-03-05")));

        assertThat(text.length()).isGreaterThan(1_000_000);
        assertThat(events).singleElement().satisfies(event -> {
            assertThat(event.text()).hasSizeLessThan(1_000).contains("the talks finally began on March 5, 1990 in Geneva")
                    .startsWith("…").endsWith("…");
            // the offsets sent are those of the window the text was cut from, which starts and ends at words
            assertThat(event.sentence()).isEqualTo(event.clause());
            assertThat(text.substring(event.sentence().start(), event.sentence().end()))
                    .isEqualTo(event.text().substring(1, event.text().length() - 1));
            assertThat(Character.isWhitespace(text.charAt(event.sentence().start() - 1))).isTrue();
            assertThat(Character.isWhitespace(text.charAt(event.sentence().end()))).isTrue();
        });
    }

    @Test
    void shouldUseTheRuleConfidenceOfTheTagger() {
        String text = "On February 3, Washington agreed.";
        EventBuilder explicit = new EventBuilder(EntityRecognizer.english(), ExplicitDateTagger::ruleConfidence);

        List<DatedEvent> events = new TaggedEventExtractor(new ExplicitDateTagger(), explicit)
                .extract(text, PUBLISHED).events();

        assertThat(events).singleElement().satisfies(event -> {
            assertThat(event.expression().rule()).isEqualTo("explicit.month-day");
            assertThat(event.confidence()).isEqualTo(0.8); // rule 0.8 x day 1.0 x 1.0
        });
    }

    @Test
    void shouldKeepEveryExpressionOfTheTaggerInTheExtraction() {
        String text = "Andrea Lobo\n20 February 2025\n\nOn February 3, Washington agreed to suspend tariffs for 30 days.";
        TaggedEventExtractor extractor = new TaggedEventExtractor(new ExplicitDateTagger(), builder);

        Extraction extraction = extractor.extract(text, PUBLISHED);

        assertThat(extraction.expressions()).extracting(TemporalExpression::value).containsExactly("2025-02-20", "2025-02-03");
        assertThat(extraction.events()).extracting(event -> event.date().value()).containsExactly("2025-02-03");
        assertThat(extractor.name()).isEqualTo("eventline-events/1 (ExplicitDateTagger)");
    }

    private static TemporalExpression expression(String text, String written, String value) {
        return expression(text, written, TemporalType.DATE, value);
    }

    private static TemporalExpression expression(String text, String written, TemporalType type, String value) {
        int start = text.indexOf(written);
        assertThat(start).as("%s in %s", written, text).isNotNegative();
        return new TemporalExpression(start, start + written.length(), written, type, value, "rule");
    }

    /**
     * The written-out clean-up steps of an event text do exactly what their expressions do, on
     * short texts made of their edge cases: whitespace runs of every kind, separators, closers,
     * and the line terminators before which {@code $} also matches.
     */
    @Test
    void shouldCleanEventTextExactlyAsTheExpressions() {
        String alphabet = "a. \t\n\r\u000B\f,;:!?\"')]*\u0085\u2028\u2029\u00A0X";
        java.util.Random random = new java.util.Random(7);
        for (int round = 0; round < 20_000; round++) {
            StringBuilder built = new StringBuilder();
            int length = random.nextInt(12);
            for (int i = 0; i < length; i++) {
                built.append(alphabet.charAt(random.nextInt(alphabet.length())));
            }
            String text = built.toString();
            assertThat(EventBuilder.collapseWhitespace(text)).as("whitespace of \"%s\"", text)
                    .isEqualTo(EventBuilder.WHITESPACE.matcher(text).replaceAll(" "));
            assertThat(EventBuilder.withoutTrailingSeparators(text)).as("trailing separators of \"%s\"", text)
                    .isEqualTo(EventBuilder.TRAILING_SEPARATORS.matcher(text).replaceFirst(""));
            assertThat(EventBuilder.isTerminated(text)).as("\"%s\" terminated", text)
                    .isEqualTo(EventBuilder.TERMINATED.matcher(text).matches());
        }
    }
}
