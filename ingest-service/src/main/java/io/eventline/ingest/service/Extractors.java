package io.eventline.ingest.service;

import io.eventline.ingest.extraction.EventExtractor;
import io.eventline.ingest.timex.TaggedEventExtractor;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Produces;

/**
 * Chooses the extractor: the single place to change. Production dates events with the rule-based
 * temporal tagger (relative days, durations, decades, ranges ...), which replaced the explicit-date
 * extractor.
 */
@ApplicationScoped
public class Extractors {

    @Produces
    @ApplicationScoped
    EventExtractor extractor() {
        return new TaggedEventExtractor();
    }
}
