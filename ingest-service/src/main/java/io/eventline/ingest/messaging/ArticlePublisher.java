package io.eventline.ingest.messaging;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.eventline.ingest.config.IngestConfig;
import io.quarkus.logging.Log;
import io.quarkus.runtime.ShutdownEvent;
import io.quarkus.runtime.Startup;
import io.opentelemetry.api.trace.Span;
import io.opentelemetry.context.Context;
import io.smallrye.common.annotation.Identifier;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.Producer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.common.errors.RecordTooLargeException;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.KafkaException;
import org.apache.kafka.common.serialization.StringSerializer;

import java.time.Duration;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.function.LongFunction;

/**
 * Publishes article messages to the articles topic and reports success only once Kafka has
 * acknowledged them ({@code acks=all}, idempotent producer), or failure within the publish timeout.
 *
 * <p>{@link KafkaProducer#send} can block while it waits for topic metadata (when Kafka has been
 * unreachable since start-up), so sends run on one dedicated thread and request threads never
 * wait. That thread also assigns the versions, so versions of one article reach its partition in
 * increasing order.
 */
@ApplicationScoped
@Startup // a Kafka configuration mistake should show at start-up, not on the first article
public class ArticlePublisher {

    /** Beyond the producer's own timeouts, so a request is answered even if the producer misbehaves. */
    private static final Duration ANSWER_MARGIN = Duration.ofMillis(500);

    private final IngestConfig config;
    private final ArticlesTopic topic;
    private final VersionClock versions;
    private final ObjectMapper json;
    private final Producer<String, String> producer;
    private final ExecutorService sender;
    private final PublishTracing tracing;

    @Inject
    public ArticlePublisher(IngestConfig config, ArticlesTopic topic, VersionClock versions, ObjectMapper json,
                            @Identifier("default-kafka-broker") Map<String, Object> kafkaConfig,
                            PublishTracing tracing) {
        this.config = config;
        this.tracing = tracing;
        this.topic = topic;
        this.versions = versions;
        this.json = json;
        this.producer = new KafkaProducer<>(producerSettings(kafkaConfig, config.publishTimeout()));
        this.sender = Executors.newSingleThreadExecutor(runnable -> {
            Thread thread = new Thread(runnable, "eventline-article-sender");
            thread.setDaemon(true);
            return thread;
        });
    }

    /**
     * The producer's timeouts are derived from the publish timeout: waiting for metadata
     * ({@code max.block.ms}) and for one request take half of it each at most, and the whole
     * delivery including retries ({@code delivery.timeout.ms}) all of it.
     */
    static Map<String, Object> producerSettings(Map<String, Object> kafkaConfig, Duration publishTimeout) {
        Map<String, Object> settings = KafkaClientSettings.forClient(kafkaConfig, ProducerConfig.configNames());
        int timeoutMs = (int) publishTimeout.toMillis();
        settings.put(ProducerConfig.CLIENT_ID_CONFIG, "eventline-ingest");
        settings.put(ProducerConfig.KEY_SERIALIZER_CLASS_CONFIG, StringSerializer.class.getName());
        settings.put(ProducerConfig.VALUE_SERIALIZER_CLASS_CONFIG, StringSerializer.class.getName());
        settings.put(ProducerConfig.ACKS_CONFIG, "all");
        settings.put(ProducerConfig.ENABLE_IDEMPOTENCE_CONFIG, true);
        settings.put(ProducerConfig.LINGER_MS_CONFIG, 5);
        settings.put(ProducerConfig.MAX_REQUEST_SIZE_CONFIG, ArticlesTopic.MAX_MESSAGE_BYTES);
        // News text compresses three to four times, and the broker checks the compressed batch. gzip, not
        // lz4 or zstd: it is in the JDK, so every broker and client reads it (the local stack's broker has
        // no lz4 library) and nothing native is unpacked on a read-only container filesystem.
        settings.put(ProducerConfig.COMPRESSION_TYPE_CONFIG, "gzip");
        settings.put(ProducerConfig.MAX_BLOCK_MS_CONFIG, timeoutMs / 2);
        settings.put(ProducerConfig.REQUEST_TIMEOUT_MS_CONFIG, timeoutMs / 2);
        settings.put(ProducerConfig.DELIVERY_TIMEOUT_MS_CONFIG, timeoutMs);
        return settings;
    }

