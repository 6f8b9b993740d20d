package io.eventline.timeline;

import io.eventline.infra.quarkus.KafkaTestResource;
import io.eventline.infra.quarkus.PostgresTestResource;
import io.opentelemetry.api.common.AttributeKey;
import io.opentelemetry.api.trace.SpanKind;
import io.opentelemetry.api.trace.StatusCode;
import io.opentelemetry.sdk.testing.exporter.InMemorySpanExporter;
import io.opentelemetry.sdk.trace.data.SpanData;
import io.quarkus.test.common.TestResourceScope;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.TestProfile;
import jakarta.inject.Inject;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.util.List;
import java.util.Set;
import java.util.UUID;

import static io.eventline.timeline.ArticleMessages.day;
import static io.eventline.timeline.ArticleMessages.newArticleId;
import static io.eventline.timeline.ArticleMessages.version;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/** With tracing on, each record is applied under a span that continues the trace its headers carry. */
@QuarkusTest
@WithTestResource(value = KafkaTestResource.class, scope = TestResourceScope.MATCHING_RESOURCES)
@WithTestResource(value = PostgresTestResource.class, scope = TestResourceScope.MATCHING_RESOURCES)
@TestProfile(TracingOn.class)
class RecordTracingTest extends ArticlesTopicTest {

    private static final AttributeKey<String> MESSAGE_KEY = AttributeKey.stringKey("messaging.kafka.message.key");

    @Inject
    InMemorySpanExporter spans;

    @Test
    void aRecordIsAppliedUnderASpanWhoseParentIsTheContextInItsHeaders() {
        String article = newArticleId();
        String traceId = UUID.randomUUID().toString().replace("-", "");
        String producerSpanId = traceId.substring(8, 24);

        topic.awaitConsumed(topic.send(version(article, 1, day("1911-04-02", "The mill reopened.")),
                "traceparent", "00-" + traceId + "-" + producerSpanId + "-01"));

        SpanData applied = spanOf(article);
        assertThat(applied.getTraceId()).isEqualTo(traceId);
        assertThat(applied.getParentSpanId()).isEqualTo(producerSpanId);
        assertThat(applied.getKind()).isEqualTo(SpanKind.CONSUMER);
        assertThat(applied.getName()).isEqualTo("process " + topic.name());
        assertThat(applied.getStatus().getStatusCode()).isEqualTo(StatusCode.UNSET);
        // the record's effect is there: its event is on the timeline
        assertThat(TimelineApi.texts(TimelineApi.eventsStatedBy(Set.of(article), "from", "1911", "to", "1911")))
                .containsExactly("The mill reopened.");
    }

    @Test
    void aRecordWithoutTraceHeadersStartsATraceOfItsOwn() {
        String article = newArticleId();

        topic.awaitConsumed(topic.send(version(article, 1, day("1912-06-03", "The canal froze."))));

        SpanData applied = spanOf(article);
        assertThat(applied.getParentSpanContext().isValid()).as("has no parent").isFalse();
        assertThat(applied.getTraceId()).matches("[0-9a-f]{32}").isNotEqualTo("0".repeat(32));
    }

    /** The one span a record of this article was applied under, once it has been exported. */
    private SpanData spanOf(String article) {
        await().atMost(Duration.ofSeconds(10)).until(() -> !withKey(article).isEmpty());
        List<SpanData> found = withKey(article);
        assertThat(found).hasSize(1);
        return found.get(0);
    }

    private List<SpanData> withKey(String article) {
        return spans.getFinishedSpanItems().stream()
                .filter(span -> article.equals(span.getAttributes().get(MESSAGE_KEY)))
                .toList();
    }
}
