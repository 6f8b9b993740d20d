package io.eventline.timeline;

import com.fasterxml.jackson.databind.JsonNode;
import com.networknt.schema.JsonSchema;
import com.networknt.schema.JsonSchemaFactory;
import com.networknt.schema.SchemaValidatorsConfig;
import com.networknt.schema.SpecVersion;
import com.networknt.schema.ValidationMessage;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * ingest-service's message contract, read from ingest-service's own file (the pom adds its
 * {@code contract} directory to the test classpath), so producer and consumer are tested
 * against the same schema.
 */
final class ContractSchema {

    private static final String LOCATION = "/contract/article-message.schema.json";
    private static final JsonSchema SCHEMA = load();

    private ContractSchema() {
    }

    /** @throws AssertionError naming every violation when {@code message} breaks the contract */
    static void assertValid(JsonNode message) {
        Set<ValidationMessage> errors = SCHEMA.validate(message);
        if (!errors.isEmpty()) {
            throw new AssertionError("fixture breaks the article message contract: "
                    + errors.stream().map(ValidationMessage::getMessage).sorted().collect(Collectors.joining("; "))
                    + "\n" + message.toPrettyString());
        }
    }

    static boolean isValid(JsonNode message) {
        return SCHEMA.validate(message).isEmpty();
    }

    private static JsonSchema load() {
        try (InputStream in = ContractSchema.class.getResourceAsStream(LOCATION)) {
            if (in == null) {
                throw new IllegalStateException(LOCATION + " is not on the test classpath (see timeline-service/pom.xml)");
            }
            // formats (date, date-time, uri) are only annotations in 2020-12 unless asserted
            SchemaValidatorsConfig config = SchemaValidatorsConfig.builder().formatAssertionsEnabled(true).build();
            return JsonSchemaFactory.getInstance(SpecVersion.VersionFlag.V202012).getSchema(in, config);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
