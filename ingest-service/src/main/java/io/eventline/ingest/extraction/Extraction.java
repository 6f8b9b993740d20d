package io.eventline.ingest.extraction;

import java.util.List;

/**
 * What an {@link EventExtractor} found in one text: every temporal expression (including those
 * that date no event, such as a byline date) and the dated events.
 */
public record Extraction(List<TemporalExpression> expressions, List<DatedEvent> events) {

    public Extraction {
        expressions = List.copyOf(expressions);
        events = List.copyOf(events);
    }
}
