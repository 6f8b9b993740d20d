package io.eventline.ingest.messaging;

import io.opentelemetry.api.OpenTelemetry;
import io.opentelemetry.api.trace.Span;
import io.opentelemetry.api.trace.SpanKind;
import io.opentelemetry.api.trace.StatusCode;
import io.opentelemetry.api.trace.Tracer;
import io.opentelemetry.context.Context;
import io.opentelemetry.context.propagation.TextMapPropagator;
import io.opentelemetry.context.propagation.TextMapSetter;
import jakarta.enterprise.context.ApplicationScoped;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.clients.producer.RecordMetadata;
import org.apache.kafka.common.header.Headers;
import org.eclipse.microprofile.config.inject.ConfigProperty;

import java.nio.charset.StandardCharsets;

/**
 * Carries an article's trace across Kafka: each published record gets a producer span, child of the
 * request that submitted the article, and that span's context travels in the record's headers (W3C
 * {@code traceparent}, and {@code tracestate} when there is one), where timeline-service continues the
 * trace. With tracing off (the default, {@code quarkus.otel.sdk.disabled=true}) OpenTelemetry is a
 * no-op: no span is recorded and no header is written.
 */
@ApplicationScoped
class PublishTracing {

    private static final TextMapSetter<Headers> HEADERS =
            (headers, name, value) -> headers.remove(name).add(name, value.getBytes(StandardCharsets.UTF_8));

    private final Tracer tracer;
    private final TextMapPropagator propagator;

    PublishTracing(OpenTelemetry openTelemetry, @ConfigProperty(name = "quarkus.otel.sdk.disabled") boolean tracingOff) {
        // With its SDK disabled, Quarkus' OpenTelemetry still makes (unexported) spans and propagates
        // them; off is meant to be off: no span and no header.
        OpenTelemetry used = tracingOff ? OpenTelemetry.noop() : openTelemetry;
        this.tracer = used.getTracer("io.eventline.ingest");
        this.propagator = used.getPropagators().getTextMapPropagator();
    }

    /**
     * Starts the record's producer span under {@code parent} (the request's context, captured on the
     * request thread: records are sent from another one) and writes its context into the headers.
     */
    Span start(Context parent, ProducerRecord<String, String> record) {
        Span span = tracer.spanBuilder("send " + record.topic())
                .setParent(parent)
                .setSpanKind(SpanKind.PRODUCER)
                .setAttribute("messaging.system", "kafka")
                .setAttribute("messaging.operation.type", "send")
                .setAttribute("messaging.destination.name", record.topic())
                .setAttribute("messaging.kafka.message.key", record.key())
                .startSpan();
        propagator.inject(parent.with(span), record.headers(), HEADERS);
        return span;
    }

    /** Ends the span when Kafka has answered: acknowledged (where the record went), or failed. */
    static void end(Span span, RecordMetadata acknowledged, Throwable failure) {
        if (failure == null) {
            span.setAttribute("messaging.destination.partition.id", Integer.toString(acknowledged.partition()));
            span.setAttribute("messaging.kafka.offset", acknowledged.offset());
        } else {
            span.recordException(failure);
            span.setStatus(StatusCode.ERROR, "Kafka did not acknowledge");
        }
        span.end();
    }
}
