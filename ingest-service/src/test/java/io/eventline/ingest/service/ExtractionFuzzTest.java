package io.eventline.ingest.service;

import com.code_intelligence.jazzer.api.FuzzedDataProvider;
import com.code_intelligence.jazzer.junit.FuzzTest;
import io.eventline.ingest.extraction.DatedEvent;
import io.eventline.ingest.extraction.Granularity;
import io.eventline.ingest.extraction.EventExtractor;
import io.eventline.ingest.extraction.Extraction;
import io.eventline.ingest.extraction.TemporalExpression;
import io.eventline.ingest.extraction.TextSpan;

import java.time.Duration;
import java.time.LocalDate;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Fuzzes what ingest does with an article body: normalization (with its map back to the body),
 * then the production extractor, anchored on any publication date of years 1 to 9999. Neither documents an exception for non-null arguments, so
 * any exception is a finding; so is an offset outside the text, an expression whose text is not
 * the text at its offsets or mapped outside the body, overlapping or unordered expressions, an
 * event outside its sentence, or one input taking more than {@link #BOUND}.
 *
 * <p>In a plain build it only replays the inputs in {@code ExtractionFuzzTestInputs/} (regression
 * mode, well under a second). To fuzz, from the project root:
 * <pre>JAZZER_FUZZ=1 ./mvnw -pl ingest-service test -Dtest=ExtractionFuzzTest</pre>
 * for {@code maxDuration}; a crashing input is written to the inputs folder, where it becomes a
 * regression test once committed.
 */
class ExtractionFuzzTest {

    private static final Duration BOUND = Duration.ofSeconds(5);
    private static final long FIRST_DAY = LocalDate.of(1, 1, 1).toEpochDay();
    private static final long LAST_DAY = LocalDate.of(9999, 12, 31).toEpochDay();

    private final ArticleTextNormalizer normalizer =
            new ArticleTextNormalizer("(?is)To contact the WSWS.{0,300}?wsws[.]org/contact");
    private final EventExtractor extractor = ProductionExtraction.extractor();

    @FuzzTest(maxDuration = "5m")
    void shouldExtractAnyBodyWithConsistentOffsetsInBoundedTime(FuzzedDataProvider data) {
        LocalDate published = LocalDate.ofEpochDay(data.consumeLong(FIRST_DAY, LAST_DAY));
        String body = data.consumeRemainingAsString();

        long started = System.nanoTime();
        NormalizedText normalized = normalizer.normalize(body);
        String text = normalized.text();
        Extraction extraction = extractor.extract(text, published);
        Duration took = Duration.ofNanos(System.nanoTime() - started);

        assertThat(took).as("time for %d characters", body.length()).isLessThan(BOUND);
        List<TemporalExpression> expressions = extraction.expressions();
        int previousEnd = 0;
        for (TemporalExpression expression : expressions) {
            assertThat(expression.start()).as("start of %s", expression).isGreaterThanOrEqualTo(previousEnd);
            assertThat(expression.end()).as("end of %s", expression).isLessThanOrEqualTo(text.length());
            assertThat(text.substring(expression.start(), expression.end())).as("text at the offsets of %s", expression)
                    .isEqualTo(expression.text());
            assertThat(expression.value()).as("value of %s", expression).isNotBlank();
            TextSpan original = normalized.originalSpan(expression.span());
            assertThat(original.end()).as("end in the submitted body of %s", expression).isLessThanOrEqualTo(body.length());
            previousEnd = expression.end();
        }
        for (DatedEvent event : extraction.events()) {
            // an event is dated by one of the expressions, or by an interval that two of them form
            assertThat(expressions).as("expressions dating %s", event)
                    .anyMatch(e -> e.equals(event.expression())
                            || e.start() == event.expression().start() && event.date().granularity() == Granularity.INTERVAL);
            assertThat(text.substring(event.expression().start(), event.expression().end()))
                    .as("text at the offsets of %s", event.expression()).isEqualTo(event.expression().text());
            assertThat(event.sentence().end()).as("sentence end of %s", event).isLessThanOrEqualTo(text.length());
            assertThat(event.sentence().start()).as("start of the sentence %s of %s in %s",
                    event.sentence(), event.expression(), text).isLessThanOrEqualTo(event.expression().start());
            assertThat(event.sentence().end()).as("end of the sentence %s of %s in %s",
                    event.sentence(), event.expression(), text).isGreaterThanOrEqualTo(event.expression().end());
            assertThat(event.date().start()).as("date of %s", event).isBeforeOrEqualTo(event.date().end());
            assertThat(event.clause().end()).as("clause end of %s", event).isLessThanOrEqualTo(text.length());
        }
    }
}
