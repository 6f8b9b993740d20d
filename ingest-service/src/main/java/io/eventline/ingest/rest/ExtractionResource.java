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
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

/**
 * Extraction for newsroom tools: the temporal expressions and dated events of a text, with offsets
 * into the text as submitted. Nothing is published; Kafka is not needed.
 */
@Path("/api/v1/extract")
@Tag(name = "extraction")
@Consumes(MediaType.APPLICATION_JSON)
@Produces(MediaType.APPLICATION_JSON)
public class ExtractionResource {

    @Inject
    ArticleIngestion ingestion;

    @POST
    @Operation(summary = "Show the temporal expressions and dated events found in a text, without publishing")
    @APIResponse(responseCode = "200", description = "Timexes and events; offsets are Java string indices into text")
    @APIResponse(responseCode = "400", description = "Invalid request; the problem names the field")
    public ExtractionResponse extract(
            @Valid @NotNull(message = "the request body must be a JSON object with text and publishedAt") ExtractionRequest request) {
        return ExtractionResponse.of(ingestion.preview(request.text(), PublicationDate.Validator.parse(request.publishedAt())));
    }
}
