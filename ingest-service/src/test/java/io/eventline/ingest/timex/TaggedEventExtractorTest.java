package io.eventline.ingest.timex;

import io.eventline.ingest.extraction.DatedEvent;
import io.eventline.ingest.extraction.EventDate;
import io.eventline.ingest.extraction.Extraction;
import io.eventline.ingest.extraction.Granularity;
import org.junit.jupiter.api.Test;

import java.time.LocalDate;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

class TaggedEventExtractorTest {

    private static final LocalDate THURSDAY = LocalDate.of(2025, 2, 20);

    private final TaggedEventExtractor extractor = new TaggedEventExtractor();

    @Test
    void shouldDateASentenceByItsRelativeDay() {
        String text = "The administration officially designated eight gangs as terrorist organizations on Wednesday.";

        List<DatedEvent> events = extractor.extract(text, THURSDAY).events();

        assertThat(events).singleElement().satisfies(event -> {
            assertThat(event.date().value()).isEqualTo("2025-02-19");
            assertThat(event.date().granularity()).isEqualTo(Granularity.DAY);
            assertThat(event.text()).isEqualTo(text);
            assertThat(event.expression().rule()).isEqualTo("date.weekday");
        });
    }

    @Test
    void shouldDateNothingByADurationOrAVagueReference() {
        String text = "Washington agreed to suspend the tariffs for 30 days. The market is now closed.";

        Extraction extraction = extractor.extract(text, THURSDAY);

        assertThat(extraction.expressions()).extracting(e -> e.value()).containsExactly("P30D", "PRESENT_REF");
        assertThat(extraction.events()).isEmpty();
    }

    @Test
    void shouldDateARangeSentenceWithTheWholeInterval() {
        String text = "The US invaded Veracruz to block weapons from April to November 1914 and threatened Mexico City.";

        List<DatedEvent> events = extractor.extract(text, THURSDAY).events();

        assertThat(events).singleElement().satisfies(event -> {
            assertThat(event.date()).isEqualTo(new EventDate("1914-04/1914-11", Granularity.INTERVAL,
                    LocalDate.of(1914, 4, 1), LocalDate.of(1914, 11, 30)));
            assertThat(event.expression().text()).isEqualTo("April to November 1914");
            assertThat(event.expression().rule()).isEqualTo("range.from-to");
        });
    }

    @Test
    void shouldNotMakeTheBylineDateAnEvent() {
        String text = """
                Trump administration labels cartels as foreign terrorist organizations

                Andrea Lobo
                20 February 2025

                The administration designated eight gangs as terrorist organizations.""";

        Extraction extraction = extractor.extract(text, THURSDAY);

        assertThat(extraction.expressions()).extracting(e -> e.value()).containsExactly("2025-02-20");
        assertThat(extraction.events()).isEmpty();
    }

    @Test
    void shouldMakeOneEventPerDateOfASentence() {
        String text = "The war began in 1846 and ended in 1848.";

        assertThat(extractor.extract(text, THURSDAY).events()).extracting(e -> e.date().value())
                .containsExactly("1846", "1848");
    }

    @Test
    void shouldSayWhoItIs() {
        assertThat(extractor.name()).isEqualTo("eventline-rule-tagger/1");
    }
}
