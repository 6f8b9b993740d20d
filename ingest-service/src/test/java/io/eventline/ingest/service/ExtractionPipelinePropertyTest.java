package io.eventline.ingest.service;

import io.eventline.ingest.extraction.DatedEvent;
import io.eventline.ingest.extraction.EventExtractor;
import io.eventline.ingest.extraction.Extraction;
import io.eventline.ingest.extraction.TemporalExpression;
import io.eventline.ingest.extraction.TextSpan;
import org.junit.jupiter.api.Test;

import java.time.LocalDate;
import java.util.List;
import java.util.Random;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Property-style test of normalization and extraction together, on generated article bodies full
 * of dates, names, attribution, clause breaks and the characters normalization rewrites: nothing
 * throws, every event is dated by one of its sentence's expressions, and every offset maps back
 * inside the submitted text.
 */
class ExtractionPipelinePropertyTest {

    private static final List<String> FRAGMENTS = List.of(
            "On February 3, ", "in 1846", "from April to November 1914", "between 1915 and 1934", "the 1930s",
            "in January", "3 February 2025", "Washington agreed", "Mexican President Claudia Sheinbaum",
            "Gen. Gregory M. Guillot", "the Pentagon and CIA", "According to US authorities, ", ", officials said",
            ", and ", ", while ", "; ", ", but ", ". ", ".\n\n", "\n\n", "\u201Cnothing illegal,\u201D she said",
            "Trump\u2019s order", "10,000 troops", "25 percent", "for 30 days", "*New York Times*", " ", "\u00A0",
            "\u2014", "1914\u20131918", "<p>", "</p>", "&amp;", "the", "Accordingly", "Sheinbaum", "20 February 2025\n",
            "NBC News reported that ", "Johnson led operations", ", according to AP", "?", "!", ":", "\"", "'");

    private final ArticleTextNormalizer normalizer = new ArticleTextNormalizer("(?is)To contact the WSWS.{0,300}?wsws[.]org/contact");
    private final EventExtractor extractor = new Extractors().extractor();

    @Test
    void shouldKeepEveryEventInsideItsSentenceAndEveryOffsetInsideTheOriginal() {
        Random random = new Random(1846);
        for (int run = 0; run < 800; run++) {
            StringBuilder body = new StringBuilder();
            int parts = 1 + random.nextInt(40);
            for (int i = 0; i < parts; i++) {
                body.append(FRAGMENTS.get(random.nextInt(FRAGMENTS.size())));
            }
            NormalizedText text = normalizer.normalize(body.toString());

            Extraction extraction = extractor.extract(text.text(), LocalDate.of(2025, 2, 20));

            for (TemporalExpression expression : extraction.expressions()) {
                assertThat(text.text().substring(expression.start(), expression.end())).isEqualTo(expression.text());
                assertInsideOriginal(text, expression.span(), body);
            }
            for (DatedEvent event : extraction.events()) {
                assertThat(event.text()).as("event text in %s", body).isNotBlank();
                assertThat(event.confidence()).isBetween(0.0, 1.0);
                assertThat(event.sentence().start()).isLessThanOrEqualTo(event.expression().start());
                assertThat(event.sentence().end()).isGreaterThanOrEqualTo(event.expression().end());
                assertThat(event.expression().value()).doesNotStartWith("P").doesNotContain("X");
                assertThat(event.date().start()).isBeforeOrEqualTo(event.date().end());
                assertInsideOriginal(text, event.sentence(), body);
            }
        }
    }

    private static void assertInsideOriginal(NormalizedText text, TextSpan span, CharSequence body) {
        TextSpan original = text.originalSpan(span);
        assertThat(original.start()).as("span %s of %s", span, body).isBetween(0, body.length());
        assertThat(original.end()).as("span %s of %s", span, body).isBetween(original.start(), body.length());
    }
}
