package io.eventline.ingest.rest;

import io.eventline.ingest.service.Article;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

import java.util.List;

/** One article as a newsroom sends it. Unknown fields are ignored, so newsrooms can send more. */
@Schema(name = "Article", description = "One news article")
public record ArticleSubmission(
        @Schema(description = "The newsroom's id of the article; the same id updates the article",
                examples = "wsws-2025-02-20-cart")
        @NotNull @Size(min = 1, max = 200)
        @Pattern(regexp = "[^\\p{Cc}\\p{Z}\\s]*", message = "must not contain whitespace or control characters")
        String id,

        @Schema(examples = "https://www.wsws.org/en/articles/2025/02/20/cart-f20.html")
        @NotBlank @HttpUrl
        String url,

        @NotBlank @NoNul @HasVisibleText
        String title,

        @Schema(description = "The article text, plain text or HTML")
        @NotBlank @NoNul
        String body,

        @Schema(description = "ISO-8601 date-time with offset", examples = "2025-02-20T12:00:00Z")
        @NotBlank @IsoDateTime
        String publishedAt,

        @Schema(description = "The outlet", examples = "World Socialist Web Site")
        @NotBlank @NoNul
        String source,

        List<@NotBlank @NoNul String> authors,

        @Schema(description = "BCP 47 language tag; en when absent", examples = "en")
        @Pattern(regexp = "[A-Za-z]{2,3}(-[A-Za-z0-9]{1,8})*", message = "must be a BCP 47 language tag such as en or en-GB")
        String language) {

    static final String DEFAULT_LANGUAGE = "en";

    Article toArticle() {
        return new Article(id, url, title, body, IsoDateTime.Validator.parse(publishedAt), source, authors,
                language == null ? DEFAULT_LANGUAGE : language);
    }
}
