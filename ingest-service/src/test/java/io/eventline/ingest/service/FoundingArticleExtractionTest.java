package io.eventline.ingest.service;

import io.eventline.ingest.extraction.DatedEvent;
import io.eventline.ingest.extraction.Extraction;
import io.eventline.ingest.extraction.TextSpan;
import io.eventline.ingest.timex.TaggedEventExtractor;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The first founding article (see /work/shared/seeds/README.md), normalized and extracted as
 * ingest does it. The file lives outside the repository, so the test is skipped where it is absent.
 */
class FoundingArticleExtractionTest {

    private static final Path SEED = Path.of("/work/shared/seeds/000_907d752312129e1f.txt");
    private static final Path SECOND_SEED = Path.of("/work/shared/seeds/001_fd74f7ae060cd053.txt");

    private final ArticleTextNormalizer normalizer =
            new ArticleTextNormalizer("(?is)To contact the WSWS.{0,300}?wsws[.]org/contact");

    @Test
    void shouldFindTheDatedEventsOfTheFirstFoundingArticle() throws IOException {
        if (!Files.isReadable(SEED)) {
            String reason = "skipped: the founding article " + SEED + " is not available here";
            System.out.println(reason);
            Assumptions.abort(reason);
        }
        String text = normalizer.normalizeBody(Files.readString(SEED));

        Extraction extraction = new TaggedEventExtractor().extract(text, LocalDate.of(2025, 2, 20));

        assertThat(extraction.events()).anySatisfy(event -> {
            assertThat(event.date().value()).isEqualTo("2025-02-03");
            assertThat(event.text()).startsWith("On February 3, Washington agreed")
                    .contains("25 percent").contains("30 days").contains("10,000 troops");
        });
        assertThat(extraction.events()).anySatisfy(event -> {
            assertThat(event.date().value()).isEqualTo("2025-01");
            assertThat(event.expression().text()).isEqualTo("January");
            assertThat(event.text()).contains("FTO executive order in January");
        });
        assertThat(extraction.events()).filteredOn(event -> event.date().value().equals("2025-02-19"))
                .as("three different events of Wednesday 2025-02-19: designation, Sheinbaum's answer, joint statement")
                .hasSize(3);
        assertThat(extraction.events()).anySatisfy(event -> {
            assertThat(event.date().value()).isEqualTo("2001-09-11");
            assertThat(event.expression().text()).isEqualTo("9/11");
        });
        assertThat(extraction.expressions()).anySatisfy(expression -> {
            assertThat(expression.text()).isEqualTo("30 days");
            assertThat(expression.value()).isEqualTo("P30D");
        });
        assertThat(extraction.events()).extracting(event -> event.date().value()).doesNotContain("P30D");
        for (String number : List.of("10,000 troops", "25 percent")) {
            int start = text.indexOf(number);
            TextSpan span = new TextSpan(start, start + number.length());
            assertThat(extraction.expressions()).as("expressions over \"%s\"", number)
                    .noneMatch(expression -> expression.span().overlaps(span));
        }
        assertThat(extraction.events()).extracting(DatedEvent::text)
                .as("the byline date and the footer are not events")
                .noneMatch(event -> event.contains("20 February 2025") || event.contains("wsws.org"));
        assertThat(text).doesNotContain("To contact the WSWS").contains("regardless of the circumstances");
    }

    @Test
    void shouldFindTheDatedEventsOfTheSecondFoundingArticle() throws IOException {
        if (!Files.isReadable(SECOND_SEED)) {
            String reason = "skipped: the founding article " + SECOND_SEED + " is not available here";
            System.out.println(reason);
            Assumptions.abort(reason);
        }
        String text = normalizer.normalizeBody(Files.readString(SECOND_SEED));

        Extraction extraction = new TaggedEventExtractor().extract(text, LocalDate.of(2025, 4, 9));

        assertThat(extraction.events()).extracting(event -> event.date().value())
                .contains("2025-04-08", "2020", "198", "2025-03-07", "1825", "1846", "1914-04/1914-11", "1917", "193");
        assertThat(extraction.events()).filteredOn(event -> event.date().value().equals("1917")).hasSize(2);
        assertThat(extraction.events()).filteredOn(event -> event.date().value().equals("2025-04-08")).hasSize(2);
    }
}
