package io.eventline.ingest.evaluation;

import io.eventline.ingest.extraction.TemporalTagger;
import io.eventline.ingest.timex.RuleBasedTagger;

/**
 * The tagger the evaluation and its floors measure: the production one, the tagger that
 * {@code service.Extractors} composes into the service's extractor.
 */
public final class TaggerUnderEvaluation {

    private TaggerUnderEvaluation() {
    }

    /** The production tagger: the rule-based temporal tagger. */
    public static TemporalTagger current() {
        return new RuleBasedTagger();
    }
}
