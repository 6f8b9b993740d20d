package io.eventline.ingest.rest;

import com.fasterxml.jackson.databind.JsonMappingException;
import com.fasterxml.jackson.databind.exc.MismatchedInputException;
import io.quarkiverse.resteasy.problem.ExceptionMapperBase;
import io.quarkiverse.resteasy.problem.HttpProblem;
import jakarta.annotation.Priority;
import jakarta.ws.rs.Priorities;
import jakarta.ws.rs.ext.Provider;

import java.util.List;
import java.util.Map;

/**
 * A JSON value of the wrong type ({@code "authors": {"name": ...}}): 400 naming the field, in the
 * same {@code violations} shape as a failed validation, so clients read every field problem alike.
 * Takes precedence over Quarkus' built-in mapper, which answers plain JSON rather than a problem.
 */
@Provider
@Priority(Priorities.USER - 100)
public class JsonFieldMismatchMapper extends ExceptionMapperBase<MismatchedInputException> {

    @Override
    protected HttpProblem toProblem(MismatchedInputException exception) {
        String field = fieldOf(exception.getPath());
        String expected = exception.getTargetType() == null ? "another type" : describe(exception.getTargetType());
        return HttpProblem.builder()
                .withStatus(400)
                .withTitle("Bad Request")
                .withDetail(field.isEmpty() ? "The request body has the wrong JSON shape"
                        : "Field '" + field + "' has the wrong JSON type")
                .with("violations", List.of(Map.of("field", field, "in", "body", "message", "must be " + expected)))
                .build();
    }

    private static String fieldOf(List<JsonMappingException.Reference> path) {
        StringBuilder field = new StringBuilder();
        for (JsonMappingException.Reference reference : path) {
            if (reference.getFieldName() != null) {
                if (!field.isEmpty()) {
                    field.append('.');
                }
                field.append(reference.getFieldName());
            } else if (reference.getIndex() >= 0) {
                field.append('[').append(reference.getIndex()).append(']');
            }
        }
        return field.toString();
    }

    private static String describe(Class<?> type) {
        if (type == String.class) {
            return "a string";
        }
        if (List.class.isAssignableFrom(type) || type.isArray()) {
            return "an array";
        }
        if (Number.class.isAssignableFrom(type) || type.isPrimitive()) {
            return "a number";
        }
        return "an object";
    }
}
