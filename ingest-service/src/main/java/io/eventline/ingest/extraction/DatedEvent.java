package io.eventline.ingest.extraction;

import java.util.List;
import java.util.Objects;

/**
 * A dated fact of an article: a sentence, or a clause of one, anchored in time by one temporal
 * expression.
 *
 * @param date       when it happened, at the expression's own granularity
 * @param text       the readable event text: the clause, whitespace collapsed; of a sentence longer
 *                   than {@link EventBuilder#LONGEST_CLAUSE} (text without sentence breaks), a window
 *                   around the date, an ellipsis where it was cut
 * @param expression the temporal expression that dates it
 * @param sentence   where the sentence lies in the normalized text; for a window, where the window lies
 * @param entities   who or what it is about (may be empty)
 * @param confidence how sure the extractor is of the date, 0..1
 * @param clause     where the clause the event was built from lies in the normalized text: the
 *                   sentence itself, or the part of it that holds this date
 */
public record DatedEvent(EventDate date, String text, TemporalExpression expression, TextSpan sentence,
                         List<EventEntity> entities, double confidence, TextSpan clause) {

    public DatedEvent {
        Objects.requireNonNull(date, "date");
        Objects.requireNonNull(text, "text");
        Objects.requireNonNull(expression, "expression");
        Objects.requireNonNull(sentence, "sentence");
        Objects.requireNonNull(clause, "clause");
        entities = List.copyOf(entities);
        if (confidence < 0 || confidence > 1) {
            throw new IllegalArgumentException("confidence must be within 0..1: " + confidence);
        }
        if (clause.start() < sentence.start() || clause.end() > sentence.end()) {
            throw new IllegalArgumentException("the clause " + clause + " must lie within the sentence " + sentence);
        }
    }

    /** An event built from a whole sentence. */
    public DatedEvent(EventDate date, String text, TemporalExpression expression, TextSpan sentence,
                      List<EventEntity> entities, double confidence) {
        this(date, text, expression, sentence, entities, confidence, sentence);
    }
}
