package io.eventline.ingest.messaging;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.io.InputStream;
import java.util.ArrayList;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/** The AsyncAPI document describes the contract truthfully: its examples are valid messages. */
class AsyncApiDocumentTest {

    private static JsonNode document() throws IOException {
        try (InputStream yaml = AsyncApiDocumentTest.class.getResourceAsStream("/contract/asyncapi.yaml")) {
            return new ObjectMapper(new YAMLFactory()).readTree(yaml);
        }
    }

    @Test
    void shouldDescribeBothMessageKindsByTheContractSchema() throws IOException {
        JsonNode messages = document().path("components").path("messages");

        assertThat(messages.fieldNames()).toIterable().containsExactlyInAnyOrder("ArticleVersion", "ArticleRetracted");
        messages.forEach(message -> assertThat(message.path("payload").path("schema").path("$ref").asText())
                .isEqualTo("./article-message.schema.json"));
    }

    @Test
    void shouldGiveExamplesThatAreValidMessagesOfTheirKind() throws IOException {
        JsonNode messages = document().path("components").path("messages");
        List<String> kinds = new ArrayList<>();

        for (JsonNode message : messages) {
            for (JsonNode example : message.path("examples")) {
                JsonNode payload = MessageContract.assertConforms(example.path("payload").toString());
                assertThat(payload.path("kind").asText()).isEqualTo(message.path("name").asText());
                kinds.add(payload.path("kind").asText());
            }
        }

        assertThat(kinds).containsExactlyInAnyOrder("ARTICLE_VERSION", "ARTICLE_RETRACTED");
    }
}
