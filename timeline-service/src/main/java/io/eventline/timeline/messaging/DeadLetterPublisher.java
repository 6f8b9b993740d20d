package io.eventline.timeline.messaging;

import io.eventline.timeline.config.TimelineConfig;
import io.quarkus.logging.Log;
import io.smallrye.common.annotation.Identifier;
import jakarta.annotation.PreDestroy;
import jakarta.enterprise.context.ApplicationScoped;
import org.apache.kafka.clients.CommonClientConfigs;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.RecordMetadata;
import org.apache.kafka.common.serialization.ByteArraySerializer;

import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

/**
 * Writes dead letters, synchronously and acknowledged by all in-sync replicas: the consumer commits
 * its offset past a dead record only once it is safely on the dead-letter topic.
 */
@ApplicationScoped
public class DeadLetterPublisher {

    private final Map<String, Object> kafkaConfig;
    private final Duration timeout;
    private KafkaProducer<byte[], byte[]> producer;

    DeadLetterPublisher(@Identifier("default-kafka-broker") Map<String, Object> kafkaConfig, TimelineConfig config) {
        this.kafkaConfig = kafkaConfig;
        this.timeout = config.consumer().deadLetterTimeout();
    }

    /**
     * Sends the dead letters and waits until every one is acknowledged.
     *
     * @throws DeadLetterException if any is not: nothing past them may be committed
     */
    void publish(String topic, List<DeadLetter> deadLetters) throws DeadLetterException {
        if (deadLetters.isEmpty()) {
            return;
        }
        List<Future<RecordMetadata>> sends = new ArrayList<>(deadLetters.size());
        try {
            for (DeadLetter deadLetter : deadLetters) {
                sends.add(producer().send(deadLetter.toProducerRecord(topic)));
            }
            long deadline = System.nanoTime() + timeout.toNanos();
            for (int i = 0; i < sends.size(); i++) {
                RecordMetadata written = sends.get(i).get(Math.max(0, deadline - System.nanoTime()), TimeUnit.NANOSECONDS);
                var record = deadLetters.get(i).record();
                Log.debugf("Dead letter %s-%d@%d written to %s-%d@%d", record.topic(), record.partition(), record.offset(),
                        written.topic(), written.partition(), written.offset());
            }
        } catch (ExecutionException e) {
            throw new DeadLetterException(topic, e.getCause());
        } catch (TimeoutException | RuntimeException e) {
            throw new DeadLetterException(topic, e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new DeadLetterException(topic, e);
        }
    }

    private synchronized KafkaProducer<byte[], byte[]> producer() {
        if (producer == null) {
            producer = new KafkaProducer<>(producerConfig(), new ByteArraySerializer(), new ByteArraySerializer());
        }
        return producer;
    }

    /** The connection settings of {@code kafka.*} (servers, security), none of its consumer settings. */
    private Map<String, Object> producerConfig() {
        Map<String, Object> properties = new HashMap<>();
        kafkaConfig.forEach((key, value) -> {
            if (CommonClientConfigs.BOOTSTRAP_SERVERS_CONFIG.equals(key)
                    || key.startsWith("security.") || key.startsWith("ssl.") || key.startsWith("sasl.")
                    || CommonClientConfigs.CLIENT_DNS_LOOKUP_CONFIG.equals(key)) {
                properties.put(key, value);
            }
        });
        properties.put(ProducerConfig.ACKS_CONFIG, "all");
        properties.put(ProducerConfig.ENABLE_IDEMPOTENCE_CONFIG, true);
        properties.put(ProducerConfig.CLIENT_ID_CONFIG, "timeline-service-dead-letters");
        // give up within the timeout (the batch is retried later) instead of blocking the consumer
        int millis = (int) Math.min(Integer.MAX_VALUE, timeout.toMillis());
        properties.put(ProducerConfig.MAX_BLOCK_MS_CONFIG, millis);
        properties.put(ProducerConfig.REQUEST_TIMEOUT_MS_CONFIG, millis);
        properties.put(ProducerConfig.DELIVERY_TIMEOUT_MS_CONFIG, millis);
        properties.put(ProducerConfig.LINGER_MS_CONFIG, 0);
        // an article record is up to 8 MB (ingest's limit, the topics' max.message.bytes); its dead letter
        // adds the reason headers, and is compressed like the original
        properties.put(ProducerConfig.MAX_REQUEST_SIZE_CONFIG, 9 * 1024 * 1024);
        properties.put(ProducerConfig.COMPRESSION_TYPE_CONFIG, "gzip");
        return properties;
    }

    @PreDestroy
    synchronized void close() {
        if (producer != null) {
            producer.close(Duration.ofSeconds(5));
            producer = null;
        }
    }

    /** The dead letters could not all be written. */
    static final class DeadLetterException extends Exception {
        DeadLetterException(String topic, Throwable cause) {
            super("could not write to dead-letter topic " + topic + ": " + cause, cause);
        }
    }
}
