package io.eventline.ingest.service;

/**
 * An article version Kafka has acknowledged.
 *
 * @param events how many dated events the version carries
 */
public record ArticleAcceptance(String articleId, long version, int events) {
}
