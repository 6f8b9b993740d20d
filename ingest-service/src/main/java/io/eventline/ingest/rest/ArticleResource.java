package io.eventline.ingest.rest;

import io.eventline.ingest.service.ArticleIngestion;
import io.smallrye.common.annotation.Blocking;
import io.smallrye.mutiny.Uni;
import jakarta.inject.Inject;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.DELETE;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import org.jboss.resteasy.reactive.ResponseStatus;

/**
 * Receives articles and retractions. Answers 202 only once Kafka has acknowledged the message,
 * and 503 (with Retry-After) when it has not, so a newsroom never believes an unpublished article
 * was taken.
 */
@Path("/api/v1/articles")
@Tag(name = "articles")
@Consumes(MediaType.APPLICATION_JSON)
@Produces(MediaType.APPLICATION_JSON)
public class ArticleResource {

    @Inject
    ArticleIngestion ingestion;

    @POST
    @Blocking // normalizing and extracting a long article is CPU work: not on the event loop
    @ResponseStatus(202)
    @Operation(summary = "Submit an article (a new one, or a new version of one)")
    @APIResponse(responseCode = "202", description = "Published with its extracted events")
    @APIResponse(responseCode = "400", description = "Invalid article; the problem names the field")
    @APIResponse(responseCode = "413", description = "Body larger than eventline.ingest.max-article-size")
    @APIResponse(responseCode = "503", description = "Kafka unavailable; retry after Retry-After seconds")
    public Uni<ArticleAccepted> submit(
            @Valid @NotNull(message = "the request body must be an article in JSON") ArticleSubmission article) {
        return Uni.createFrom().completionStage(() -> ingestion.accept(article.toArticle()))
                .map(ArticleAccepted::of);
    }

    @DELETE
    @Path("{id: .+}") // newsroom ids may contain slashes
    @ResponseStatus(202)
    @Operation(summary = "Retract an article: its events disappear from the timelines")
    @APIResponse(responseCode = "202", description = "Retraction published")
    @APIResponse(responseCode = "503", description = "Kafka unavailable; retry after Retry-After seconds")
    public Uni<RetractionAccepted> retract(
            @PathParam("id") @Size(min = 1, max = 200)
            @Pattern(regexp = "[^\\p{Cc}\\p{Z}\\s]*", message = "must not contain whitespace or control characters")
            String id) {
        return Uni.createFrom().completionStage(() -> ingestion.retract(id)).map(RetractionAccepted::of);
    }
}
