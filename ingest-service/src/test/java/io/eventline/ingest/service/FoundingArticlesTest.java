package io.eventline.ingest.service;

import io.eventline.ingest.extraction.DatedEvent;
import io.eventline.ingest.extraction.EntityRecognizer;
import io.eventline.ingest.extraction.EventBuilder;
import io.eventline.ingest.extraction.EventEntity;
import io.eventline.ingest.extraction.EventExtractor;
import io.eventline.ingest.extraction.ExplicitDateTagger;
import io.eventline.ingest.extraction.Extraction;
import io.eventline.ingest.extraction.TaggedEventExtractor;
import io.eventline.ingest.extraction.TemporalExpression;
import io.eventline.ingest.extraction.TemporalTagger;
import io.eventline.ingest.extraction.TemporalType;
import io.eventline.ingest.extraction.TextSpan;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The product's first acceptance test: the two founding articles (../shared/seeds/README.md)
 * pushed through the service's own normalizer and extractor ({@link Extractors}), checked against
 * the README's table. The files live outside the repository; where they are absent, the tests are
 * skipped with a printed reason.
 */
class FoundingArticlesTest {

    private static final Path SEEDS = io.eventline.ingest.evaluation.SharedCorpora.seeds();
    private static final String FIRST = "000_907d752312129e1f.txt";
    private static final String SECOND = "001_fd74f7ae060cd053.txt";
    /** The default of eventline.ingest.normalization.footer-pattern. */
    private static final String WSWS_FOOTER = "(?is)To contact the WSWS.{0,300}?wsws[.]org/contact";
    private static final DateTimeFormatter DATE_LINE = DateTimeFormatter.ofPattern("d MMMM yyyy", Locale.ENGLISH);

    private final ArticleTextNormalizer normalizer = new ArticleTextNormalizer(WSWS_FOOTER);

    /** A founding article as ingest sees it: normalized, extracted, published on its date line's date. */
    private record Seed(String text, LocalDate published, Extraction extraction) {

        List<DatedEvent> events() {
            return extraction.events();
        }
    }

    @Test
    void shouldDateTheExplicitEventsOfTheFirstFoundingArticle() throws IOException {
        Seed seed = seed(FIRST);

        assertThat(seed.published()).isEqualTo(LocalDate.of(2025, 2, 20));
        assertEvent(seed, "January", "2025-01", "month", "FTO executive order in January");
        assertEvent(seed, "February 3", "2025-02-03", "day", "Washington agreed to suspend 25 percent trade tariffs");
        assertThat(eventAt(seed, "February 3").entities()).contains(new EventEntity("Washington", EventEntity.Kind.PLACE),
                new EventEntity("Canada", EventEntity.Kind.PLACE), new EventEntity("Mexico", EventEntity.Kind.PLACE));
        assertThat(eventAt(seed, "January").entities()).contains(new EventEntity("Trump", EventEntity.Kind.PERSON));
        assertNotDated(seed, "10,000 troops", "25 percent", "30 days");
        assertThat(seed.events()).extracting(DatedEvent::text)
                .as("a sentence without a date is no event")
                .noneMatch(text -> text.contains("Trump also appointed"));
        assertNoBylineOrFooterEvent(seed, "20 February 2025");
    }

    @Test
    void shouldDateTheExplicitEventsOfTheSecondFoundingArticle() throws IOException {
        Seed seed = seed(SECOND);

        assertThat(seed.published()).isEqualTo(LocalDate.of(2025, 4, 9));
        assertEvent(seed, "2020", "2020", "year", "bombing Mexico");
        assertEvent(seed, "1980s", "198", "decade", "Johnson led counterinsurgency operations");
        assertEvent(seed, "March 7", "2025-03-07", "day", "A commentary on Al Jazeera");
        assertEvent(seed, "1846", "1846", "year", "the United States launched a war on Mexico");
        assertEvent(seed, "April to November 1914", "1914-04/1914-11", "interval", "invading Veracruz");
        assertEvent(seed, "1917", "1917", "year", "failed to capture the radical peasant revolutionary Pancho Villa");
        assertEvent(seed, "1917", "1917", "year", "Russian Revolution of 1917");
        assertEvent(seed, "1930s", "193", "decade", "Trotsky wrote on China");
        assertThat(eventAt(seed, "1846").entities()).contains(new EventEntity("United States", EventEntity.Kind.PLACE),
                new EventEntity("Mexico", EventEntity.Kind.PLACE));
        assertNotDated(seed, "10,000 Mexican troops", "29 suspected");
        assertNoBylineOrFooterEvent(seed, "9 April 2025");
    }

