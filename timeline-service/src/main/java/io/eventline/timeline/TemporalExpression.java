package io.eventline.timeline;

import jakarta.persistence.Column;
import jakarta.persistence.Embeddable;

/** The temporal expression that anchors a mention, as the extractor found it in the article text. */
@Embeddable
public class TemporalExpression {

    @Column(name = "expression_text", nullable = false)
    public String text;

    /** DATE, TIME, DURATION or SET. */
    @Column(name = "expression_type", nullable = false)
    public String type;

    @Column(name = "expression_value", nullable = false)
    public String value;

    /** Character offset into the normalized article text. */
    @Column(name = "expression_start", nullable = false)
    public int start;

    @Column(name = "expression_end", nullable = false)
    public int end;

    /** The extraction rule that produced it, kept to trace wrong dates back to their rule. */
    @Column(nullable = false)
    public String rule;
}
