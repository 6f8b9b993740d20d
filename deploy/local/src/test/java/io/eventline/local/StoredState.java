package io.eventline.local;

import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.serialization.StringDeserializer;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Duration;
import java.util.Collection;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.Set;

/**
 * What the running stack holds, read behind the gateway's back: the records of the articles topic and
 * its dead-letter topic, the timeline database's rows, and each service's health. The hostile-input
 * suite uses it to prove a refused article left nothing anywhere and an accepted one is stored once.
 */
final class StoredState {

    static final String ARTICLES_TOPIC = "eventline.articles";
    static final String DEAD_LETTER_TOPIC = "eventline.articles.dlt";

    private final StackSettings settings;

    StoredState(StackSettings settings) {
        this.settings = settings;
    }

    /** How many records each of {@code keys} has in {@code topic} (all partitions, from the start). */
    Map<String, Integer> recordsByKey(String topic, Collection<String> keys) {
        Set<String> wanted = Set.copyOf(keys);
        Map<String, Integer> counts = new HashMap<>();
        keys.forEach(key -> counts.put(key, 0));
        Properties config = new Properties();
        config.put(ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, "localhost:" + settings.kafkaPort());
        config.put(ConsumerConfig.KEY_DESERIALIZER_CLASS_CONFIG, StringDeserializer.class.getName());
        config.put(ConsumerConfig.VALUE_DESERIALIZER_CLASS_CONFIG, StringDeserializer.class.getName());
        config.put(ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, "false");
        try (KafkaConsumer<String, String> consumer = new KafkaConsumer<>(config)) {
            List<TopicPartition> partitions = consumer.listTopics(Duration.ofSeconds(10)).getOrDefault(topic, List.of()).stream()
                    .map(info -> new TopicPartition(topic, info.partition())).toList();
            if (partitions.isEmpty()) {
                return counts; // the dead-letter topic exists only once something was dead-lettered
            }
            consumer.assign(partitions);
            consumer.seekToBeginning(partitions);
            Map<TopicPartition, Long> end = consumer.endOffsets(partitions, Duration.ofSeconds(10));
            long deadline = System.nanoTime() + Duration.ofSeconds(60).toNanos();
            while (partitions.stream().anyMatch(p -> consumer.position(p) < end.get(p))) {
                if (System.nanoTime() > deadline) {
                    throw new AssertionError("could not read " + topic + " to its end within 60 s");
                }
                for (ConsumerRecord<String, String> record : consumer.poll(Duration.ofMillis(500))) {
                    if (record.key() != null && wanted.contains(record.key())) {
                        counts.merge(record.key(), 1, Integer::sum);
                    }
                }
            }
        }
        return counts;
    }

    int recordsWithKey(String topic, String key) {
        return recordsByKey(topic, List.of(key)).get(key);
    }

    /** The article's row as the consumer applied it: its version, or {@code null} when there is none. */
    Long appliedVersion(String articleId) {
        return query("SELECT version FROM article WHERE id = ?", articleId, rows -> rows.next() ? rows.getLong(1) : null);
    }

    int mentionsOf(String articleId) {
        return query("SELECT count(*) FROM event_mention WHERE article_id = ?", articleId, rows -> {
            rows.next();
            return rows.getInt(1);
        });
    }

    /** Whether the database still has the timeline's tables (SQL in a text field dropped none). */
    boolean hasTable(String table) {
        return query("SELECT to_regclass(?) IS NOT NULL", "public." + table, rows -> {
            rows.next();
            return rows.getBoolean(1);
        });
    }

    /** Each service's {@code /q/health} status ("UP" when all is well), by service name. */
    Map<String, String> health() {
        Map<String, String> health = new LinkedHashMap<>();
        health.put("api-gateway", healthOf(settings.gatewayUrl()));
        health.put("ingest-service", healthOf(settings.ingestUrl()));
        health.put("timeline-service", healthOf(settings.timelineUrl()));
        return health;
    }

    private static String healthOf(String baseUrl) {
        try {
            HttpResponse<String> response = HttpClient.newHttpClient().send(
                    HttpRequest.newBuilder(URI.create(baseUrl + "/q/health")).timeout(Duration.ofSeconds(10)).build(),
                    HttpResponse.BodyHandlers.ofString());
            return Gateway.JSON.readTree(response.body()).path("status").asText(response.statusCode() + " " + response.body());
        } catch (Exception e) {
            return "unreachable: " + e;
        }
    }

    private interface RowReader<T> {
        T read(ResultSet rows) throws SQLException;
    }

    private <T> T query(String sql, String parameter, RowReader<T> reader) {
        String url = "jdbc:postgresql://localhost:" + settings.postgresPort() + "/" + LocalStack.DATABASE;
        try (Connection connection = DriverManager.getConnection(url, LocalStack.DATABASE_USER, LocalStack.DATABASE_PASSWORD);
             PreparedStatement statement = connection.prepareStatement(sql)) {
            statement.setString(1, parameter);
            try (ResultSet rows = statement.executeQuery()) {
                return reader.read(rows);
            }
        } catch (SQLException e) {
            throw new IllegalStateException(sql, e);
        }
    }
}
