package io.eventline.ingest.rest;

import io.eventline.ingest.messaging.ArticleTooLargeException;
import io.quarkiverse.resteasy.problem.ExceptionMapperBase;
import io.quarkiverse.resteasy.problem.HttpProblem;
import jakarta.ws.rs.ext.Provider;

/** An article whose message Kafka refuses for its size: 413, not the 503 of an outage (a retry would fail too). */
@Provider
public class ArticleTooLargeMapper extends ExceptionMapperBase<ArticleTooLargeException> {

    @Override
    protected HttpProblem toProblem(ArticleTooLargeException exception) {
        return HttpProblem.builder()
                .withStatus(413)
                .withTitle("Content Too Large")
                .withDetail("The article was not accepted: " + exception.getMessage()
                        + ". Send a shorter article.")
                .build();
    }
}
