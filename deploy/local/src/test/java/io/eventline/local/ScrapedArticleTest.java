package io.eventline.local;

import org.junit.jupiter.api.Test;

import java.time.LocalDate;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class ScrapedArticleTest {

    @Test
    void shouldReadHeadlineAuthorDateLineAndText() {
        ScrapedArticle article = ScrapedArticle.parse("a1", "\nA headline\n\nJane Roe\n3 March 2021\n\nFirst paragraph.\n\nSecond.\n");

        assertThat(article.title()).isEqualTo("A headline");
        assertThat(article.author()).isEqualTo("Jane Roe");
        assertThat(article.published()).isEqualTo(LocalDate.of(2021, 3, 3));
        assertThat(article.body()).isEqualTo("First paragraph.\n\nSecond.");
    }

    @Test
    void shouldBuildTheRequestTheIngestApiTakes() {
        Map<String, Object> request = ScrapedArticle.parse("a1", "T\n\nA\n3 March 2021\n\nText.")
                .toRequest("Outlet", "https://example.org/a1");

        assertThat(request).containsEntry("id", "a1").containsEntry("publishedAt", "2021-03-03T00:00Z")
                .containsEntry("source", "Outlet").containsEntry("authors", List.of("A"));
    }

    @Test
    void shouldRejectTextWithoutADateLine() {
        assertThatThrownBy(() -> ScrapedArticle.parse("a1", "Headline\nAuthor\nYesterday\nText"))
                .hasMessageContaining("not a date line");
    }

    @Test
    void shouldShipASampleArticleThatParses() {
        assertThat(DemoArticles.sample()).containsEntry("publishedAt", "2024-08-15T00:00Z")
                .containsEntry("title", "Panama Canal marks 110 years since its opening");
    }
}
