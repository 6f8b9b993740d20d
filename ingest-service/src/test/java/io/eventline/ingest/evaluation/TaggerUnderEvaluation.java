package io.eventline.ingest.evaluation;

import io.eventline.ingest.extraction.TemporalTagger;
import io.eventline.ingest.timex.RuleBasedTagger;

/** The tagger the evaluation, its floors and the benchmark measure: the single place to change. */
public final class TaggerUnderEvaluation {

    private TaggerUnderEvaluation() {
    }

    /** The production tagger: the rule-based temporal tagger. */
    public static TemporalTagger current() {
        return new RuleBasedTagger();
    }
}
