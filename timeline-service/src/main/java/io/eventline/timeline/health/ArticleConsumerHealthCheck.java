package io.eventline.timeline.health;

import io.eventline.timeline.messaging.ArticleConsumer;
import jakarta.enterprise.context.ApplicationScoped;
import org.eclipse.microprofile.health.HealthCheck;
import org.eclipse.microprofile.health.HealthCheckResponse;
import org.eclipse.microprofile.health.HealthCheckResponseBuilder;
import org.eclipse.microprofile.health.Liveness;

/**
 * DOWN when the consumer thread has died, which only a restart repairs; an unreachable database or
 * broker is not a liveness matter (the consumer waits for them, and readiness reports them).
 */
@Liveness
@ApplicationScoped
public class ArticleConsumerHealthCheck implements HealthCheck {

    private final ArticleConsumer consumer;

    ArticleConsumerHealthCheck(ArticleConsumer consumer) {
        this.consumer = consumer;
    }

    @Override
    public HealthCheckResponse call() {
        HealthCheckResponseBuilder response = HealthCheckResponse.named("timeline-article-consumer")
                .status(consumer.healthy())
                .withData("state", consumer.state().name())
                .withData("partitions", consumer.assignment().size());
        if (consumer.lastPoll() != null) {
            response.withData("lastPoll", consumer.lastPoll().toString());
        }
        return response.build();
    }
}
