package io.eventline.timeline;

import io.eventline.infra.quarkus.KafkaTestResource;
import io.eventline.infra.quarkus.PostgresTestResource;
import io.eventline.timeline.SavedTimelineTest.Timeline;
import io.quarkus.test.common.TestResourceScope;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.common.http.TestHTTPResource;
import io.quarkus.test.junit.QuarkusTest;
import org.junit.jupiter.api.Test;

import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;

import static io.eventline.timeline.ArticleMessages.day;
import static io.eventline.timeline.ArticleMessages.newArticleId;
import static io.eventline.timeline.ArticleMessages.version;
import static io.eventline.timeline.ArticleMessages.withEntities;
import static io.eventline.timeline.SavedTimelineTest.TIMELINES;
import static io.eventline.timeline.SavedTimelineTest.create;
import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/** A saved timeline's change stream, read by a real HTTP client while articles are applied. */
@QuarkusTest
@WithTestResource(value = KafkaTestResource.class, scope = TestResourceScope.MATCHING_RESOURCES)
@WithTestResource(value = PostgresTestResource.class, scope = TestResourceScope.MATCHING_RESOURCES)
class ChangeStreamTest extends ArticlesTopicTest {

    @TestHTTPResource("/")
    URI root;

    /** An SSE message as read off the wire. */
    record Message(String event, String id, String data) {
    }

    /** Reads a stream on its own thread, message by message. */
    static final class StreamReader implements AutoCloseable {
        final BlockingQueue<Message> messages = new LinkedBlockingQueue<>();
        final HttpResponse<java.io.InputStream> response;
        private final Thread thread;

        StreamReader(URI uri, String lastEventId) throws Exception {
            HttpRequest.Builder request = HttpRequest.newBuilder(uri).header("Accept", "text/event-stream");
            if (lastEventId != null) {
                request.header("Last-Event-ID", lastEventId);
            }
            response = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build().send(request.build(), HttpResponse.BodyHandlers.ofInputStream());
            thread = new Thread(this::read, "sse-test-reader");
            thread.setDaemon(true);
            thread.start();
        }

        private void read() {
            try (BufferedReader lines = new BufferedReader(new InputStreamReader(response.body(), StandardCharsets.UTF_8))) {
                String event = null;
                String id = null;
                List<String> data = new ArrayList<>();
                for (String line = lines.readLine(); line != null; line = lines.readLine()) {
                    if (line.isEmpty()) {
                        if (event != null || !data.isEmpty()) {
                            messages.add(new Message(event, id, String.join("\n", data)));
                        }
                        event = null;
                        id = null;
                        data.clear();
                    } else if (line.startsWith("event:")) {
                        event = line.substring(6).strip();
                    } else if (line.startsWith("id:")) {
                        id = line.substring(3).strip();
                    } else if (line.startsWith("data:")) {
                        data.add(line.substring(5).strip());
                    }
                }
            } catch (Exception e) {
                // closed by the test
            }
        }

        /** The next message with data, skipping none. */
        Message next() {
            return await().atMost(Duration.ofMinutes(2)).until(messages::poll, m -> m != null);
        }

        @Override
        public void close() {
            thread.interrupt();
            try {
                response.body().close();
            } catch (Exception ignored) {
                // already closed
            }
        }
    }

    @Test
    void changesArriveAsTheyAreAppliedAndALastEventIdResumesWithoutLoss() throws Exception {
        Timeline timeline = create("{\"name\":\"Rhine\",\"entities\":[\"Rhine\"]}").then().statusCode(201).extract().as(Timeline.class);
        URI stream = root.resolve(TIMELINES.substring(1) + "/" + timeline.id() + "/stream");
        String resumeAt;
        try (StreamReader reader = new StreamReader(stream, null)) {
            assertThat(reader.response.statusCode()).as(stream.toString()).isEqualTo(200);
            assertThat(reader.response.headers().firstValue("Content-Type")).hasValueSatisfying(t -> assertThat(t).startsWith("text/event-stream"));
            Message open = reader.next();
            assertThat(open.event()).isEqualTo("open");

            topic.awaitConsumed(topic.send(version(newArticleId(), 1,
                    withEntities(day("1971-01-05", "The Rhine ferry strike began."), "PLACE:Rhine"))));
            Message changes = reader.next();
            assertThat(changes.event()).isEqualTo("changes");
            assertThat(changes.data()).contains("\"kind\":\"added\"").contains("The Rhine ferry strike began.");
            // the id is the feed's cursor: the feed from it has nothing more
            given().queryParam("since", changes.id()).when().get(TIMELINES + "/" + timeline.id() + "/changes")
                    .then().statusCode(200).body("changes.size()", org.hamcrest.Matchers.equalTo(0));
            resumeAt = changes.id();
        }

        // while no one listens, another change: a reconnect with Last-Event-ID gets it
        topic.awaitConsumed(topic.send(version(newArticleId(), 1,
                withEntities(day("1971-02-05", "The Rhine bridge reopened."), "PLACE:Rhine"))));
        try (StreamReader reader = new StreamReader(stream, resumeAt)) {
            assertThat(reader.next().event()).isEqualTo("open");
            Message missed = reader.next();
            assertThat(missed.data()).contains("The Rhine bridge reopened.").doesNotContain("ferry");
        }
    }

    @Test
    void aForgedLastEventIdIsRefusedBeforeStreaming() throws Exception {
        Timeline timeline = create("{\"name\":\"Forged\"}").then().statusCode(201).extract().as(Timeline.class);
        URI stream = root.resolve(TIMELINES.substring(1) + "/" + timeline.id() + "/stream");
        try (StreamReader reader = new StreamReader(stream, "Zm9yZ2Vk")) {
            assertThat(reader.response.statusCode()).isEqualTo(400);
        }
        try (StreamReader reader = new StreamReader(root.resolve(TIMELINES.substring(1) + "/999999999/stream"), null)) {
            assertThat(reader.response.statusCode()).isEqualTo(404);
        }
    }
}
