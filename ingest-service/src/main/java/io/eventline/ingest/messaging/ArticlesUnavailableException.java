package io.eventline.ingest.messaging;

/**
 * Kafka did not acknowledge a message in time: the article is not known to be published and the
 * client must retry. Never a client's mistake, so the REST layer answers 503.
 */
public class ArticlesUnavailableException extends RuntimeException {

    public ArticlesUnavailableException(String message, Throwable cause) {
        // an expected condition during an outage: its cause says why, a stack trace of ours adds only noise
        super(message, cause, false, false);
    }
}
