package io.eventline.ingest.service;

import io.eventline.ingest.extraction.EventExtractor;
import io.eventline.ingest.extraction.Extraction;
import io.eventline.ingest.messaging.ArticleMessage;
import io.eventline.ingest.messaging.ArticlePublisher;
import io.micrometer.core.instrument.DistributionSummary;
import io.micrometer.core.instrument.MeterRegistry;
import io.quarkus.logging.Log;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import java.time.LocalDate;
import java.util.List;
import java.util.concurrent.CompletionStage;

/**
 * Accepts articles: normalizes the text, extracts the dated events and publishes one message per
 * article version. An article counts as accepted only once Kafka has acknowledged its message.
 */
@ApplicationScoped
public class ArticleIngestion {

    private final ArticleTextNormalizer normalizer;
    private final EventExtractor extractor;
    private final ArticlePublisher publisher;
    private final DistributionSummary eventsPerArticle;

    @Inject
    public ArticleIngestion(ArticleTextNormalizer normalizer, EventExtractor extractor, ArticlePublisher publisher,
                            MeterRegistry registry) {
        this.normalizer = normalizer;
        this.extractor = extractor;
        this.publisher = publisher;
        this.eventsPerArticle = DistributionSummary.builder("eventline.ingest.article.events")
                .description("Dated events extracted per accepted article version")
                .register(registry);
    }

    public CompletionStage<ArticleAcceptance> accept(Article article) {
        String title = normalizer.normalizeTitle(article.title());
        String text = normalizer.normalizeBody(article.body());
        Extraction extraction = extractor.extract(text, article.publishedAt().toLocalDate());
        ArticleMessage.Article published = ArticleMessage.Article.of(article.id(), article.url(), title,
                article.publishedAt(), article.source(), article.authors(), article.language(),
                ContentHash.of(title, text));
        List<ArticleMessage.Event> events = extraction.events().stream()
                .filter(event -> TimelineYears.containEvent(event.date().start().getYear())
                        && TimelineYears.containEvent(event.date().end().getYear()))
                .map(ArticleMessage.Event::of).toList();
        return publisher.publish(article.id(),
                        version -> ArticleMessage.articleVersion(version, published, events, extractor.name()))
                .thenApply(message -> {
                    eventsPerArticle.record(events.size());
                    // DEBUG: at a newsroom's rate a line per article is a stream nobody reads (the gateway's
                    // access log has every request, the metrics count them), written on Kafka's I/O thread
                    // (4 % of ingest-service's samples under deploy/load)
                    Log.debugf("Published article %s version %d with %d events", article.id(), message.version(),
                            events.size());
                    return new ArticleAcceptance(article.id(), message.version(), events.size());
                });
    }

    public CompletionStage<RetractionAcceptance> retract(String articleId) {
        return publisher.publish(articleId, version -> ArticleMessage.retraction(articleId, version))
                .thenApply(message -> {
                    Log.infof("Published retraction of article %s as version %d", articleId, message.version());
                    return new RetractionAcceptance(articleId, message.version());
                });
    }

    /**
     * The extraction an article with this body would carry, run exactly as for articles; the
     * normalized text keeps the way back to {@code text}'s offsets.
     */
    public ExtractionPreview preview(String text, LocalDate publicationDate) {
        NormalizedText normalized = normalizer.normalize(text);
        return new ExtractionPreview(normalized, extractor.extract(normalized.text(), publicationDate));
    }
}