    @Test
    void shouldOrderTheExplicitDatesOfBothArticlesAsTheTimelineMust() throws IOException {
        List<DatedEvent> events = new ArrayList<>(seed(FIRST).events());
        events.addAll(seed(SECOND).events());

        List<String> ordered = events.stream()
                .sorted(Comparator.comparing((DatedEvent e) -> e.date().start()).thenComparing(e -> e.date().end()))
                .map(e -> e.date().value()).distinct().toList();

        assertThat(ordered).containsSubsequence("1846", "1914-04/1914-11", "1917", "193", "198", "2020", "2025-01",
                "2025-02-03", "2025-03-07");
    }

    @Test
    void shouldDateTheRelativeEventsOfTheFoundingArticles() throws IOException {
        assertRelativeEvents(seed(FIRST), seed(SECOND));
    }

    /**
     * The event side of the relative dates, without waiting for the tagger: given the expressions
     * the seeds README expects the tagger to find ("on Wednesday" = 2025-02-19 ...), the events
     * come out as the README's table says.
     */
    @Test
    void shouldBuildTheRelativeEventsOnceTheTaggerFindsTheirExpressions() throws IOException {
        TemporalTagger withRelativeDates = (text, documentDate) -> {
            List<TemporalExpression> expressions = new ArrayList<>(new ExplicitDateTagger().tag(text, documentDate));
            if (documentDate.equals(LocalDate.of(2025, 2, 20))) {
                expressions.addAll(everyOccurrence(text, "Wednesday", TemporalType.DATE, "2025-02-19"));
                expressions.addAll(everyOccurrence(text, "9/11", TemporalType.DATE, "2001-09-11"));
                expressions.addAll(everyOccurrence(text, "30 days", TemporalType.DURATION, "P30D"));
            } else {
                expressions.addAll(everyOccurrence(text, "Tuesday", TemporalType.DATE, "2025-04-08"));
                expressions.addAll(everyOccurrence(text, "200 years ago", TemporalType.DATE, "1825"));
            }
            expressions.sort(Comparator.comparingInt(TemporalExpression::start));
            return expressions;
        };
        EventExtractor extractor = new TaggedEventExtractor(withRelativeDates,
                new EventBuilder(EntityRecognizer.english(), ExplicitDateTagger::ruleConfidence));

        assertRelativeEvents(seed(FIRST, extractor), seed(SECOND, extractor));
    }

    private static void assertRelativeEvents(Seed first, Seed second) {
        List<DatedEvent> wednesday = first.events().stream().filter(e -> e.date().value().equals("2025-02-19")).toList();
        assertThat(wednesday).as("three different events share Wednesday 2025-02-19").hasSize(3);
        assertThat(wednesday).anySatisfy(e -> assertThat(e.text()).contains("designated eight Latin American gangs"));
        assertThat(wednesday).anySatisfy(e -> assertThat(e.text()).contains("Sheinbaum").contains("nothing illegal"));
        assertThat(wednesday).anySatisfy(e -> assertThat(e.text()).contains("Joint Statement of Understanding"));
        assertThat(wednesday).allSatisfy(e -> assertThat(e.date().granularity().code()).isEqualTo("day"));
        assertThat(wednesday).anySatisfy(e -> assertThat(e.entities())
                .contains(new EventEntity("Claudia Sheinbaum", EventEntity.Kind.PERSON)));
        assertEvent(first, "9/11", "2001-09-11", "day", "War on Terror");
        assertThat(first.extraction().expressions()).anySatisfy(expression -> {
            assertThat(expression.text()).contains("30 days");
            assertThat(expression.type()).isEqualTo(TemporalType.DURATION);
            assertThat(expression.value()).isEqualTo("P30D");
        });
        assertThat(first.events()).noneMatch(e -> e.date().value().startsWith("P"));

        List<DatedEvent> tuesday = second.events().stream().filter(e -> e.date().value().equals("2025-04-08")).toList();
        assertThat(tuesday).anySatisfy(e -> assertThat(e.text()).contains("NBC News").contains("drone strikes"));
        assertThat(tuesday).anySatisfy(e -> assertThat(e.text()).contains("Colby Jenkins").contains("unlock the doors"));
        assertEvent(second, "200 years ago", "1825", "year", "Monroe Doctrine");

        List<DatedEvent> both = new ArrayList<>(first.events());
        both.addAll(second.events());
        List<String> ordered = both.stream()
                .sorted(Comparator.comparing((DatedEvent e) -> e.date().start()).thenComparing(e -> e.date().end()))
                .map(e -> e.date().value()).distinct().toList();
        assertThat(ordered).startsWith("1825", "1846", "1914-04/1914-11", "1917", "193", "198", "2001-09-11", "2020",
                "2025-01", "2025-02-03", "2025-02-19");
        assertThat(ordered).endsWith("2025-04-08");
    }

