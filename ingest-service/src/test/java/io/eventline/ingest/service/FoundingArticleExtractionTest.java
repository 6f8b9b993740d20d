package io.eventline.ingest.service;

import io.eventline.ingest.extraction.DatedEvent;
import io.eventline.ingest.extraction.ExplicitDateExtractor;
import io.eventline.ingest.extraction.Extraction;
import io.eventline.ingest.extraction.TextSpan;
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

        Extraction extraction = new ExplicitDateExtractor().extract(text, LocalDate.of(2025, 2, 20));

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
}
