package io.eventline.ingest.messaging;

import org.apache.kafka.clients.producer.ProducerConfig;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

class ArticlePublisherSettingsTest {

    private final Map<String, Object> settings = ArticlePublisher.producerSettings(
            Map.of("bootstrap.servers", "kafka:9092", "default.api.timeout.ms", "3000", "acks", "1"),
            Duration.ofSeconds(4));

    @Test
    void shouldOnlyCountAMessageAsPublishedOnceAllReplicasHaveIt() {
        assertThat(settings).containsEntry(ProducerConfig.ACKS_CONFIG, "all")
                .containsEntry(ProducerConfig.ENABLE_IDEMPOTENCE_CONFIG, true);
    }

    @Test
    void shouldNeverWaitForKafkaLongerThanThePublishTimeout() {
        assertThat((Integer) settings.get(ProducerConfig.MAX_BLOCK_MS_CONFIG)).isLessThanOrEqualTo(4000);
        assertThat((Integer) settings.get(ProducerConfig.DELIVERY_TIMEOUT_MS_CONFIG)).isLessThanOrEqualTo(4000);
        // Kafka refuses a delivery timeout shorter than linger plus one request
        assertThat((Integer) settings.get(ProducerConfig.DELIVERY_TIMEOUT_MS_CONFIG))
                .isGreaterThanOrEqualTo((Integer) settings.get(ProducerConfig.LINGER_MS_CONFIG)
                        + (Integer) settings.get(ProducerConfig.REQUEST_TIMEOUT_MS_CONFIG));
    }

    @Test
    void shouldPassOnTheSharedKafkaSettingsAProducerKnows() {
        assertThat(settings).containsEntry("bootstrap.servers", "kafka:9092").doesNotContainKey("default.api.timeout.ms");
    }
}
