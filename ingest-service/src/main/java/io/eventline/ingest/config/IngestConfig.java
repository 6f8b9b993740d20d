package io.eventline.ingest.config;

import io.quarkus.runtime.configuration.MemorySize;
import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;

import java.time.Duration;

/**
 * The knobs of ingest-service. Each one can be overridden by an environment variable named after
 * the key, e.g. {@code eventline.ingest.articles-topic} by {@code EVENTLINE_INGEST_ARTICLES_TOPIC}.
 * Kafka client settings (bootstrap servers, security) come from the usual {@code kafka.*} keys.
 */
@ConfigMapping(prefix = "eventline.ingest")
public interface IngestConfig {

    /** The topic article messages are published to; timeline-service consumes it. */
    @WithDefault("eventline.articles")
    String articlesTopic();

    /** Partitions of the articles topic when ingest creates it. */
    @WithDefault("6")
    int topicPartitions();

    /** Replication factor of the articles topic when ingest creates it. */
    @WithDefault("1")
    short topicReplicationFactor();

    /** How often to retry creating the topic in the background while Kafka is unreachable. */
    @WithDefault("10s")
    Duration topicRetryInterval();

    /**
     * How long a publish may take before the client gets 503. Kafka's producer timeouts are derived
     * from it, so a request never waits longer than this plus a small margin.
     */
    @WithDefault("4s")
    Duration publishTimeout();

    /** Timeout of the Kafka admin calls that create the topic. */
    @WithDefault("3s")
    Duration adminTimeout();

    /** The Retry-After a client is told when Kafka is unavailable. */
    @WithDefault("5s")
    Duration retryAfter();

    /**
     * The largest request body accepted, answered with 413 above it. Keep it below
     * {@code quarkus.http.limits.max-body-size} (10M by default), which cuts off bigger bodies
     * without a problem document.
     */
    @WithDefault("2M")
    MemorySize maxArticleSize();

    Normalization normalization();

    interface Normalization {

        /**
         * A regular expression matching site boilerplate that is removed from article bodies before
         * extraction; join several with {@code |}. {@code (?!)} matches nothing, to keep everything.
         */
        @WithDefault("(?is)To contact the WSWS.{0,300}?wsws[.]org/contact")
        String footerPattern();
    }
}
