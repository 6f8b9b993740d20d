package io.eventline.ingest.rest;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Size;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** A text to preview extraction on. Unknown fields are ignored. */
public record ExtractionRequest(
        @Schema(description = "Plain text or HTML; every offset of the answer is a Java string index into it")
        @NotBlank
        String text,

        @Schema(description = "Publication date, or date-time with offset: the anchor of relative dates and dates "
                + "written without a year", examples = "2025-02-20")
        @NotBlank @PublicationDate
        String publishedAt,

        @Schema(description = "Optional headline; accepted for parity with articles, not extracted (offsets refer to text)")
        @Size(max = 2000)
        String title) {
}
