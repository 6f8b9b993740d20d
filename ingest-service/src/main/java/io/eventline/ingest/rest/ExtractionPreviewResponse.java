package io.eventline.ingest.rest;

import io.eventline.ingest.messaging.ArticleMessage;
import io.eventline.ingest.service.ExtractionPreview;

import java.util.List;

/**
 * What extraction finds, in the same shape as the events of an article message, so newsroom tools
 * see exactly what would be published. Offsets refer to {@code normalizedText}.
 */
public record ExtractionPreviewResponse(List<ArticleMessage.Expression> expressions, List<ArticleMessage.Event> events,
                                        String normalizedText) {

    static ExtractionPreviewResponse of(ExtractionPreview preview) {
        return new ExtractionPreviewResponse(
                preview.extraction().expressions().stream().map(ArticleMessage.Expression::of).toList(),
                preview.extraction().events().stream().map(ArticleMessage.Event::of).toList(),
                preview.text().text());
    }
}
