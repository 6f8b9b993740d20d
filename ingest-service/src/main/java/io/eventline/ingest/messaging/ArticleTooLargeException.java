package io.eventline.ingest.messaging;

/**
 * The article's message is larger than Kafka takes ({@link ArticlesTopic#MAX_MESSAGE_BYTES}): the client's
 * article, not an outage, so it is refused for good instead of being answered "send it again later".
 */
public class ArticleTooLargeException extends RuntimeException {

    public ArticleTooLargeException(int messageChars, Throwable cause) {
        super("the article and its events make a message of about " + messageChars
                + " characters, more than the " + ArticlesTopic.MAX_MESSAGE_BYTES + " bytes Kafka takes", cause);
    }
}
