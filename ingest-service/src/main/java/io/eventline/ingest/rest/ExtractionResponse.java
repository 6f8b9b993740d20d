package io.eventline.ingest.rest;

import io.eventline.ingest.extraction.DatedEvent;
import io.eventline.ingest.extraction.TemporalExpression;
import io.eventline.ingest.extraction.TextSpan;
import io.eventline.ingest.messaging.ArticleMessage;
import io.eventline.ingest.service.ExtractionPreview;
import io.eventline.ingest.service.NormalizedText;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

import java.util.List;

/**
 * What extraction finds in a text: every temporal expression (timex) and the dated events, the
 * events in the same shape as in an article message. Unlike the message, every offset here is a
 * Java string index into the text exactly as submitted (mapped back through normalization), and
 * every {@code text} of an expression is that slice of the submitted text.
 */
public record ExtractionResponse(List<Timex> timexes, List<ArticleMessage.Event> events) {

    /** A temporal expression at {@code [begin, end)} of the submitted text. */
    @Schema(name = "Timex")
    public record Timex(int begin, int end, String text, String type, String value, String rule) {
    }

    static ExtractionResponse of(ExtractionPreview preview) {
        NormalizedText text = preview.text();
        return new ExtractionResponse(
                preview.extraction().expressions().stream().map(expression -> timex(text, expression)).toList(),
                preview.extraction().events().stream().map(event -> event(text, event)).toList());
    }

    private static Timex timex(NormalizedText text, TemporalExpression expression) {
        TextSpan span = text.originalSpan(expression.span());
        return new Timex(span.start(), span.end(), text.original().substring(span.start(), span.end()),
                expression.type().name(), expression.value(), expression.rule());
    }

    private static ArticleMessage.Event event(NormalizedText text, DatedEvent event) {
        ArticleMessage.Event inMessage = ArticleMessage.Event.of(event);
        TextSpan expression = text.originalSpan(event.expression().span());
        TextSpan sentence = text.originalSpan(event.sentence());
        TextSpan clause = text.originalSpan(event.clause());
        ArticleMessage.Expression written = inMessage.expression();
        return new ArticleMessage.Event(inMessage.date(), inMessage.text(),
                new ArticleMessage.Expression(text.original().substring(expression.start(), expression.end()),
                        written.type(), written.value(), expression.start(), expression.end(), written.rule()),
                new ArticleMessage.Sentence(sentence.start(), sentence.end()),
                inMessage.entities(), inMessage.confidence(),
                new ArticleMessage.Sentence(clause.start(), clause.end()));
    }
}
