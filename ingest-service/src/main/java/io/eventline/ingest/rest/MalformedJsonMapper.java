package io.eventline.ingest.rest;

import com.fasterxml.jackson.core.JsonLocation;
import com.fasterxml.jackson.core.JsonProcessingException;
import io.quarkiverse.resteasy.problem.ExceptionMapperBase;
import io.quarkiverse.resteasy.problem.HttpProblem;
import jakarta.annotation.Priority;
import jakarta.ws.rs.WebApplicationException;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.ext.Provider;

/**
 * Quarkus reports a body that is not JSON as a bare "HTTP 400 Bad Request"; this says what is
 * wrong and where, so the client can fix it. Every other {@link WebApplicationException} becomes
 * a problem document as resteasy-problem would make it.
 */
@Provider
@Priority(900) // resteasy-problem registers its WebApplicationException mapper at 999; the lower number wins
public class MalformedJsonMapper extends ExceptionMapperBase<WebApplicationException> {

    @Override
    protected HttpProblem toProblem(WebApplicationException exception) {
        // StreamReadException (not JSON) and StreamConstraintsException (nested deeper, or a number or
        // string longer, than Jackson's limits): both the client's body, both named
        if (exception.getCause() instanceof JsonProcessingException malformed) {
            return HttpProblem.builder()
                    .withStatus(400)
                    .withTitle("Bad Request")
                    .withDetail("The request body is not valid JSON: " + describe(malformed))
                    .build();
        }
        Response response = exception.getResponse();
        HttpProblem.Builder problem = HttpProblem.builder()
                .withStatus(response.getStatusInfo())
                .withTitle(response.getStatusInfo().getReasonPhrase())
                .withDetail(exception.getMessage());
        response.getHeaders().forEach((name, values) -> {
            if (!HttpHeaders.CONTENT_LENGTH.equalsIgnoreCase(name)) {
                values.forEach(value -> problem.withHeader(name, value));
            }
        });
        return problem.build();
    }

    /**
     * Jackson's own words without the source excerpt, which would echo the client's data back, and
     * without the name of the Java method that sets a limit.
     */
    private static String describe(JsonProcessingException malformed) {
        String reason = malformed.getOriginalMessage();
        int excerpt = reason.indexOf(" (start marker at");
        if (excerpt > 0) {
            reason = reason.substring(0, excerpt);
        }
        reason = reason.replaceAll(", from `[^`]*`", "");
        JsonLocation location = malformed.getLocation();
        return location == null ? reason
                : reason + " (line " + location.getLineNr() + ", column " + location.getColumnNr() + ")";
    }
}
