package io.eventline.ingest.rest;

import io.eventline.ingest.service.RetractionAcceptance;

/** The answer to a published retraction. */
public record RetractionAccepted(String articleId, long version) {

    static RetractionAccepted of(RetractionAcceptance acceptance) {
        return new RetractionAccepted(acceptance.articleId(), acceptance.version());
    }
}
