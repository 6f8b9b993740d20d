package io.eventline.ingest.extraction;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The first, deliberately simple extractor: it recognizes dates written out explicitly
 * ("February 3, 2025", "3 February 2025", "2025-02-03", "Feb 3rd", "April 1914", "in January",
 * "in 1846", "the 1930s", "from April to November 1914") and makes each sentence that contains
 * one a dated event. Relative expressions ("on Wednesday", "200 years ago") and durations are left
 * to the full temporal tagger that replaces it.
 *
 * <p>A line that holds nothing but a date (the byline date under the author's name) dates no
 * event: it is recorded as an expression only.
 */
public final class ExplicitDateExtractor implements EventExtractor {

    public static final String NAME = "eventline-explicit-dates/1";

    private static final Pattern WHITESPACE = Pattern.compile("\\s+");

    private record Candidate(ExplicitDateRules.Rule rule, int order, ExplicitDateRules.Resolved resolved) {

        int length() {
            return resolved.end() - resolved.start();
        }

        TextSpan span() {
            return new TextSpan(resolved.start(), resolved.end());
        }
    }

    @Override
    public String name() {
        return NAME;
    }

    @Override
    public Extraction extract(String normalizedText, LocalDate publicationDate) {
        Objects.requireNonNull(normalizedText, "normalizedText");
        Objects.requireNonNull(publicationDate, "publicationDate");
        List<Candidate> chosen = longestWithoutOverlap(candidates(normalizedText, publicationDate));
        List<TemporalExpression> expressions = new ArrayList<>();
        List<DatedEvent> events = new ArrayList<>();
        List<TextSpan> sentences = Sentences.spans(normalizedText);
        for (Candidate candidate : chosen) {
            TemporalExpression expression = expressionOf(normalizedText, candidate);
            expressions.add(expression);
            if (EventBuilder.isDateLine(normalizedText, expression)) {
                continue;
            }
            sentenceAt(sentences, expression.start()).ifPresent(sentence -> events.add(new DatedEvent(
                    EventDate.fromValue(expression.value()),
                    collapseWhitespace(normalizedText.substring(sentence.start(), sentence.end())),
                    expression, sentence, List.of(), candidate.rule().confidence())));
        }
        return new Extraction(expressions, events);
    }

    private static List<Candidate> candidates(String text, LocalDate publicationDate) {
        List<Candidate> candidates = new ArrayList<>();
        for (int order = 0; order < ExplicitDateRules.ALL.size(); order++) {
            ExplicitDateRules.Rule rule = ExplicitDateRules.ALL.get(order);
            Matcher matcher = rule.pattern().matcher(text);
            while (matcher.find()) {
                int ruleOrder = order;
                rule.resolve(matcher, text, publicationDate)
                        .ifPresent(resolved -> candidates.add(new Candidate(rule, ruleOrder, resolved)));
            }
        }
        return candidates;
    }

    /**
     * Where rules overlap ("November 1914" inside "April to November 1914"), the longest match
     * wins, then the rule listed first; the result is in text order.
     */
    private static List<Candidate> longestWithoutOverlap(List<Candidate> candidates) {
        List<Candidate> byPreference = new ArrayList<>(candidates);
        byPreference.sort(Comparator.comparingInt(Candidate::length).reversed().thenComparingInt(Candidate::order));
        List<Candidate> chosen = new ArrayList<>();
        for (Candidate candidate : byPreference) {
            if (chosen.stream().noneMatch(c -> c.span().overlaps(candidate.span()))) {
                chosen.add(candidate);
            }
        }
        chosen.sort(Comparator.comparingInt(c -> c.resolved().start()));
        return chosen;
    }

    private static TemporalExpression expressionOf(String text, Candidate candidate) {
        ExplicitDateRules.Resolved resolved = candidate.resolved();
        return new TemporalExpression(resolved.start(), resolved.end(),
                text.substring(resolved.start(), resolved.end()),
                TemporalType.DATE, resolved.value(), candidate.rule().name());
    }


    private static Optional<TextSpan> sentenceAt(List<TextSpan> sentences, int offset) {
        return sentences.stream().filter(s -> s.contains(offset)).findFirst();
    }

    private static String collapseWhitespace(String text) {
        return WHITESPACE.matcher(text.strip()).replaceAll(" ");
    }
}
