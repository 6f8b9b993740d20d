package io.eventline.ingest.service;

import io.eventline.ingest.config.IngestConfig;
import io.eventline.ingest.extraction.EventExtractor;
import io.eventline.ingest.extraction.ExplicitDateExtractor;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Produces;

/**
 * Creates the plain-Java text pipeline (normalizer and extractor) for the service: the single place
 * to change when the full temporal tagger arrives.
 */
@ApplicationScoped
public class Extractors {

    @Produces
    @ApplicationScoped
    EventExtractor extractor() {
        return new ExplicitDateExtractor();
    }

    @Produces
    @ApplicationScoped
    ArticleTextNormalizer normalizer(IngestConfig config) {
        return new ArticleTextNormalizer(config.normalization().footerPattern());
    }
}
