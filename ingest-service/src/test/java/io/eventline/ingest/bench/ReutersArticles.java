package io.eventline.ingest.bench;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.eventline.ingest.service.ArticleTextNormalizer;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;

/**
 * The Reuters-21578 articles ({@code reuters21578/articles.jsonl} of the shared corpora), each as
 * the normalized text ingest would hand the extractor and its own publication date. Research use
 * only: read from the shared folder, never copied into the repository.
 */
public final class ReutersArticles {

    public static final String FILE = "reuters21578/articles.jsonl";

    /** One article: its normalized body and its publication date. */
    public record Article(String text, LocalDate published) {
    }

    private ReutersArticles() {
    }

    /** Every article with a date and a non-blank body, in file order. */
    public static List<Article> read(Path corpora) {
        ObjectMapper json = new ObjectMapper();
        ArticleTextNormalizer normalizer = new ArticleTextNormalizer("(?!)");
        List<Article> articles = new ArrayList<>();
        try (BufferedReader lines = Files.newBufferedReader(corpora.resolve(FILE), StandardCharsets.UTF_8)) {
            String line;
            while ((line = lines.readLine()) != null) {
                JsonNode article = json.readTree(line);
                String body = article.path("body").asText("");
                String date = article.path("date").asText("");
                if (!body.isBlank() && date.length() >= 10) {
                    articles.add(new Article(normalizer.normalizeBody(body), LocalDate.parse(date.substring(0, 10))));
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return articles;
    }

    /** Megabytes (10^6 bytes) of UTF-8 text. */
    public static double megabytes(List<Article> articles) {
        return articles.stream().mapToLong(a -> a.text().getBytes(StandardCharsets.UTF_8).length).sum() / 1e6;
    }
}
