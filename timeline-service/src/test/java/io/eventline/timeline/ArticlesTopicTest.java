package io.eventline.timeline;

import io.eventline.timeline.config.TimelineConfig;
import jakarta.inject.Inject;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.TestInstance;

/** A test that writes to the articles topic the application consumes ({@link #topic}), as ingest-service does. */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
abstract class ArticlesTopicTest {

    @Inject
    TimelineConfig config;

    ArticleTopic topic;

    @BeforeAll
    void connect() {
        topic = new ArticleTopic(config.articlesTopic(), config.consumerGroup());
    }

    @AfterAll
    void disconnect() {
        topic.close();
    }
}
