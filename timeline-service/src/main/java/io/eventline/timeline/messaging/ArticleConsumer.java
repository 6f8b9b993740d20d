package io.eventline.timeline.messaging;

import io.eventline.timeline.config.TimelineConfig;
import io.eventline.timeline.repository.DatabaseProbe;
import io.eventline.timeline.service.ArticleService;
import io.quarkus.logging.Log;
import io.quarkus.runtime.ShutdownEvent;
import io.quarkus.runtime.StartupEvent;
import io.smallrye.common.annotation.Identifier;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import org.apache.kafka.common.TopicPartition;

import java.time.Instant;
import java.util.Map;
import java.util.Set;

/**
 * Feeds the timeline from the articles topic: starts one {@link ArticleConsumerLoop} with the
 * application and stops it with the application, and reports on it for the health check.
 *
 * <p>Each version is applied once and in order, whatever crashes, rebalances or redeliveries happen
 * (see {@link ArticleConsumerLoop} for the order of effects, {@link ArticleService} for why applying
 * a version again changes nothing). A record that cannot be applied goes to the dead-letter topic.
 */
@ApplicationScoped
public class ArticleConsumer {

    /** What the consumer is doing, for the health check. */
    public enum State {
        NOT_STARTED, STARTING, RUNNING, WAITING_FOR_DATABASE, WAITING_FOR_DEAD_LETTER_TOPIC, STOPPED, FAILED
    }

    private final TimelineConfig config;
    private final Map<String, Object> kafkaConfig;
    private final ArticleMessageReader reader;
    private final ArticleService articles;
    private final DatabaseProbe database;
    private final DeadLetterPublisher deadLetters;
    private final ConsumerMetrics metrics;
    private final RecordTracing tracing;
    private volatile ArticleConsumerLoop loop;

    ArticleConsumer(TimelineConfig config,
                    @Identifier("default-kafka-broker") Map<String, Object> kafkaConfig,
                    ArticleMessageReader reader,
                    ArticleService articles,
                    DatabaseProbe database,
                    DeadLetterPublisher deadLetters,
                    ConsumerMetrics metrics,
                    RecordTracing tracing) {
        this.config = config;
        this.kafkaConfig = kafkaConfig;
        this.reader = reader;
        this.articles = articles;
        this.database = database;
        this.deadLetters = deadLetters;
        this.metrics = metrics;
        this.tracing = tracing;
    }

    void onStart(@Observes StartupEvent event) {
        if (!config.consumer().enabled()) {
            Log.info("Article consumer disabled (eventline.timeline.consumer.enabled=false)");
            return;
        }
        loop = newLoop("timeline-service-articles", config.articlesTopic(), config.consumerGroup(),
                config.deadLetterTopic(), Map.of());
        loop.start();
    }

    void onStop(@Observes ShutdownEvent event) {
        if (loop != null) {
            loop.stop(config.consumer().shutdownTimeout());
        }
    }

    /**
     * A consumer loop with this application's parts; the application runs one, tests run more
     * (other instances of the service, on topics and groups of their own).
     */
    ArticleConsumerLoop newLoop(String name, String topic, String group, String deadLetterTopic,
                                Map<String, Object> kafkaOverrides) {
        return new ArticleConsumerLoop(name, topic, group, deadLetterTopic, config.consumer(), kafkaConfig, kafkaOverrides,
                reader, articles, database, deadLetters, metrics, tracing);
    }

    public State state() {
        return loop == null ? State.NOT_STARTED : loop.state();
    }

    public Instant lastPoll() {
        return loop == null ? null : loop.lastPoll();
    }

    public Set<TopicPartition> assignment() {
        return loop == null ? Set.of() : loop.assignment();
    }

    /** Whether the consumer thread is alive or was meant to end (disabled or shut down). */
    public boolean healthy() {
        return switch (state()) {
            case NOT_STARTED, STOPPED -> true;
            case FAILED -> false;
            default -> loop.threadAlive();
        };
    }
}
