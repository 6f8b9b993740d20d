package io.eventline.local;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * The whole product, as a user meets it: the local stack (a Kafka broker process, PostgreSQL and
 * the three packaged services) started on free ports, articles pushed through the gateway with
 * the newsroom key, and their dated events read back through the gateway with the dashboard key.
 */
class EndToEndIT {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final HttpClient HTTP = HttpClient.newHttpClient();
    private static LocalStack stack;
    private static String gateway;

    @BeforeAll
    static void startStack() {
        // Shared with the other end-to-end classes (TimelinePageIT); stopped when the test JVM exits.
        stack = SharedStack.get();
        gateway = stack.settings().gatewayUrl();
    }

    @Test
    void shouldListTheSampleArticlesDatedEventsInDateOrderThroughTheGateway() throws Exception {
        Map<String, Object> sample = DemoArticles.sample();
        long pushed = System.nanoTime();
        assertThat(push(sample).statusCode()).isEqualTo(202);

        List<JsonNode> events = awaitEventsOf((String) sample.get("id"), 6);
        System.out.printf("[e2e] sample article's events visible through the gateway %.0f ms after the push%n",
                (System.nanoTime() - pushed) / 1e6);

        assertThat(events).extracting(e -> e.at("/date/value").asText())
                .containsExactly("1881", "1904-05-04", "1914-08-15", "1977-09-07", "1999-12-31", "2023");
        assertThat(events).extracting(e -> e.at("/date/granularity").asText())
                .containsExactly("year", "day", "day", "day", "day", "year");
        assertThat(events.get(2).get("text").asText()).contains("SS Ancon");
        assertThat(events.get(2).at("/sources/0/title").asText()).isEqualTo("Panama Canal marks 110 years since its opening");
        // The byline date (15 August 2024) is not an event, and neither is "20,000 workers".
        assertThat(events).noneMatch(e -> e.at("/date/value").asText().startsWith("2024"));
    }

    @Test
    void shouldKeepOneCopyOfTheEventsWhenTheSameArticleIsPushedTwice() throws Exception {
        Map<String, Object> article = new HashMap<>(DemoArticles.sample());
        article.put("id", "eventline-sample-pushed-twice");
        assertThat(push(article).statusCode()).isEqualTo(202);
        assertThat(push(article).statusCode()).isEqualTo(202);

        awaitEventsOf("eventline-sample-pushed-twice", 6);
        // Give the second version time to be applied, then count again.
        TimeUnit.SECONDS.sleep(2);
        assertThat(eventsOf("eventline-sample-pushed-twice")).hasSize(6);
    }

    @Test
    void shouldRefuseCallersWithoutAKeyOrWithoutTheScope() throws Exception {
        HttpResponse<String> anonymous = HTTP.send(HttpRequest.newBuilder(URI.create(gateway + "/api/v1/events")).build(),
                HttpResponse.BodyHandlers.ofString());
        assertThat(anonymous.statusCode()).isEqualTo(401);
        assertThat(anonymous.headers().firstValue("Content-Type")).hasValueSatisfying(
                type -> assertThat(type).startsWith("application/problem+json"));

        HttpResponse<String> dashboardWriting = HTTP.send(HttpRequest.newBuilder(URI.create(gateway + "/api/v1/articles"))
                        .header("Authorization", "Bearer " + stack.settings().dashboardKey())
                        .header("Content-Type", "application/json")
                        .POST(HttpRequest.BodyPublishers.ofString(JSON.writeValueAsString(DemoArticles.sample()))).build(),
                HttpResponse.BodyHandlers.ofString());
        assertThat(dashboardWriting.statusCode()).isEqualTo(403);
        assertThat(dashboardWriting.body()).contains("articles:write");
    }

    @Test
    void shouldBuildTheFoundingArticlesTimelineInDateOrder() throws Exception {
        Path seeds = DemoArticles.seedsDir(stack.settings().projectRoot());
        Assumptions.assumeTrue(Files.isDirectory(seeds),
                "the founding articles are read from " + seeds + ", which is not beside this clone;"
                        + " the shipped sample article covers the same path in the other tests");
        List<Map<String, Object>> articles = DemoArticles.seeds(seeds);
        assertThat(articles).hasSize(2);
        for (Map<String, Object> article : articles) {
            assertThat(push(article).statusCode()).isEqualTo(202);
        }
        String first = (String) articles.get(0).get("id");
        String second = (String) articles.get(1).get("id");

        await().atMost(Duration.ofSeconds(30)).until(() -> !eventsOf(first).isEmpty() && !eventsOf(second).isEmpty());
        List<JsonNode> timeline = allEvents().stream()
                .filter(e -> sourceIds(e).contains(first) || sourceIds(e).contains(second))
                .toList();
        List<String> values = timeline.stream().map(e -> e.at("/date/value").asText()).toList();
        System.out.println("[e2e] founding articles' timeline: " + values);

        assertThat(values).contains("2025-02-03", "1846", "1914-04/1914-11", "1917", "193", "2025-03-07");
        assertThat(timeline).extracting(e -> LocalDate.parse(e.at("/date/start").asText()))
                .isSortedAccordingTo(LocalDate::compareTo);
        assertThat(timeline).noneMatch(e -> e.at("/date/value").asText().startsWith("10000"));
    }

