package io.eventline.ingest.extraction;

import java.time.LocalDate;
import java.util.List;
import java.util.Objects;

/**
 * The extractor of the service: a {@link TemporalTagger} finds and normalizes the temporal
 * expressions, an {@link EventBuilder} turns the dated clauses into events. Every expression is
 * kept in the result, including those that date no event (durations, the byline date).
 */
public final class TaggedEventExtractor implements EventExtractor {

    static final String NAME = "eventline-events/1";

    private final TemporalTagger tagger;
    private final EventBuilder builder;
    private final String name;

    public TaggedEventExtractor(TemporalTagger tagger, EventBuilder builder) {
        this.tagger = Objects.requireNonNull(tagger, "tagger");
        this.builder = Objects.requireNonNull(builder, "builder");
        this.name = NAME + " (" + tagger.getClass().getSimpleName() + ")";
    }

    /** {@code eventline-events/1 (<tagger class>)}, so a message names the tagger that dated it. */
    @Override
    public String name() {
        return name;
    }

    @Override
    public Extraction extract(String normalizedText, LocalDate publicationDate) {
        Objects.requireNonNull(normalizedText, "normalizedText");
        Objects.requireNonNull(publicationDate, "publicationDate");
        List<TextSpan> sentences = Sentences.spans(normalizedText); // split once, for both
        List<TemporalExpression> expressions = tagger.tag(normalizedText, publicationDate, sentences);
        return new Extraction(expressions, builder.build(normalizedText, publicationDate, expressions, sentences));
    }
}
