package io.eventline.ingest.health;

import io.eventline.ingest.messaging.ArticlesTopic;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import org.eclipse.microprofile.health.HealthCheck;
import org.eclipse.microprofile.health.HealthCheckResponse;
import org.eclipse.microprofile.health.Readiness;

/**
 * Ready only once the articles topic is known to exist with its configured partitions; until then
 * articles could not be published. Reachability of Kafka itself is reported by the Kafka client
 * extension's own readiness check.
 */
@Readiness
@ApplicationScoped
public class ArticlesTopicReadiness implements HealthCheck {

    @Inject
    ArticlesTopic topic;

    @Override
    public HealthCheckResponse call() {
        return HealthCheckResponse.named("Articles topic")
                .status(topic.isEnsured())
                .withData("topic", topic.name())
                .build();
    }
}
