package io.eventline.load;

import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.PartitionInfo;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.common.utils.Utils;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.Set;

/**
 * Poison written straight to the articles topic, past ingest-service, as a broken producer would, and
 * the dead-letter topic read back. Two kinds on every partition: a value that is not JSON (invalid:
 * dead-lettered at once) and a message valid by the contract whose event text holds a NUL character,
 * which PostgreSQL cannot store (refused by the database: retried, then dead-lettered).
 */
final class Poison {

    static final String TOPIC = "eventline.articles";
    static final String DEAD_LETTER_TOPIC = "eventline.articles.dlt";

    private final String bootstrapServers;

    Poison(String bootstrapServers) {
        this.bootstrapServers = bootstrapServers;
    }

    int partitions() {
        try (KafkaProducer<byte[], byte[]> producer = producer()) {
            return producer.partitionsFor(TOPIC).size();
        }
    }

    /** The partition the producer's default partitioner gives a key (what ingest-service uses). */
    static int partitionOf(String key, int partitions) {
        return Utils.toPositive(Utils.murmur2(key.getBytes(StandardCharsets.UTF_8))) % partitions;
    }

    /** Writes both kinds to every partition; returns the keys written, each with its kind. */
    Map<String, String> write(String runId) throws Exception {
        Map<String, String> written = new HashMap<>();
        try (KafkaProducer<byte[], byte[]> producer = producer()) {
            List<PartitionInfo> partitions = producer.partitionsFor(TOPIC);
            for (PartitionInfo partition : partitions) {
                String invalid = "poison-invalid-" + runId + "-" + partition.partition();
                String rejected = "poison-rejected-" + runId + "-" + partition.partition();
                producer.send(new ProducerRecord<>(TOPIC, partition.partition(), bytes(invalid),
                        bytes("{\"schemaVersion\": 1, \"kind\": \"ARTICLE_VERSION\", this is not JSON"))).get();
                producer.send(new ProducerRecord<>(TOPIC, partition.partition(), bytes(rejected),
                        bytes(versionWithNul(rejected)))).get();
                written.put(invalid, "invalid");
                written.put(rejected, "rejected");
            }
        }
        return written;
    }

    /** The dead-letter records whose keys are among {@code keys}, key to reason header, read until all came or the timeout. */
    Map<String, String> deadLettered(Set<String> keys, Duration timeout) {
        Map<String, String> found = new HashMap<>();
        Properties config = new Properties();
        config.put(ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers);
        config.put(ConsumerConfig.KEY_DESERIALIZER_CLASS_CONFIG, ByteArrayDeserializer.class.getName());
        config.put(ConsumerConfig.VALUE_DESERIALIZER_CLASS_CONFIG, ByteArrayDeserializer.class.getName());
        config.put(ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, "false");
        long deadline = System.nanoTime() + timeout.toNanos();
        try (KafkaConsumer<byte[], byte[]> consumer = new KafkaConsumer<>(config)) {
            while (found.size() < keys.size() && System.nanoTime() < deadline) {
                List<PartitionInfo> partitions = consumer.partitionsFor(DEAD_LETTER_TOPIC, Duration.ofSeconds(5));
                if (partitions == null || partitions.isEmpty()) {
                    sleep(1000); // not created yet: the first dead letter creates it
                    continue;
                }
                List<TopicPartition> assigned = partitions.stream()
                        .map(p -> new TopicPartition(DEAD_LETTER_TOPIC, p.partition())).toList();
                consumer.assign(assigned);
                consumer.seekToBeginning(assigned);
                long pass = System.nanoTime() + Duration.ofSeconds(5).toNanos();
                while (found.size() < keys.size() && System.nanoTime() < pass) {
                    for (ConsumerRecord<byte[], byte[]> record : consumer.poll(Duration.ofMillis(500))) {
                        String key = record.key() == null ? "" : new String(record.key(), StandardCharsets.UTF_8);
                        if (keys.contains(key)) {
                            var reason = record.headers().lastHeader("dead-letter-reason");
                            found.put(key, reason == null ? "?" : new String(reason.value(), StandardCharsets.UTF_8));
                        }
                    }
                }
            }
        }
        return found;
    }

    private KafkaProducer<byte[], byte[]> producer() {
        Properties config = new Properties();
        config.put(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers);
        config.put(ProducerConfig.KEY_SERIALIZER_CLASS_CONFIG, ByteArraySerializer.class.getName());
        config.put(ProducerConfig.VALUE_SERIALIZER_CLASS_CONFIG, ByteArraySerializer.class.getName());
        config.put(ProducerConfig.ACKS_CONFIG, "all");
        return new KafkaProducer<>(config);
    }

    /** An ARTICLE_VERSION as ingest-service writes it, but with a NUL in its event's text. */
    static String versionWithNul(String articleId) {
        String now = Instant.now().toString();
        return """
                {"schemaVersion": 1, "kind": "ARTICLE_VERSION", "articleId": "%1$s", "version": %2$d, "acceptedAt": "%3$s",
                 "extractor": "poison/1",
                 "article": {"id": "%1$s", "url": "https://news.example/poison/%1$s", "title": "Poison %1$s",
                   "publishedAt": "1987-03-02T12:00:00Z", "source": "Poison", "authors": [], "language": "en",
                   "contentHash": "%4$s"},
                 "events": [{"date": {"value": "1987-03-02", "granularity": "day", "start": "1987-03-02", "end": "1987-03-02"},
                   "text": "A NUL \\u0000 that PostgreSQL cannot store.",
                   "expression": {"text": "2 March 1987", "type": "DATE", "value": "1987-03-02", "start": 0, "end": 12, "rule": "poison"},
                   "sentence": {"start": 0, "end": 40}, "entities": [], "confidence": 0.9}]}
                """.formatted(articleId, System.currentTimeMillis() * 1000, now, "0".repeat(64));
    }

    private static byte[] bytes(String text) {
        return text.getBytes(StandardCharsets.UTF_8);
    }

    private static void sleep(long millis) {
        try {
            Thread.sleep(millis);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
