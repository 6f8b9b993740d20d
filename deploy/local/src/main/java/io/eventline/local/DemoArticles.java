package io.eventline.local;

import com.fasterxml.jackson.databind.ObjectMapper;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

/**
 * The articles {@code --demo} pushes through the gateway: the two founding articles from
 * {@code ../shared/seeds} where that folder exists beside the project, else the sample article
 * the project ships.
 */
public final class DemoArticles {

    /** The sample article shipped with the project (written for Eventline; free to use). */
    public static final String SAMPLE_RESOURCE = "/demo/panama-canal-110-years.txt";

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final HttpClient HTTP = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();

    private DemoArticles() {
    }

    /** The shipped sample article, as a request body. */
    public static Map<String, Object> sample() {
        try (InputStream in = DemoArticles.class.getResourceAsStream(SAMPLE_RESOURCE)) {
            String text = new String(in.readAllBytes(), StandardCharsets.UTF_8);
            return ScrapedArticle.parse("eventline-sample-panama-canal", text)
                    .toRequest("Eventline Sample Desk", "https://eventline.invalid/samples/panama-canal-110-years");
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** The founding articles in {@code seedsDir} (files named {@code NNN_<id>.txt}), as request bodies. */
    public static List<Map<String, Object>> seeds(Path seedsDir) {
        List<Map<String, Object>> articles = new ArrayList<>();
        try (Stream<Path> files = Files.list(seedsDir)) {
            for (Path file : files.filter(f -> f.getFileName().toString().matches("\\d{3}_.*\\.txt")).sorted().toList()) {
                String id = file.getFileName().toString().replaceFirst("\\.txt$", "");
                String text = Files.readString(file);
                String source = text.contains("WSWS") ? "World Socialist Web Site" : "seed";
                articles.add(ScrapedArticle.parse(id, text).toRequest(source, "https://seeds.eventline.invalid/" + id));
            }
        } catch (IOException e) {
            throw new UncheckedIOException("could not read the seed articles in " + seedsDir, e);
        }
        return articles;
    }

    /** Where the founding articles are, if the shared folder sits beside the project. */
    public static Path seedsDir(Path projectRoot) {
        return projectRoot.toAbsolutePath().normalize().resolveSibling("shared").resolve("seeds");
    }

    /** POSTs one article to the gateway with {@code key}; returns the HTTP status and body. */
    public static HttpResponse<String> push(String gatewayUrl, String key, Map<String, Object> article) {
        try {
            HttpRequest request = HttpRequest.newBuilder(URI.create(gatewayUrl + "/api/v1/articles"))
                    .timeout(Duration.ofSeconds(30))
                    .header("Authorization", "Bearer " + key)
                    .header("Content-Type", "application/json")
                    .POST(HttpRequest.BodyPublishers.ofString(JSON.writeValueAsString(article)))
                    .build();
            return HTTP.send(request, HttpResponse.BodyHandlers.ofString());
        } catch (IOException e) {
            throw new UncheckedIOException("could not push article " + article.get("id"), e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted", e);
        }
    }
}
