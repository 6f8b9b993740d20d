package io.eventline.local;

import java.time.LocalDate;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * An article as a newsroom system hands it over after scraping a web page: the headline, the
 * author, a date line ("20 February 2025"), then the text. This turns it into the JSON article
 * that {@code POST /api/v1/articles} takes.
 */
public record ScrapedArticle(String id, String title, String author, LocalDate published, String body) {

    private static final DateTimeFormatter DATE_LINE = DateTimeFormatter.ofPattern("d MMMM uuuu", Locale.ENGLISH);

    /** Parses the scraped text; {@code id} is the newsroom's id for it. */
    public static ScrapedArticle parse(String id, String text) {
        String[] lines = text.replace("\r\n", "\n").split("\n", -1);
        List<String> header = new ArrayList<>();
        int bodyStart = 0;
        for (int i = 0; i < lines.length && header.size() < 3; i++) {
            if (!lines[i].isBlank()) {
                header.add(lines[i].trim());
            }
            bodyStart = i + 1;
        }
        if (header.size() < 3) {
            throw new IllegalArgumentException(id + ": expected a headline, an author and a date line");
        }
        LocalDate published;
        try {
            published = LocalDate.parse(header.get(2), DATE_LINE);
        } catch (DateTimeParseException e) {
            throw new IllegalArgumentException(id + ": '" + header.get(2) + "' is not a date line like '20 February 2025'");
        }
        String body = String.join("\n", java.util.Arrays.copyOfRange(lines, bodyStart, lines.length)).strip();
        return new ScrapedArticle(id, header.get(0), header.get(1), published, body);
    }

    /** The request body for {@code POST /api/v1/articles}. */
    public Map<String, Object> toRequest(String source, String url) {
        Map<String, Object> article = new LinkedHashMap<>();
        article.put("id", id);
        article.put("url", url);
        article.put("title", title);
        article.put("body", body);
        article.put("publishedAt", published.atStartOfDay().atOffset(ZoneOffset.UTC).toString());
        article.put("source", source);
        article.put("authors", List.of(author));
        article.put("language", "en");
        return article;
    }
}