    void onStop(@Observes ShutdownEvent stop) {
        sender.shutdown();
        producer.close(Duration.ofSeconds(5));
    }

    /**
     * Publishes the message that {@code messageAtVersion} builds for the version assigned to it.
     *
     * @param key the record key, the article id, so all versions of an article share a partition
     * @return completes with the published message once Kafka acknowledged it, or with
     * {@link ArticlesUnavailableException} if it did not within the publish timeout
     */
    public CompletionStage<ArticleMessage> publish(String key, LongFunction<ArticleMessage> messageAtVersion) {
        long deadline = System.nanoTime() + config.publishTimeout().toNanos();
        CompletableFuture<ArticleMessage> published = new CompletableFuture<>();
        Context request = Context.current();
        try {
            sender.execute(() -> send(key, messageAtVersion, deadline, published, request));
        } catch (RejectedExecutionException shuttingDown) {
            published.completeExceptionally(unavailable("the service is shutting down", shuttingDown));
        }
        return published
                .orTimeout(config.publishTimeout().plus(ANSWER_MARGIN).toMillis(), TimeUnit.MILLISECONDS)
                .exceptionallyCompose(failure -> CompletableFuture.failedFuture(asUnavailable(failure)));
    }

    private void send(String key, LongFunction<ArticleMessage> messageAtVersion, long deadline,
                      CompletableFuture<ArticleMessage> published, Context request) {
        long remaining = deadline - System.nanoTime();
        if (remaining <= 0) {
            // the client has been (or is about to be) told 503: sending now could publish a
            // version nobody will ever see acknowledged, and a retry follows anyway
            published.completeExceptionally(unavailable("publishing queue did not drain in time", null));
            return;
        }
        if (!topic.ensure(Duration.ofNanos(remaining))) {
            published.completeExceptionally(unavailable("topic " + topic.name() + " could not be created", null));
            return;
        }
        try {
            ArticleMessage message = messageAtVersion.apply(versions.next());
            String value = json.writeValueAsString(message);
            ProducerRecord<String, String> record = new ProducerRecord<>(topic.name(), key, value);
            Span span = tracing.start(request, record);
            try {
                producer.send(record, (metadata, failure) -> {
                    PublishTracing.end(span, metadata, failure);
                    if (failure == null) {
                        published.complete(message);
                    } else if (failure instanceof RecordTooLargeException) {
                        // not an outage: sending it again would fail again
                        published.completeExceptionally(new ArticleTooLargeException(value.length(), failure));
                    } else {
                        published.completeExceptionally(unavailable("Kafka did not acknowledge", failure));
                    }
                });
            } catch (RuntimeException refused) {
                PublishTracing.end(span, null, refused);
                throw refused;
            }
        } catch (KafkaException e) {
            published.completeExceptionally(unavailable("Kafka refused the message", e));
        } catch (JsonProcessingException e) {
            // our own message cannot be written: a bug, not an outage
            published.completeExceptionally(new IllegalStateException("could not serialize the article message", e));
        } catch (RuntimeException e) {
            published.completeExceptionally(e);
        }
    }

    private static Throwable asUnavailable(Throwable failure) {
        Throwable cause = failure instanceof CompletionException && failure.getCause() != null ? failure.getCause() : failure;
        if (cause instanceof TimeoutException) {
            return unavailable("Kafka did not acknowledge in time", cause);
        }
        return cause;
    }

    private static ArticlesUnavailableException unavailable(String reason, Throwable cause) {
        if (cause != null) {
            Log.warnf("Article not published: %s (%s)", reason, cause.toString());
        } else {
            Log.warnf("Article not published: %s", reason);
        }
        return new ArticlesUnavailableException(reason, cause);
    }
}
