package io.eventline.ingest.messaging;

import io.eventline.ingest.config.IngestConfig;
import io.quarkus.logging.Log;
import io.quarkus.runtime.ShutdownEvent;
import io.quarkus.runtime.StartupEvent;
import io.smallrye.common.annotation.Identifier;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.admin.NewTopic;
import org.apache.kafka.clients.admin.TopicDescription;
import org.apache.kafka.common.errors.TopicExistsException;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

/**
 * Makes sure the articles topic exists with the configured partitions before anything is
 * published to it; a broker that auto-creates topics would otherwise create it with its own
 * default partition count on the first send, and partitions cannot be reduced later.
 *
 * <p>Start-up does not wait for Kafka: if it is down, creation is retried in the background and
 * again on the first publish.
 */
@ApplicationScoped
public class ArticlesTopic {

    /**
     * The largest article message, the topic's {@code max.message.bytes} and the producer's
     * {@code max.request.size}: a message carries the body (up to {@code max-article-size}, 2 MB) and
     * its events' texts, about twice the body; Kafka's 1 MB default refused any body over some 500 KB.
     * The KafkaTopic of the Kubernetes manifests sets the same.
     */
    public static final int MAX_MESSAGE_BYTES = 8 * 1024 * 1024;

    private final IngestConfig config;
    private final Admin admin;
    private final ScheduledExecutorService retries;
    private volatile boolean ensured;

    @Inject
    public ArticlesTopic(IngestConfig config, @Identifier("default-kafka-broker") Map<String, Object> kafkaConfig) {
        this.config = config;
        Map<String, Object> settings = KafkaClientSettings.forClient(kafkaConfig, AdminClientConfig.configNames());
        int timeoutMs = (int) config.adminTimeout().toMillis();
        settings.put(AdminClientConfig.CLIENT_ID_CONFIG, "eventline-ingest-topic-admin");
        settings.put(AdminClientConfig.REQUEST_TIMEOUT_MS_CONFIG, timeoutMs);
        settings.put(AdminClientConfig.DEFAULT_API_TIMEOUT_MS_CONFIG, timeoutMs);
        this.admin = Admin.create(settings);
        this.retries = Executors.newSingleThreadScheduledExecutor(runnable -> {
            Thread thread = new Thread(runnable, "eventline-articles-topic");
            thread.setDaemon(true);
            return thread;
        });
    }

    void onStart(@Observes StartupEvent start) {
        retries.execute(this::ensureInBackground);
    }

    void onStop(@Observes ShutdownEvent stop) {
        retries.shutdownNow();
        admin.close(Duration.ofSeconds(2));
    }

    public String name() {
        return config.articlesTopic();
    }

    public boolean isEnsured() {
        return ensured;
    }

    /**
     * Creates the topic unless it exists. Safe to call concurrently: creating an existing topic
     * counts as success.
     *
     * @return whether the topic is known to exist
     */
    public boolean ensure(Duration timeout) {
        if (ensured) {
            return true;
        }
        NewTopic topic = new NewTopic(name(), config.topicPartitions(), config.topicReplicationFactor())
                .configs(Map.of("max.message.bytes", Integer.toString(MAX_MESSAGE_BYTES)));
        try {
            admin.createTopics(List.of(topic)).all().get(timeout.toMillis(), TimeUnit.MILLISECONDS);
            Log.infof("Created topic %s with %d partitions and replication factor %d",
                    name(), config.topicPartitions(), config.topicReplicationFactor());
            ensured = true;
        } catch (ExecutionException e) {
            if (e.getCause() instanceof TopicExistsException) {
                ensured = true;
                warnIfPartitionsDiffer(timeout);
            } else {
                Log.warnf("Could not create topic %s yet: %s", name(), e.getCause().toString());
            }
        } catch (TimeoutException e) {
            Log.warnf("Could not create topic %s yet: Kafka did not answer within %s", name(), timeout);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        return ensured;
    }

    private void ensureInBackground() {
        if (!ensure(config.adminTimeout()) && !retries.isShutdown()) {
            retries.schedule(this::ensureInBackground, config.topicRetryInterval().toMillis(), TimeUnit.MILLISECONDS);
        }
    }

    private void warnIfPartitionsDiffer(Duration timeout) {
        try {
            TopicDescription description = admin.describeTopics(List.of(name())).allTopicNames()
                    .get(timeout.toMillis(), TimeUnit.MILLISECONDS).get(name());
            if (description != null && description.partitions().size() != config.topicPartitions()) {
                Log.warnf("Topic %s exists with %d partitions, not the configured %d; it is used as it is",
                        name(), description.partitions().size(), config.topicPartitions());
            }
        } catch (ExecutionException | TimeoutException e) {
            Log.debugf("Could not describe topic %s: %s", name(), e.toString());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
