package io.eventline.ingest.extraction;

import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

/**
 * The explicit-date rules behind the {@link TemporalTagger} seam, until the rule-based tagger
 * (issue 3) replaces them: the expressions of {@link ExplicitDateExtractor}, nothing else.
 */
public final class ExplicitDateTagger implements TemporalTagger {

    /** Confidence of a rule whose name is unknown here. */
    static final double DEFAULT_RULE_CONFIDENCE = 0.8;

    private static final Map<String, Double> CONFIDENCE_BY_RULE = ExplicitDateRules.ALL.stream()
            .collect(Collectors.toUnmodifiableMap(ExplicitDateRules.Rule::name, ExplicitDateRules.Rule::confidence,
                    (a, b) -> a));

    private final ExplicitDateExtractor extractor = new ExplicitDateExtractor();

    @Override
    public List<TemporalExpression> tag(String text, LocalDate documentDate) {
        return extractor.extract(text, documentDate).expressions();
    }

    /** How often the named rule's dates are right, 0..1 (the explicit rules' own estimate). */
    public static double ruleConfidence(String rule) {
        return CONFIDENCE_BY_RULE.getOrDefault(rule, DEFAULT_RULE_CONFIDENCE);
    }
}
