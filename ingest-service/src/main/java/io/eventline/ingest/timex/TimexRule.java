package io.eventline.ingest.timex;

import io.eventline.ingest.extraction.TemporalType;

import java.util.List;
import java.util.regex.Pattern;

/**
 * One compiled rule of a rule file: how to find a way of writing a temporal expression, and how to
 * turn a match into a TimeML value (possibly an under-specified {@code UNDEF-...} value that the
 * anchoring step resolves).
 *
 * @param name          unique name, reported with every expression the rule produces
 * @param type          the TimeML type of what it finds
 * @param extract       the extraction pattern (already wrapped in word boundaries)
 * @param value         the normalization expression
 * @param offsetGroup   the group that is the expression proper (0 = the whole match)
 * @param before        if set, the text before the match must end with it
 * @param beforeNot     if set, the text before the match must not end with it
 * @param after         if set, the text after the match must start with it
 * @param afterNot      if set, the text after the match must not start with it
 * @param triggers      lower-case strings of which one must occur in the text for the rule to run
 *                      (empty: always run)
 * @param order         position in the rule files, the tie-breaker between equally long matches
 * @param confidence    how far an event dated by this rule can be trusted (0..1): an explicit date
 *                      more than a weekday resolved by tense, or a vague "the year"
 */
record TimexRule(String name, TemporalType type, Pattern extract, ValueTemplate value, int offsetGroup,
                 Pattern before, Pattern beforeNot, Pattern after, Pattern afterNot,
                 List<String> triggers, int order, double confidence) {
}