    @Test
    void shouldExtractAFoundingArticleThroughTheGatewayWithOffsetsIntoTheTextAsSubmitted() throws Exception {
        Path seeds = DemoArticles.seedsDir(stack.settings().projectRoot());
        Assumptions.assumeTrue(Files.isDirectory(seeds),
                "the founding articles are read from " + seeds + ", which is not beside this clone");
        // As scraped: headline, byline, date line, page-break blank lines inside sentences, footer.
        String text = Files.readString(seeds.resolve("000_907d752312129e1f.txt"));
        String body = JSON.writeValueAsString(Map.of("text", text, "publishedAt", "2025-02-20"));

        // Any valid key may extract: here the dashboard's, which cannot write articles.
        HttpResponse<String> response = HTTP.send(HttpRequest.newBuilder(URI.create(gateway + "/api/v1/extract"))
                        .header("Authorization", "Bearer " + stack.settings().dashboardKey())
                        .header("Content-Type", "application/json")
                        .POST(HttpRequest.BodyPublishers.ofString(body)).build(),
                HttpResponse.BodyHandlers.ofString());
        assertThat(response.statusCode()).as(response.body()).isEqualTo(200);
        JsonNode extraction = JSON.readTree(response.body());

        List<JsonNode> timexes = new ArrayList<>();
        extraction.get("timexes").forEach(timexes::add);
        assertThat(timexes).isNotEmpty().allSatisfy(timex -> assertThat(
                text.substring(timex.get("begin").asInt(), timex.get("end").asInt())).isEqualTo(timex.get("text").asText()));
        assertThat(timexes).anySatisfy(timex -> {
            assertThat(timex.get("text").asText()).isEqualTo("30 days");
            assertThat(timex.get("type").asText()).isEqualTo("DURATION");
            assertThat(timex.get("value").asText()).isEqualTo("P30D");
        });
        assertThat(timexes).noneMatch(timex -> timex.get("text").asText().contains("10,000")
                || timex.get("text").asText().contains("percent"));

        List<JsonNode> events = new ArrayList<>();
        extraction.get("events").forEach(events::add);
        assertThat(events).allSatisfy(event -> {
            JsonNode expression = event.get("expression");
            int start = expression.get("start").asInt();
            int end = expression.get("end").asInt();
            assertThat(text.substring(start, end)).isEqualTo(expression.get("text").asText());
            assertThat(event.at("/sentence/start").asInt()).isLessThanOrEqualTo(start);
            assertThat(event.at("/sentence/end").asInt()).isGreaterThanOrEqualTo(end);
        });
        List<String> values = events.stream().map(e -> e.at("/date/value").asText()).toList();
        System.out.println("[e2e] extracted through the gateway: " + values);
        assertThat(values).contains("2025-02-19", "2025-01", "2001-09-11");
        assertThat(values).filteredOn("2025-02-19"::equals).hasSize(3);
        assertThat(values).contains("2025-02-03").noneMatch(value -> value.startsWith("2024") || value.startsWith("10000"));
        assertThat(events).filteredOn(e -> e.at("/date/value").asText().equals("2025-02-19"))
                .anySatisfy(e -> assertThat(e.get("text").asText()).contains("Sheinbaum"));
    }

    private static HttpResponse<String> push(Map<String, Object> article) {
        return DemoArticles.push(gateway, stack.settings().newsroomKey(), article);
    }

    private static List<JsonNode> awaitEventsOf(String articleId, int count) throws Exception {
        await().atMost(Duration.ofSeconds(30)).pollInterval(Duration.ofMillis(100))
                .until(() -> eventsOf(articleId).size() >= count);
        return eventsOf(articleId);
    }

    private static List<JsonNode> eventsOf(String articleId) throws Exception {
        return allEvents().stream().filter(e -> sourceIds(e).contains(articleId)).toList();
    }

    /** Every event on the timeline, following the cursor from page to page. */
    private static List<JsonNode> allEvents() throws Exception {
        List<JsonNode> events = new ArrayList<>();
        String next = null;
        do {
            String url = gateway + "/api/v1/events?limit=100" + (next == null ? "" : "&cursor=" + next);
            HttpResponse<String> response = HTTP.send(HttpRequest.newBuilder(URI.create(url))
                            .header("Authorization", "Bearer " + stack.settings().dashboardKey()).build(),
                    HttpResponse.BodyHandlers.ofString());
            assertThat(response.statusCode()).as(response.body()).isEqualTo(200);
            JsonNode page = JSON.readTree(response.body());
            page.get("events").forEach(events::add);
            next = page.get("next").isNull() ? null : page.get("next").asText();
        } while (next != null);
        return events;
    }

    private static List<String> sourceIds(JsonNode event) {
        List<String> ids = new ArrayList<>();
        event.get("sources").forEach(source -> ids.add(source.get("articleId").asText()));
        return ids;
    }
}
