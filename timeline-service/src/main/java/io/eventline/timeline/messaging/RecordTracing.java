package io.eventline.timeline.messaging;

import io.opentelemetry.api.OpenTelemetry;
import io.opentelemetry.api.trace.Span;
import io.opentelemetry.api.trace.SpanKind;
import io.opentelemetry.api.trace.StatusCode;
import io.opentelemetry.api.trace.Tracer;
import io.opentelemetry.context.Context;
import io.opentelemetry.context.propagation.TextMapGetter;
import io.opentelemetry.context.propagation.TextMapPropagator;
import jakarta.enterprise.context.ApplicationScoped;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.ConsumerRecords;
import org.apache.kafka.common.header.Header;
import org.apache.kafka.common.header.Headers;
import org.eclipse.microprofile.config.inject.ConfigProperty;

import java.nio.charset.StandardCharsets;
import java.util.IdentityHashMap;
import java.util.Map;
import java.util.stream.StreamSupport;

/**
 * Continues an article's trace in timeline-service: every record of a batch is applied under a span of
 * its own whose parent is the context ingest-service put in the record's headers (W3C {@code traceparent}),
 * so one trace runs from the gateway through ingest and Kafka to the database write.
 *
 * <p>Per-record spans rather than one batch span linking the records: a batch mixes articles from many
 * requests, and a batch span could be the child of only one of them; the others would reach it only
 * through a link, which most trace viewers show as a separate trace. The batch is applied in one
 * transaction, so each record's span lasts as long as the whole batch, and says how many records
 * shared it. A record without trace headers starts a trace of its own. With tracing off (the default)
 * nothing is made at all.
 */
@ApplicationScoped
class RecordTracing {

    private static final TextMapGetter<Headers> HEADERS = new TextMapGetter<>() {
        @Override
        public Iterable<String> keys(Headers headers) {
            return StreamSupport.stream(headers.spliterator(), false).map(Header::key).toList();
        }

        @Override
        public String get(Headers headers, String key) {
            Header header = headers == null ? null : headers.lastHeader(key);
            return header == null || header.value() == null ? null : new String(header.value(), StandardCharsets.UTF_8);
        }
    };

    private final boolean on;
    private final Tracer tracer;
    private final TextMapPropagator propagator;

    RecordTracing(OpenTelemetry openTelemetry, @ConfigProperty(name = "quarkus.otel.sdk.disabled") boolean tracingOff) {
        // With its SDK disabled, Quarkus' OpenTelemetry still makes (unexported) spans; off is meant to be off.
        this.on = !tracingOff;
        this.tracer = openTelemetry.getTracer("io.eventline.timeline");
        this.propagator = openTelemetry.getPropagators().getTextMapPropagator();
    }

    /** Starts one span per record of the batch, each under the trace its record carries. */
    Batch start(ConsumerRecords<byte[], byte[]> records) {
        Map<ConsumerRecord<byte[], byte[]>, Span> spans = new IdentityHashMap<>();
        if (on) {
            for (ConsumerRecord<byte[], byte[]> record : records) {
                spans.put(record, start(record, records.count()));
            }
        }
        return new Batch(spans);
    }

    private Span start(ConsumerRecord<byte[], byte[]> record, int batchSize) {
        Context producer = propagator.extract(Context.root(), record.headers(), HEADERS);
        return tracer.spanBuilder("process " + record.topic())
                .setParent(producer)
                .setSpanKind(SpanKind.CONSUMER)
                .setAttribute("messaging.system", "kafka")
                .setAttribute("messaging.operation.type", "process")
                .setAttribute("messaging.destination.name", record.topic())
                .setAttribute("messaging.destination.partition.id", Integer.toString(record.partition()))
                .setAttribute("messaging.kafka.offset", record.offset())
                .setAttribute("messaging.kafka.message.key",
                        record.key() == null ? "" : new String(record.key(), StandardCharsets.UTF_8))
                .setAttribute("messaging.batch.message_count", (long) batchSize)
                .startSpan();
    }

    /** The spans of one batch, ended together when the batch's effects are in place or it failed. */
    static final class Batch {
        private final Map<ConsumerRecord<byte[], byte[]>, Span> spans;

        private Batch(Map<ConsumerRecord<byte[], byte[]>, Span> spans) {
            this.spans = spans;
        }

        /** Applied (or found stale); a dead-lettered record's span is marked as an error. */
        void applied(BatchApplier.Result result) {
            for (DeadLetter deadLetter : result.deadLetters()) {
                Span span = spans.get(deadLetter.record());
                if (span != null) {
                    if (deadLetter.failure() != null) {
                        span.recordException(deadLetter.failure());
                    }
                    span.setStatus(StatusCode.ERROR, "dead-lettered: " + deadLetter.reason());
                }
            }
            spans.values().forEach(Span::end);
        }

        /** Not applied: the batch comes again, under new spans. */
        void failed(Exception cause) {
            for (Span span : spans.values()) {
                span.recordException(cause);
                span.setStatus(StatusCode.ERROR, "batch not applied; it will be delivered again");
                span.end();
            }
        }
    }
}
