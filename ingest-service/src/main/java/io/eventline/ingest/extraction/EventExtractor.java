package io.eventline.ingest.extraction;

import java.time.LocalDate;

/**
 * Finds the dated events of an article. Implementations are plain Java, free of any framework,
 * so the explicit-date extractor can later be swapped for a full temporal tagger.
 */
public interface EventExtractor {

    /** Name and version, recorded in every message so events can be traced to what produced them. */
    String name();

    /**
     * @param normalizedText  the article text after normalization; all offsets refer to it
     * @param publicationDate the article's publication date, the anchor for dates without a year
     */
    Extraction extract(String normalizedText, LocalDate publicationDate);
}
