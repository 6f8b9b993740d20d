package io.eventline.ingest.timex;

import io.eventline.ingest.extraction.DatedEvent;
import io.eventline.ingest.extraction.EventDate;
import io.eventline.ingest.extraction.EventExtractor;
import io.eventline.ingest.extraction.Extraction;
import io.eventline.ingest.extraction.Sentences;
import io.eventline.ingest.extraction.TemporalExpression;
import io.eventline.ingest.extraction.TemporalType;
import io.eventline.ingest.extraction.TextSpan;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * Events from the rule-based tagger's expressions: each sentence is dated by each calendar date in
 * it (durations, sets and vague references such as "now" date nothing), a range dates its sentence
 * with the whole interval ("from April to November 1914" = 1914-04/1914-11), and a line that holds
 * nothing but a date (the byline) is no event.
 *
 * <p>A stopgap that keeps production on the {@code TemporalTagger} seam until the event builder
 * takes over sentence-to-event work.
 */
public final class TaggedEventExtractor implements EventExtractor {

    private static final Pattern WEEKDAYS_AND_PUNCTUATION = Pattern.compile(
            "(?:(?:Mon|Tues|Wednes|Thurs|Fri|Satur|Sun)day|[\\p{P}\\s])*");
    private static final Pattern WHITESPACE = Pattern.compile("\\s+");
    private static final Pattern WRITTEN_YEAR = Pattern.compile("\\d{4}");

    private final RuleBasedTagger tagger;

    public TaggedEventExtractor() {
        this(new RuleBasedTagger());
    }

    public TaggedEventExtractor(RuleBasedTagger tagger) {
        this.tagger = Objects.requireNonNull(tagger, "tagger");
    }

    @Override
    public String name() {
        return RuleBasedTagger.NAME;
    }

    @Override
    public Extraction extract(String normalizedText, LocalDate publicationDate) {
        Objects.requireNonNull(normalizedText, "normalizedText");
        Objects.requireNonNull(publicationDate, "publicationDate");
        RuleBasedTagger.Tagged tagged = tagger.tagWithRanges(normalizedText, publicationDate);
        List<TextSpan> sentences = Sentences.spans(normalizedText);
        List<DatedEvent> events = new ArrayList<>();
        for (TemporalExpression expression : tagged.expressions()) {
            if (expression.type() != TemporalType.DATE && expression.type() != TemporalType.TIME) {
                continue;
            }
            Optional<TemporalRange> range = tagged.ranges().stream().filter(r -> r.joins(expression)).findFirst();
            if (range.isPresent() && range.get().to().equals(expression)) {
                continue; // dated once, by the range's first end
            }
            TemporalExpression dating = range.map(r -> combined(normalizedText, r)).orElse(expression);
            Optional<EventDate> date = calendarDate(dating.value());
            if (date.isEmpty() || isDateLine(normalizedText, dating)) {
                continue;
            }
            sentenceAt(sentences, dating.start()).ifPresent(sentence -> events.add(new DatedEvent(
                    date.get(), collapseWhitespace(normalizedText.substring(sentence.start(), sentence.end())),
                    dating, sentence, List.of(), confidence(dating))));
        }
        return new Extraction(tagged.expressions(), events);
    }

    private static TemporalExpression combined(String text, TemporalRange range) {
        return new TemporalExpression(range.from().start(), range.to().end(),
                text.substring(range.from().start(), range.to().end()), TemporalType.DATE, range.value(), range.rule());
    }

    private static Optional<EventDate> calendarDate(String value) {
        try {
            return Optional.of(EventDate.fromValue(value));
        } catch (IllegalArgumentException notACalendarDate) {
            return Optional.empty(); // PRESENT_REF, XXXX-..., a value EventDate cannot place
        }
    }

    /** A date written with its year is surer than one anchored by the publication date or the tense. */
    private static double confidence(TemporalExpression expression) {
        return WRITTEN_YEAR.matcher(expression.text()).find() ? 0.9 : 0.75;
    }

    /** True if the expression's line holds nothing else but punctuation or a weekday: a dateline. */
    private static boolean isDateLine(String text, TemporalExpression expression) {
        int lineStart = text.lastIndexOf('\n', expression.start() - 1) + 1;
        int lineEnd = text.indexOf('\n', expression.end());
        if (lineEnd < 0) {
            lineEnd = text.length();
        }
        String rest = text.substring(lineStart, expression.start()) + " " + text.substring(expression.end(), lineEnd);
        return WEEKDAYS_AND_PUNCTUATION.matcher(rest).matches();
    }

    private static Optional<TextSpan> sentenceAt(List<TextSpan> sentences, int offset) {
        return sentences.stream().filter(s -> s.contains(offset)).findFirst();
    }

    private static String collapseWhitespace(String text) {
        return WHITESPACE.matcher(text.strip()).replaceAll(" ");
    }
}
