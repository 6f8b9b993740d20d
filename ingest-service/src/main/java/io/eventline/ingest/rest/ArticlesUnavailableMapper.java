package io.eventline.ingest.rest;

import io.eventline.ingest.config.IngestConfig;
import io.eventline.ingest.messaging.ArticlesUnavailableException;
import io.quarkiverse.resteasy.problem.ExceptionMapperBase;
import io.quarkiverse.resteasy.problem.HttpProblem;
import jakarta.inject.Inject;
import jakarta.enterprise.inject.Instance;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.ext.Provider;

/** Kafka unavailable: 503 with Retry-After, so clients know to send the same article again. */
@Provider
public class ArticlesUnavailableMapper extends ExceptionMapperBase<ArticlesUnavailableException> {

    // looked up when used: REST providers may be created before runtime config exists
    @Inject
    Instance<IngestConfig> config;

    @Override
    protected HttpProblem toProblem(ArticlesUnavailableException exception) {
        return HttpProblem.builder()
                .withStatus(503)
                .withTitle("Service Unavailable")
                .withDetail("The article could not be published right now; it was not accepted. Send it again later.")
                .withHeader(HttpHeaders.RETRY_AFTER, Math.max(1, config.get().retryAfter().toSeconds()))
                .build();
    }
}
