package io.eventline.ingest.evaluation;

import io.eventline.ingest.extraction.ExplicitDateTagger;
import io.eventline.ingest.extraction.TemporalTagger;

/**
 * The tagger the evaluation and its floors measure: the single place to change, together with
 * {@code service.Extractors}, when the rule-based tagger arrives.
 */
public final class TaggerUnderEvaluation {

    private TaggerUnderEvaluation() {
    }

    /** The production tagger. */
    public static TemporalTagger current() {
        return new ExplicitDateTagger();
    }
}
