package io.eventline.ingest.rest;

import io.eventline.ingest.service.ArticleAcceptance;

/**
 * The answer to an accepted article: published, with this version and this many events.
 */
public record ArticleAccepted(String articleId, long version, int events) {

    static ArticleAccepted of(ArticleAcceptance acceptance) {
        return new ArticleAccepted(acceptance.articleId(), acceptance.version(), acceptance.events());
    }
}
