package io.eventline.ingest.extraction;

import java.time.LocalDate;
import java.util.List;

/**
 * Finds the temporal expressions of a text and normalizes each to a TimeML type and value,
 * resolving relative ones ("on Wednesday", "last year") against the document date or, in a
 * history narrative, against the narrative's last absolute date. This is the seam between finding
 * dates (the tagger, scored on the TimeML corpora) and building events from them.
 */
public interface TemporalTagger {

    /**
     * @param text         the text; every expression's offsets are Java string indices into it
     * @param documentDate the document's creation (publication) date
     * @return the expressions, in text order, without overlaps
     */
    List<TemporalExpression> tag(String text, LocalDate documentDate);

    /**
     * {@link #tag(String, LocalDate)} for a caller that has split the text into sentences already,
     * so a tagger that reads sentences need not split it again.
     *
     * @param sentences {@code Sentences.spans(text)}
     */
    default List<TemporalExpression> tag(String text, LocalDate documentDate, List<TextSpan> sentences) {
        return tag(text, documentDate);
    }
}
