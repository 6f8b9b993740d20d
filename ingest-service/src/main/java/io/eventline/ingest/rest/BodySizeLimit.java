package io.eventline.ingest.rest;

import io.eventline.ingest.config.IngestConfig;
import io.quarkiverse.resteasy.problem.HttpProblem;
import jakarta.inject.Inject;
import jakarta.enterprise.inject.Instance;
import jakarta.ws.rs.WebApplicationException;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.ext.Provider;
import jakarta.ws.rs.ext.ReaderInterceptor;
import jakarta.ws.rs.ext.ReaderInterceptorContext;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;

/**
 * Refuses request bodies above {@code eventline.ingest.max-article-size} with a 413 problem.
 * Quarkus' own limit answers with a bare 413, so it is kept higher as the last line of defence.
 * Bodies without a Content-Length (chunked) are counted as they are read.
 */
@Provider
public class BodySizeLimit implements ReaderInterceptor {

    // looked up per request: Quarkus creates REST interceptors at static init, before runtime config exists
    @Inject
    Instance<IngestConfig> config;

    @Override
    public Object aroundReadFrom(ReaderInterceptorContext context) throws IOException, WebApplicationException {
        long limit = config.get().maxArticleSize().asLongValue();
        String declared = context.getHeaders().getFirst(HttpHeaders.CONTENT_LENGTH);
        if (declared != null && parseLength(declared) > limit) {
            throw tooLarge(limit);
        }
        InputStream body = context.getInputStream();
        byte[] bytes = body.readNBytes((int) Math.min(Integer.MAX_VALUE - 8, limit + 1));
        if (bytes.length > limit) {
            throw tooLarge(limit);
        }
        context.setInputStream(new ByteArrayInputStream(bytes));
        return context.proceed();
    }

    private static long parseLength(String value) {
        try {
            return Long.parseLong(value.trim());
        } catch (NumberFormatException e) {
            return -1; // a malformed header is for the HTTP layer to reject, not this limit
        }
    }

    private static HttpProblem tooLarge(long limit) {
        return HttpProblem.builder()
                .withStatus(413)
                .withTitle("Content Too Large")
                .withDetail("The request body exceeds the limit of " + limit + " bytes")
                .with("limit", limit)
                .build();
    }
}
