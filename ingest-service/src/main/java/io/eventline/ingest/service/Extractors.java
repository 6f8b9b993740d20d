package io.eventline.ingest.service;

import io.eventline.ingest.config.IngestConfig;
import io.eventline.ingest.extraction.EntityRecognizer;
import io.eventline.ingest.extraction.EventBuilder;
import io.eventline.ingest.extraction.EventExtractor;
import io.eventline.ingest.extraction.ExplicitDateTagger;
import io.eventline.ingest.extraction.TaggedEventExtractor;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Produces;

/**
 * Creates the plain-Java text pipeline (normalizer and extractor) for the service: the single place
 * to change when the rule-based temporal tagger arrives (replace the tagger and its rule
 * confidences in {@link #extractor()}).
 */
@ApplicationScoped
public class Extractors {

    @Produces
    @ApplicationScoped
    EventExtractor extractor() {
        return new TaggedEventExtractor(new ExplicitDateTagger(),
                new EventBuilder(EntityRecognizer.english(), ExplicitDateTagger::ruleConfidence));
    }

    @Produces
    @ApplicationScoped
    ArticleTextNormalizer normalizer(IngestConfig config) {
        return new ArticleTextNormalizer(config.normalization().footerPattern());
    }
}
