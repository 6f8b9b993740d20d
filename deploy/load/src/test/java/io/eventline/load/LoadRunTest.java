package io.eventline.load;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The whole driver against a small stand-in gateway (the JDK's HTTP server): what it sends, what it
 * counts, and that it cleans up. The real stack is the load run's business, not a unit test's.
 */
class LoadRunTest {

    private HttpServer server;
    private final List<JsonNode> articles = new ArrayList<>();
    private final List<String> probesToShow = new ArrayList<>();
    private final Set<String> timelines = java.util.Collections.synchronizedSet(new HashSet<>());
    private volatile String probeTimeline;
    private final AtomicInteger timelineIds = new AtomicInteger();
    private final AtomicInteger unauthorised = new AtomicInteger();
    /** The first article gets a 503, as from a stack whose Kafka topic does not exist yet. */
    private final AtomicBoolean kafkaReady = new AtomicBoolean();

    @BeforeEach
    void startGateway() throws IOException {
        server = HttpServer.create(new InetSocketAddress("localhost", 0), 0);
        server.createContext("/api/v1/", this::answer);
        server.start();
    }

    @AfterEach
    void stopGateway() {
        server.stop(0);
    }

    @Test
    void warmsUpThenSendsArticlesPollsTimelinesSeesItsProbesAndCleansUp(@TempDir Path dir) throws Exception {
        Path corpus = dir.resolve("articles.jsonl");
        Files.writeString(corpus, "{\"newid\": 1, \"date\": \"1987-03-03T10:15:00\", \"title\": \"PORT REOPENS\", "
                + "\"body\": \"The port reopened on March 2.\"}\n");
        LoadOptions options = LoadOptions.parse(new String[] {"--duration", "2", "--rate", "10", "--dashboards", "3",
                "--timelines", "2", "--poll-interval", "200", "--probe-every", "4", "--drain", "5",
                "--gateway", "http://localhost:" + server.getAddress().getPort(), "--corpus", corpus.toString()}, dir);

        RunReport report;
        try (Gateway gateway = new Gateway(options.gatewayUrl())) {
            report = new LoadRun(options, gateway, ReutersCorpus.read(corpus, "t"), new RunRecorder(), new ProcessSampler(), "t")
                    .run();
        }

        synchronized (articles) {
            List<JsonNode> counted = articles.stream().filter(a -> !a.get("id").asText().endsWith("warm-up")).toList();
            assertThat(report.articlesAccepted()).isEqualTo(counted.size()).isPositive();
            assertThat(counted).allSatisfy(a -> assertThat(a.get("publishedAt").asText()).isEqualTo("1987-03-03T10:15:00Z"));
            long probes = counted.stream().filter(a -> a.get("source").asText().equals("Reuters probe t")).count();
            assertThat(report.probesSent()).isEqualTo(probes).isPositive();
        }
        assertThat(report.probesVisible()).isEqualTo(report.probesSent());
        assertThat(report.probesNeverVisible()).isZero();
        assertThat(report.polls()).isPositive();
        assertThat(report.notModifiedShare()).isGreaterThan(0);
        // The warm-up's 503 is start-up, not load: it is sent again and not counted.
        assertThat(report.errors()).isZero();
        assertThat(articles).anySatisfy(a -> assertThat(a.get("id").asText()).endsWith("warm-up"));
        assertThat(unauthorised.get()).isZero();
        assertThat(timelines).as("the timelines the run saved are deleted").isEmpty();
        assertThat(report.series()).isNotEmpty();
    }

    /** The gateway's contract, as far as the driver uses it. */
    private void answer(HttpExchange exchange) throws IOException {
        String method = exchange.getRequestMethod();
        String path = exchange.getRequestURI().getPath();
        String key = exchange.getRequestHeaders().getFirst("Authorization");
        boolean articleRoute = path.equals("/api/v1/articles");
        if (!("Bearer " + (articleRoute ? "dev-newsroom-key" : "dev-dashboard-key")).equals(key)) {
            unauthorised.incrementAndGet();
            send(exchange, 401, null, "{}");
            return;
        }
        JsonNode body = method.equals("POST") ? Gateway.JSON.readTree(exchange.getRequestBody()) : null;
        if (articleRoute && method.equals("POST") && !kafkaReady.getAndSet(true)) {
            send(exchange, 503, null, "{\"status\":503}");
        } else if (articleRoute && method.equals("POST")) {
            synchronized (articles) {
                articles.add(body);
                if (body.get("source").asText().contains("probe")) {
                    probesToShow.add(body.get("id").asText());
                }
            }
            send(exchange, 202, null, "{\"articleId\":\"" + body.get("id").asText() + "\",\"version\":1,\"events\":1}");
        } else if (path.equals("/api/v1/timelines") && method.equals("POST")) {
            String id = String.valueOf(timelineIds.incrementAndGet());
            timelines.add(id);
            if (body.has("sources")) {
                probeTimeline = id;
            }
            send(exchange, 201, null, "{\"id\":\"" + id + "\"}");
        } else if (method.equals("DELETE")) {
            timelines.remove(path.substring(path.lastIndexOf('/') + 1));
            send(exchange, 204, null, null);
        } else if (path.endsWith("/events")) {
            boolean unchanged = "\"v1\"".equals(exchange.getRequestHeaders().getFirst("If-None-Match"));
            send(exchange, unchanged ? 304 : 200, "\"v1\"", unchanged ? null : "{\"events\":[]}");
        } else if (path.endsWith("/changes")) {
            ObjectNode page = Gateway.JSON.createObjectNode().put("cursor", "c").put("more", false);
            ArrayNode changes = page.putArray("changes");
            boolean following = exchange.getRequestURI().getQuery() != null
                    && path.equals("/api/v1/timelines/" + probeTimeline + "/changes");
            synchronized (articles) {
                if (following) {
                    // Every probe seen so far shows, as the only report of one added event.
                    probesToShow.forEach(id -> changes.addObject().put("kind", "added").putObject("event")
                            .putArray("sources").addObject().put("articleId", id));
                    probesToShow.clear();
                }
            }
            send(exchange, 200, null, page.toString());
        } else {
            send(exchange, 404, null, "{}");
        }
    }

    private static void send(HttpExchange exchange, int status, String etag, String body) throws IOException {
        if (etag != null) {
            exchange.getResponseHeaders().set("ETag", etag);
        }
        byte[] bytes = body == null ? new byte[0] : body.getBytes(StandardCharsets.UTF_8);
        exchange.sendResponseHeaders(status, bytes.length == 0 ? -1 : bytes.length);
        exchange.getResponseBody().write(bytes);
        exchange.close();
    }
}
