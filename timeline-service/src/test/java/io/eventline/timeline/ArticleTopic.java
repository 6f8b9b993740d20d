package io.eventline.timeline;

import com.fasterxml.jackson.databind.JsonNode;
import io.eventline.infra.quarkus.KafkaTestResource;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.admin.NewTopic;
import org.apache.kafka.clients.consumer.OffsetAndMetadata;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.clients.producer.RecordMetadata;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.errors.TopicExistsException;
import org.apache.kafka.common.serialization.StringSerializer;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;

import static org.awaitility.Awaitility.await;

/**
 * The articles topic as ingest-service writes to it: a real producer, keyed by article id, sending
 * only messages that pass the contract's schema (except where a test means to send garbage).
 */
final class ArticleTopic implements AutoCloseable {

    private final String topic;
    private final String consumerGroup;
    private final KafkaProducer<String, String> producer;
    private final Admin admin;

    ArticleTopic(String topic, String consumerGroup) {
        this(topic, consumerGroup, 3);
    }

    ArticleTopic(String topic, String consumerGroup, int partitions) {
        this.topic = topic;
        this.consumerGroup = consumerGroup;
        String bootstrap = KafkaTestResource.bootstrapServers();
        this.producer = new KafkaProducer<>(Map.of(
                ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrap,
                ProducerConfig.ACKS_CONFIG, "all",
                ProducerConfig.ENABLE_IDEMPOTENCE_CONFIG, true),
                new StringSerializer(), new StringSerializer());
        this.admin = Admin.create(Map.of(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrap));
        createTopic(partitions);
    }

    String name() {
        return topic;
    }

    /** Sends a contract-valid message, keyed by its article id, and returns where it landed. */
    RecordMetadata send(JsonNode message) {
        ContractSchema.assertValid(message);
        return sendRaw(message.get("articleId").asText(), message.toString());
    }

    /** Sends a contract-valid message with one header, as ingest-service sends trace context. */
    RecordMetadata send(JsonNode message, String header, String value) {
        ContractSchema.assertValid(message);
        ProducerRecord<String, String> record = new ProducerRecord<>(topic, message.get("articleId").asText(), message.toString());
        record.headers().add(header, value.getBytes(StandardCharsets.UTF_8));
        return send(record);
    }

    /** Sends anything, unchecked: for tests of how the consumer copes with bad records. */
    RecordMetadata sendRaw(String key, String value) {
        return send(new ProducerRecord<>(topic, key, value));
    }

    private RecordMetadata send(ProducerRecord<String, String> record) {
        try {
            return producer.send(record).get(30, TimeUnit.SECONDS);
        } catch (Exception e) {
            throw new IllegalStateException("could not send to " + topic, e);
        }
    }

    /**
     * Waits until the service has committed past the given records. It commits only after the
     * database transaction, so from then on the records' effect (or their being ignored) is visible.
     */
    void awaitConsumed(RecordMetadata... records) {
        awaitConsumed(Duration.ofSeconds(60), records);
    }

    void awaitConsumed(Duration atMost, RecordMetadata... records) {
        await().atMost(atMost).pollInterval(Duration.ofMillis(100)).until(() -> {
            Map<TopicPartition, OffsetAndMetadata> committed = committedOffsets();
            for (RecordMetadata record : List.of(records)) {
                OffsetAndMetadata offset = committed.get(new TopicPartition(record.topic(), record.partition()));
                if (offset == null || offset.offset() <= record.offset()) {
                    return false;
                }
            }
            return true;
        });
    }

    /** Whether the service has committed past the record, i.e. applied (or skipped) it. */
    boolean isConsumed(RecordMetadata record) {
        try {
            OffsetAndMetadata offset = committedOffsets().get(new TopicPartition(record.topic(), record.partition()));
            return offset != null && offset.offset() > record.offset();
        } catch (ExecutionException e) {
            throw new IllegalStateException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    /** Moves the consumer group back to the beginning of the topic (the group must have no member). */
    void rewindGroup() {
        try {
            Map<TopicPartition, OffsetAndMetadata> beginning = new java.util.HashMap<>();
            admin.describeTopics(List.of(topic)).allTopicNames().get().get(topic).partitions()
                    .forEach(p -> beginning.put(new TopicPartition(topic, p.partition()), new OffsetAndMetadata(0)));
            admin.alterConsumerGroupOffsets(consumerGroup, beginning).all().get(30, TimeUnit.SECONDS);
        } catch (Exception e) {
            throw new IllegalStateException("could not rewind " + consumerGroup, e);
        }
    }

    private Map<TopicPartition, OffsetAndMetadata> committedOffsets() throws ExecutionException, InterruptedException {
        return admin.listConsumerGroupOffsets(consumerGroup).partitionsToOffsetAndMetadata().get();
    }

    private void createTopic(int partitions) {
        try {
            admin.createTopics(List.of(new NewTopic(topic, partitions, (short) 1))).all().get(30, TimeUnit.SECONDS);
        } catch (ExecutionException e) {
            if (!(e.getCause() instanceof TopicExistsException)) {
                throw new IllegalStateException("could not create " + topic, e);
            }
        } catch (Exception e) {
            throw new IllegalStateException("could not create " + topic, e);
        }
    }

    @Override
    public void close() {
        producer.close(Duration.ofSeconds(5));
        admin.close(Duration.ofSeconds(5));
    }
}
