package io.eventline.ingest.evaluation;

import io.eventline.ingest.extraction.EventExtractor;
import io.eventline.ingest.extraction.TemporalExpression;
import io.eventline.ingest.extraction.TemporalTagger;

import java.time.LocalDate;
import java.util.List;

/**
 * An {@link EventExtractor} seen as a {@link TemporalTagger}: its expressions, events ignored.
 * Lets the evaluation score today's explicit-date extractor until a real tagger exists.
 */
public record ExtractorTagger(EventExtractor extractor) implements TemporalTagger {

    @Override
    public List<TemporalExpression> tag(String text, LocalDate documentDate) {
        return extractor.extract(text, documentDate).expressions();
    }

    @Override
    public String toString() {
        return extractor.name() + " (its expressions)";
    }
}
