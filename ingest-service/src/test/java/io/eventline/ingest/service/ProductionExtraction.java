package io.eventline.ingest.service;

import io.eventline.ingest.extraction.EventExtractor;

/**
 * The extractor the service runs, as {@link Extractors} builds it, for the benchmark and the
 * robustness tests: they measure whatever production uses, with nothing to keep in step.
 */
public final class ProductionExtraction {

    private ProductionExtraction() {
    }

    public static EventExtractor extractor() {
        return new Extractors().extractor();
    }
}
