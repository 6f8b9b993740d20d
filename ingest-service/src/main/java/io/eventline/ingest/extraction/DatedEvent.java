package io.eventline.ingest.extraction;

import java.util.List;
import java.util.Objects;

/**
 * A dated fact of an article: a sentence anchored in time by one temporal expression.
 *
 * @param date       when it happened, at the expression's own granularity
 * @param text       the readable event text (for now the whole sentence, whitespace collapsed)
 * @param expression the temporal expression that dates it
 * @param sentence   where the sentence lies in the normalized text
 * @param entities   who or what it is about (may be empty)
 * @param confidence how sure the extractor is of the date, 0..1
 */
public record DatedEvent(EventDate date, String text, TemporalExpression expression, TextSpan sentence,
                         List<EventEntity> entities, double confidence) {

    public DatedEvent {
        Objects.requireNonNull(date, "date");
        Objects.requireNonNull(text, "text");
        Objects.requireNonNull(expression, "expression");
        Objects.requireNonNull(sentence, "sentence");
        entities = List.copyOf(entities);
        if (confidence < 0 || confidence > 1) {
            throw new IllegalArgumentException("confidence must be within 0..1: " + confidence);
        }
    }
}
