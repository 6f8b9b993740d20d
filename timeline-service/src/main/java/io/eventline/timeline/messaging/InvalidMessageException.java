package io.eventline.timeline.messaging;

/** A record that is not a valid article message: it goes to the dead-letter topic at once, never retried. */
public class InvalidMessageException extends Exception {

    public InvalidMessageException(String message) {
        super(message);
    }

    public InvalidMessageException(String message, Throwable cause) {
        super(message, cause);
    }
}
