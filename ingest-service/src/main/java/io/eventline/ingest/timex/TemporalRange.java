package io.eventline.ingest.timex;

import io.eventline.ingest.extraction.TemporalExpression;

import java.util.Objects;

/**
 * Two date expressions the text joins into one interval: "from April to November 1914". TimeML
 * annotates the two ends as two expressions ({@code 1914-04}, {@code 1914-11}); an event dated by
 * either end happened over the whole interval {@code 1914-04/1914-11}.
 *
 * @param from  the first end
 * @param to    the second end
 * @param value the interval, {@code from/to} ({@code 1914-04/1914-11})
 * @param rule  the range rule that joined them
 */
public record TemporalRange(TemporalExpression from, TemporalExpression to, String value, String rule) {

    public TemporalRange {
        Objects.requireNonNull(from, "from");
        Objects.requireNonNull(to, "to");
        Objects.requireNonNull(value, "value");
        Objects.requireNonNull(rule, "rule");
    }

    /** True if the expression is one of the two ends. */
    public boolean joins(TemporalExpression expression) {
        return from.equals(expression) || to.equals(expression);
    }
}
