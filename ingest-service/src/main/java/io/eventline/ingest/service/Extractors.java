package io.eventline.ingest.service;

import io.eventline.ingest.extraction.EventExtractor;
import io.eventline.ingest.extraction.ExplicitDateExtractor;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Produces;

/** Chooses the extractor: the single place to change when the full temporal tagger arrives. */
@ApplicationScoped
public class Extractors {

    @Produces
    @ApplicationScoped
    EventExtractor extractor() {
        return new ExplicitDateExtractor();
    }
}
