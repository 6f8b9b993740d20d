package io.eventline.ingest.evaluation;

import io.eventline.ingest.extraction.ExplicitDateExtractor;
import io.eventline.ingest.extraction.TemporalTagger;

/** The tagger the evaluation, its floors and the benchmark measure: the single place to change. */
public final class TaggerUnderEvaluation {

    private TaggerUnderEvaluation() {
    }

    /** The production tagger. Today: the explicit-date extractor's expressions. */
    public static TemporalTagger current() {
        return new ExtractorTagger(new ExplicitDateExtractor());
    }
}
