package io.eventline.ingest.service;

import io.eventline.ingest.config.IngestConfig;
import io.eventline.ingest.extraction.EntityRecognizer;
import io.eventline.ingest.extraction.EventBuilder;
import io.eventline.ingest.extraction.EventExtractor;
import io.eventline.ingest.extraction.TaggedEventExtractor;
import io.eventline.ingest.timex.RuleBasedTagger;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Produces;

/**
 * Creates the plain-Java text pipeline of the service: the normalizer, and the extractor that
 * dates events with the rule-based temporal tagger (rules in {@code timex/}) and builds them with
 * the event builder (entities in {@code entities/}). The single place that chooses them.
 */
@ApplicationScoped
public class Extractors {

    @Produces
    @ApplicationScoped
    EventExtractor extractor() {
        RuleBasedTagger tagger = new RuleBasedTagger();
        return new TaggedEventExtractor(tagger, new EventBuilder(EntityRecognizer.english(), tagger::ruleConfidence));
    }

    @Produces
    @ApplicationScoped
    ArticleTextNormalizer normalizer(IngestConfig config) {
        return new ArticleTextNormalizer(config.normalization().footerPattern());
    }
}
