package io.eventline.ingest.messaging;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** The contract check itself catches broken messages, so tests relying on it can fail. */
class MessageContractTest {

    @Test
    void shouldRejectAnArticleVersionWithoutEvents() {
        String message = """
                {"schemaVersion":1,"kind":"ARTICLE_VERSION","articleId":"a-1","version":1739999999000000,
                 "acceptedAt":"2025-02-19T21:19:59Z"}""";

        assertThatThrownBy(() -> MessageContract.assertConforms(message)).isInstanceOf(AssertionError.class);
    }

    @Test
    void shouldRejectAnAcceptedAtThatIsNoDateTime() {
        String message = """
                {"schemaVersion":1,"kind":"ARTICLE_RETRACTED","articleId":"a-1","version":1739999999000000,
                 "acceptedAt":"2025-02-19T21:19Z"}""";

        assertThatThrownBy(() -> MessageContract.assertConforms(message)).isInstanceOf(AssertionError.class);
    }

    @Test
    void shouldAcceptAWellFormedRetraction() {
        MessageContract.assertConforms("""
                {"schemaVersion":1,"kind":"ARTICLE_RETRACTED","articleId":"a-1","version":1739999999000000,
                 "acceptedAt":"2025-02-19T21:19:59.000001Z"}""");
    }
}
