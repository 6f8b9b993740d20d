package io.eventline.timeline.messaging;

/** A record that is not a valid article message: it is skipped, never retried. */
public class InvalidMessageException extends Exception {

    public InvalidMessageException(String message) {
        super(message);
    }

    public InvalidMessageException(String message, Throwable cause) {
        super(message, cause);
    }
}
