package io.eventline.timeline;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Instant;
import java.time.LocalDate;
import java.time.YearMonth;
import java.util.HexFormat;
import java.util.UUID;

/**
 * Article messages as ingest-service publishes them. {@link ArticleTopic} checks each one against
 * the contract's JSON Schema before sending, so these fixtures cannot drift from the contract.
 */
final class ArticleMessages {

    static final ObjectMapper JSON = new ObjectMapper();

    private ArticleMessages() {
    }

    /** A fresh article id, so tests sharing the broker and database never touch each other's articles. */
    static String newArticleId() {
        return "test-" + UUID.randomUUID();
    }

    static String titleOf(String articleId, long version) {
        return "Article " + articleId + " v" + version;
    }

    static String urlOf(String articleId) {
        return "https://news.example/articles/" + articleId;
    }

    static final String PUBLISHED_AT = "2025-03-01T08:30:00Z";
    static final String SOURCE = "Example Wire";

    /** An ARTICLE_VERSION carrying {@code events}. */
    static ObjectNode version(String articleId, long version, ObjectNode... events) {
        return version(articleId, version, SOURCE, PUBLISHED_AT, events);
    }

    /** An ARTICLE_VERSION of an article of this outlet, published then. */
    static ObjectNode version(String articleId, long version, String source, String publishedAt, ObjectNode... events) {
        ObjectNode message = envelope("ARTICLE_VERSION", articleId, version);
        message.put("extractor", "test-extractor/1.0");
        ObjectNode article = message.putObject("article");
        article.put("id", articleId);
        article.put("url", urlOf(articleId));
        article.put("title", titleOf(articleId, version));
        article.put("publishedAt", publishedAt);
        article.put("source", source);
        article.putArray("authors").add("A. Reporter");
        article.put("language", "en");
        article.put("contentHash", sha256(articleId + "#" + version));
        ArrayNode array = message.putArray("events");
        for (ObjectNode event : events) {
            array.add(event);
        }
        return message;
    }

    static ObjectNode retraction(String articleId, long version) {
        return envelope("ARTICLE_RETRACTED", articleId, version);
    }

    /** An event on one day, e.g. {@code day("1901-03-05", "...")}. */
    static ObjectNode day(String isoDay, String text) {
        return event(isoDay, "day", isoDay, isoDay, text);
    }

    /** An event in a month, e.g. {@code month("1901-02", "...")}. */
    static ObjectNode month(String yearMonth, String text) {
        YearMonth month = YearMonth.parse(yearMonth);
        return event(yearMonth, "month", month.atDay(1).toString(), month.atEndOfMonth().toString(), text);
    }

    static ObjectNode year(int year, String text) {
        return event(String.valueOf(year), "year", year + "-01-01", year + "-12-31", text);
    }

    static ObjectNode event(String value, String granularity, String start, String end, String text) {
        LocalDate.parse(start);
        LocalDate.parse(end);
        ObjectNode event = JSON.createObjectNode();
        ObjectNode date = event.putObject("date");
        date.put("value", value);
        date.put("granularity", granularity);
        date.put("start", start);
        date.put("end", end);
        event.put("text", text);
        ObjectNode expression = event.putObject("expression");
        expression.put("text", "on " + value);
        expression.put("type", "DATE");
        expression.put("value", value);
        expression.put("start", 10);
        expression.put("end", 13 + value.length());
        expression.put("rule", "test-rule");
        ObjectNode sentence = event.putObject("sentence");
        sentence.put("start", 0);
        sentence.put("end", 40 + text.length());
        // no entities by default: a name shared by unrelated fixture events would make the deduplication merge them
        event.putArray("entities");
        event.put("confidence", 0.9);
        return event;
    }

    /** The event with these named entities ({@code "PERSON:Claudia Sheinbaum"}, {@code "PLACE:Mexico"}). */
    static ObjectNode withEntities(ObjectNode event, String... typedNames) {
        ArrayNode entities = event.putArray("entities");
        for (String typedName : typedNames) {
            int colon = typedName.indexOf(':');
            entities.addObject().put("text", typedName.substring(colon + 1)).put("type", typedName.substring(0, colon));
        }
        return event;
    }

    private static ObjectNode envelope(String kind, String articleId, long version) {
        ObjectNode message = JSON.createObjectNode();
        message.put("schemaVersion", 1);
        message.put("kind", kind);
        message.put("articleId", articleId);
        message.put("version", version);
        message.put("acceptedAt", Instant.now().toString());
        return message;
    }

    private static String sha256(String text) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(text.getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
