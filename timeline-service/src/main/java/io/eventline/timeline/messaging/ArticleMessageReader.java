package io.eventline.timeline.messaging;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.eventline.timeline.EventDate;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.validation.ConstraintViolation;
import jakarta.validation.Validator;

import java.io.IOException;
import java.util.Comparator;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * Turns a record value into an {@link ArticleMessage}, or says why it cannot be applied. Everything
 * the database would reject is caught here, so that a bad record is dead-lettered at once instead of failing (and
 * endlessly retrying) the whole batch.
 */
@ApplicationScoped
public class ArticleMessageReader {

    private final ObjectMapper objectMapper;
    private final Validator validator;

    ArticleMessageReader(ObjectMapper objectMapper, Validator validator) {
        this.objectMapper = objectMapper;
        this.validator = validator;
    }

    /** A record's key and value, as read from Kafka. */
    public record Encoded(String key, byte[] value) {
    }

    /** What a record reads as: a message, or why it is not one. */
    public record Reading(ArticleMessage message, InvalidMessageException invalid) {
    }

    /**
     * Reads a batch of records, in parallel (the applying thread and the common pool: parsing and validating
     * are a tenth of applying a batch, and need nothing but the bytes), in their order.
     */
    public List<Reading> readAll(List<Encoded> records) {
        return records.parallelStream().map(record -> {
            try {
                return new Reading(read(record.key(), record.value()), null);
            } catch (InvalidMessageException e) {
                return new Reading(null, e);
            }
        }).toList();
    }

    public ArticleMessage read(String key, byte[] value) throws InvalidMessageException {
        if (value == null) {
            throw new InvalidMessageException("the record has no value");
        }
        ArticleMessage message;
        try {
            message = objectMapper.readValue(value, ArticleMessage.class);
        } catch (JsonProcessingException e) {
            // the parser's own message can quote a lot of payload; its first line says enough
            throw new InvalidMessageException("not an article message: " + e.getOriginalMessage());
        } catch (IOException e) {
            throw new InvalidMessageException("unreadable value", e);
        }
        if (message == null) {
            throw new InvalidMessageException("the record value is JSON null");
        }
        Set<ConstraintViolation<ArticleMessage>> violations = validator.validate(message);
        if (!violations.isEmpty()) {
            throw new InvalidMessageException(violations.stream()
                    .sorted(Comparator.comparing(v -> v.getPropertyPath().toString()))
                    .map(v -> v.getPropertyPath() + " " + v.getMessage())
                    .collect(Collectors.joining("; ")));
        }
        if (message.schemaVersion() != ArticleMessage.SCHEMA_VERSION) {
            throw new InvalidMessageException("unsupported schemaVersion " + message.schemaVersion());
        }
        if (key != null && !key.equals(message.articleId())) {
            // the key decides the partition, hence the ordering of an article's versions
            throw new InvalidMessageException("record key '" + key + "' differs from articleId '" + message.articleId() + "'");
        }
        if (message.kind() == ArticleMessage.Kind.ARTICLE_VERSION) {
            checkVersion(message);
        }
        return message;
    }

    private static void checkVersion(ArticleMessage message) throws InvalidMessageException {
        if (message.article() == null || message.events() == null) {
            throw new InvalidMessageException("an ARTICLE_VERSION needs article and events");
        }
        if (!message.articleId().equals(message.article().id())) {
            throw new InvalidMessageException("article.id '" + message.article().id() + "' differs from articleId");
        }
        for (int i = 0; i < message.events().size(); i++) {
            ArticleMessage.EventDate date = message.events().get(i).date();
            if (date.start().isAfter(date.end())) {
                throw new InvalidMessageException("events[" + i + "].date starts after it ends");
            }
            if (!EventDate.holds(date.start()) || !EventDate.holds(date.end())) {
                throw new InvalidMessageException("events[" + i + "].date is outside the timeline's years, "
                        + EventDate.FIRST_YEAR + " to " + EventDate.LAST_YEAR);
            }
        }
    }
}
