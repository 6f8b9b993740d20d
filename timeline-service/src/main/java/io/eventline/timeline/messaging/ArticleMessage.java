package io.eventline.timeline.messaging;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import jakarta.validation.Valid;
import jakarta.validation.constraints.DecimalMax;
import jakarta.validation.constraints.DecimalMin;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Positive;
import jakarta.validation.constraints.PositiveOrZero;
import jakarta.validation.constraints.Size;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;

/**
 * This service's reading of an article message (contract: ingest-service's
 * {@code contract/article-message.schema.json}). Only the fields the timeline uses are mapped and
 * unknown ones are ignored, so ingest can add optional fields without breaking this consumer.
 */
@JsonIgnoreProperties(ignoreUnknown = true)
public record ArticleMessage(
        @NotNull Integer schemaVersion,
        @NotNull Kind kind,
        @NotBlank @Size(max = 200) String articleId,
        @NotNull @Positive Long version,
        @NotNull Instant acceptedAt,
        @Valid Article article,
        List<@NotNull @Valid Event> events,
        String extractor) {

    /** The only schema version this consumer understands. */
    public static final int SCHEMA_VERSION = 1;

    public enum Kind {
        ARTICLE_VERSION,
        ARTICLE_RETRACTED
    }

    @JsonIgnoreProperties(ignoreUnknown = true)
    public record Article(
            @NotBlank String id,
            @NotBlank String url,
            @NotBlank String title,
            @NotNull Instant publishedAt,
            @NotBlank String source,
            String language,
            String contentHash) {
    }

    @JsonIgnoreProperties(ignoreUnknown = true)
    public record EventDate(
            @NotBlank String value,
            @NotBlank String granularity,
            @NotNull LocalDate start,
            @NotNull LocalDate end) {
    }

    @JsonIgnoreProperties(ignoreUnknown = true)
    public record Expression(
            @NotNull String text,
            @NotBlank String type,
            @NotNull String value,
            @NotNull @PositiveOrZero Integer start,
            @NotNull @PositiveOrZero Integer end,
            @NotNull String rule) {
    }

    @JsonIgnoreProperties(ignoreUnknown = true)
    public record Sentence(
            @NotNull @PositiveOrZero Integer start,
            @NotNull @PositiveOrZero Integer end) {
    }

    @JsonIgnoreProperties(ignoreUnknown = true)
    public record Entity(@NotNull String text, @NotBlank String type) {
    }

    @JsonIgnoreProperties(ignoreUnknown = true)
    public record Event(
            @NotNull @Valid EventDate date,
            @NotBlank String text,
            @NotNull @Valid Expression expression,
            @NotNull @Valid Sentence sentence,
            List<@NotNull @Valid Entity> entities,
            @NotNull @DecimalMin("0") @DecimalMax("1") Double confidence) {
    }
}
