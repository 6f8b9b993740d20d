package io.eventline.ingest.evaluation;

import io.eventline.ingest.extraction.TemporalExpression;
import io.eventline.ingest.extraction.TemporalTagger;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** Runs a {@link TemporalTagger} over an annotated corpus and scores it against the gold. */
public final class TimexEvaluation {

    /** One document, tagged and aligned. */
    public record DocumentResult(TimemlDocument document, TimexScorer.Alignment alignment) {
    }

    /** A whole corpus, tagged and aligned. */
    public record CorpusResult(String corpus, List<DocumentResult> documents) {

        public TimexCounts counts() {
            return documents.stream().map(d -> d.alignment().counts()).reduce(TimexCounts.NONE, TimexCounts::plus);
        }

        /** Counts per sub-corpus (folder), in the order met; a single entry when there are no parts. */
        public Map<String, TimexCounts> countsByPart() {
            Map<String, TimexCounts> byPart = new LinkedHashMap<>();
            for (DocumentResult document : documents) {
                byPart.merge(document.document().part(), document.alignment().counts(), TimexCounts::plus);
            }
            return byPart;
        }
    }

    private final TimexScorer scorer = new TimexScorer();

    public CorpusResult evaluate(String corpus, List<TimemlDocument> documents, TemporalTagger tagger) {
        List<DocumentResult> results = new ArrayList<>(documents.size());
        for (TimemlDocument document : documents) {
            List<TemporalExpression> system;
            try {
                system = tagger.tag(document.text(), document.creationDate());
            } catch (RuntimeException e) {
                throw new IllegalStateException("the tagger failed on " + corpus + "/" + document.name(), e);
            }
            results.add(new DocumentResult(document, scorer.align(document.text(), document.gold(), system)));
        }
        return new CorpusResult(corpus, results);
    }
}
