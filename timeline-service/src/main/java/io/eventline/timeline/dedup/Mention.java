package io.eventline.timeline.dedup;

import java.util.Objects;

/** A report with its precomputed features: the unit the judge and the clustering work on. */
public record Mention(Report report, MentionFeatures features) {

    public Mention {
        Objects.requireNonNull(report, "report");
        Objects.requireNonNull(features, "features");
    }

    public static Mention of(Report report) {
        return new Mention(report, MentionFeatures.of(report.text(), report.entities()));
    }

    public String id() {
        return report.mentionId();
    }

    public ReportedDate date() {
        return report.date();
    }
}
