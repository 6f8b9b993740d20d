package io.eventline.ingest.messaging;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.networknt.schema.JsonSchema;
import com.networknt.schema.JsonSchemaFactory;
import com.networknt.schema.SchemaValidatorsConfig;
import com.networknt.schema.SpecVersion;
import com.networknt.schema.ValidationMessage;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.Set;

import static org.assertj.core.api.Assertions.assertThat;

/** The message contract, {@code contract/article-message.schema.json}, as a test assertion. */
public final class MessageContract {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final JsonSchema SCHEMA = load();

    private MessageContract() {
    }

    /** Parses a message and fails unless it satisfies the schema, formats (date-time, uri, date) included. */
    public static JsonNode assertConforms(String message) {
        JsonNode node;
        try {
            node = JSON.readTree(message);
        } catch (IOException e) {
            throw new AssertionError("not JSON: " + message, e);
        }
        Set<ValidationMessage> violations = SCHEMA.validate(node);
        assertThat(violations).as("contract violations of %s", message).isEmpty();
        return node;
    }

    private static JsonSchema load() {
        try (InputStream schema = MessageContract.class.getResourceAsStream("/contract/article-message.schema.json")) {
            if (schema == null) {
                throw new IllegalStateException("contract/article-message.schema.json is not on the class path");
            }
            SchemaValidatorsConfig config = SchemaValidatorsConfig.builder().formatAssertionsEnabled(true).build();
            return JsonSchemaFactory.getInstance(SpecVersion.VersionFlag.V202012).getSchema(schema, config);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
