package io.eventline.ingest.rest;

import jakarta.validation.constraints.NotBlank;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** A text to preview extraction on. */
public record ExtractionRequest(
        @Schema(description = "Plain text or HTML")
        @NotBlank
        String text,

        @Schema(description = "Publication date-time, the anchor of dates written without a year",
                examples = "2025-02-20T12:00:00Z")
        @NotBlank @IsoDateTime
        String publishedAt) {
}
