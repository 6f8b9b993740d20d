package io.eventline.ingest.service;

/** A retraction Kafka has acknowledged. */
public record RetractionAcceptance(String articleId, long version) {
}