    private static List<TemporalExpression> everyOccurrence(String text, String written, TemporalType type, String value) {
        List<TemporalExpression> expressions = new ArrayList<>();
        for (int at = text.indexOf(written); at >= 0; at = text.indexOf(written, at + written.length())) {
            expressions.add(new TemporalExpression(at, at + written.length(), written, type, value, "test.expected"));
        }
        return expressions;
    }

    private Seed seed(String file) throws IOException {
        return seed(file, new Extractors().extractor());
    }

    private Seed seed(String file, EventExtractor extractor) throws IOException {
        Path path = SEEDS.resolve(file);
        if (!Files.isReadable(path)) {
            String reason = "skipped: the founding article " + path + " is not available here";
            System.out.println(reason);
            Assumptions.abort(reason);
        }
        String body = Files.readString(path);
        // format: blank line(s), headline, blank line, author, date line, paragraphs
        List<String> head = body.strip().lines().limit(4).map(String::strip).toList();
        assertThat(head).as("headline, blank line, author, date line").hasSize(4);
        assertThat(head.get(1)).isEmpty();
        LocalDate published = LocalDate.parse(head.get(3), DATE_LINE);
        String text = normalizer.normalize(body).text();
        return new Seed(text, published, extractor.extract(text, published));
    }

    private static DatedEvent eventAt(Seed seed, String expressionText) {
        return seed.events().stream().filter(e -> e.expression().text().equals(expressionText)).findFirst()
                .orElseThrow(() -> new AssertionError("no event dated by \"" + expressionText + "\" in " + seed.events()));
    }

    private static void assertEvent(Seed seed, String expressionText, String value, String granularity, String text) {
        assertThat(seed.events()).as("an event dated %s by \"%s\": %s", value, expressionText, text).anySatisfy(event -> {
            assertThat(event.expression().text()).contains(expressionText);
            assertThat(event.date().value()).isEqualTo(value);
            assertThat(event.date().granularity().code()).isEqualTo(granularity);
            assertThat(event.text()).contains(text);
            assertThat(seed.text().substring(event.expression().start(), event.expression().end()))
                    .isEqualTo(event.expression().text());
            assertThat(event.sentence().contains(event.expression().start())).isTrue();
        });
    }

    private static void assertNotDated(Seed seed, String... numbers) {
        for (String number : numbers) {
            int start = seed.text().indexOf(number);
            assertThat(start).as("\"%s\" in the article", number).isNotNegative();
            TextSpan span = new TextSpan(start, start + number.length());
            assertThat(seed.events()).as("events dated by \"%s\"", number)
                    .noneMatch(event -> event.expression().span().overlaps(span));
            assertThat(seed.extraction().expressions()).as("dates over \"%s\"", number)
                    .noneMatch(e -> e.span().overlaps(span) && e.type() == TemporalType.DATE);
        }
    }

    private static void assertNoBylineOrFooterEvent(Seed seed, String dateLine) {
        assertThat(seed.extraction().expressions()).as("the byline date is an expression")
                .anyMatch(e -> e.text().equals(dateLine));
        assertThat(seed.events()).as("the byline date and the footer are not events")
                .noneMatch(e -> e.expression().text().equals(dateLine))
                .noneMatch(e -> e.text().contains("wsws.org") || e.text().contains("To contact"));
        assertThat(seed.text()).doesNotContain("To contact the WSWS");
    }
}
