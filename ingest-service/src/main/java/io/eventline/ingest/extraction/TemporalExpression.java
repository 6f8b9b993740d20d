package io.eventline.ingest.extraction;

import java.util.Objects;

/**
 * A temporal expression found in the normalized text, with its normalized TimeML value.
 *
 * @param start offset of its first character in the normalized text
 * @param end   offset just after its last character
 * @param text  the expression as written ("Feb. 3, 2025")
 * @param type  its TimeML type
 * @param value its TimeML value: {@code 2025-02-03}, {@code 1914-04}, {@code 1846}, {@code 193}
 *              (the 1930s), {@code 1914-04/1914-11} (an interval), {@code P30D} (a duration)
 * @param rule  the name of the rule that produced it, so a wrong date can be traced to its rule
 */
public record TemporalExpression(int start, int end, String text, TemporalType type, String value, String rule) {

    public TemporalExpression {
        Objects.requireNonNull(text, "text");
        Objects.requireNonNull(type, "type");
        Objects.requireNonNull(value, "value");
        Objects.requireNonNull(rule, "rule");
        if (start < 0 || end < start) {
            throw new IllegalArgumentException("invalid offsets [" + start + ", " + end + ")");
        }
    }

    public TextSpan span() {
        return new TextSpan(start, end);
    }
}
