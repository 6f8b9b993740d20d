package io.eventline.ingest.rest;

import io.eventline.ingest.service.ArticleIngestion;
import jakarta.inject.Inject;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

import java.time.OffsetDateTime;

/** A preview of extraction for newsroom tools: nothing is published. */
@Path("/api/v1/extract")
@Tag(name = "extraction")
@Consumes(MediaType.APPLICATION_JSON)
@Produces(MediaType.APPLICATION_JSON)
public class ExtractionResource {

    @Inject
    ArticleIngestion ingestion;

    @POST
    @Operation(summary = "Show the temporal expressions and dated events found in a text, without publishing")
    public ExtractionPreviewResponse extract(
            @Valid @NotNull(message = "the request body must be a JSON object with text and publishedAt") ExtractionRequest request) {
        OffsetDateTime publishedAt = IsoDateTime.Validator.parse(request.publishedAt());
        return ExtractionPreviewResponse.of(ingestion.preview(request.text(), publishedAt));
    }
}
