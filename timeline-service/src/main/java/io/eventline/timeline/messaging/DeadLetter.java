package io.eventline.timeline.messaging;

import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.header.Header;
import org.apache.kafka.common.header.internals.RecordHeaders;

import java.nio.charset.StandardCharsets;
import java.time.Instant;

/**
 * A record of the articles topic that will never be applied, and why. On the dead-letter topic it
 * keeps its key, value and headers byte for byte, plus the {@code dead-letter-*} headers below, so
 * it can be inspected, fixed and sent again.
 */
record DeadLetter(ConsumerRecord<byte[], byte[]> record, Reason reason, Throwable failure, int attempts, Instant failedAt) {

    /** Why the record was given up on. */
    enum Reason {
        /** Not a valid article message (not JSON, breaks the contract...): never retried. */
        INVALID,
        /** A valid message the database refused on every attempt while otherwise answering. */
        REJECTED;

        String label() {
            return name().toLowerCase();
        }
    }

    /** {@code invalid} or {@code rejected}. */
    static final String REASON = "dead-letter-reason";
    /** The failure: exception class and message, at most {@link #MAX_TEXT} characters. */
    static final String EXCEPTION = "dead-letter-exception";
    /** Its root cause (e.g. the database's own error), when it has another one; same bound. */
    static final String CAUSE = "dead-letter-cause";
    /** Where the record was read: topic, partition and offset (decimal). */
    static final String TOPIC = "dead-letter-topic";
    static final String PARTITION = "dead-letter-partition";
    static final String OFFSET = "dead-letter-offset";
    /** When it was given up on, ISO 8601 (UTC). */
    static final String FAILED_AT = "dead-letter-failed-at";
    /** How many times applying it was tried (1 for an invalid record: parsing is not retried). */
    static final String ATTEMPTS = "dead-letter-attempts";

    /** Header values stay small: a database error can quote a whole row. */
    static final int MAX_TEXT = 1_000;

    ProducerRecord<byte[], byte[]> toProducerRecord(String deadLetterTopic) {
        RecordHeaders headers = new RecordHeaders();
        for (Header header : record.headers()) {
            if (!header.key().startsWith("dead-letter-")) {
                headers.add(header);
            }
        }
        add(headers, REASON, reason.label());
        add(headers, EXCEPTION, describe(failure));
        Throwable root = rootCause(failure);
        if (root != failure) {
            add(headers, CAUSE, describe(root));
        }
        add(headers, TOPIC, record.topic());
        add(headers, PARTITION, Integer.toString(record.partition()));
        add(headers, OFFSET, Long.toString(record.offset()));
        add(headers, FAILED_AT, failedAt.toString());
        add(headers, ATTEMPTS, Integer.toString(attempts));
        // no partition given: the key decides it, so an article's dead letters stay in order
        return new ProducerRecord<>(deadLetterTopic, null, record.key(), record.value(), headers);
    }

    static String describe(Throwable failure) {
        String text = failure.getClass().getName() + ": " + failure.getMessage();
        return text.length() <= MAX_TEXT ? text : text.substring(0, MAX_TEXT - 1) + "…";
    }

    static Throwable rootCause(Throwable failure) {
        Throwable root = failure;
        while (root.getCause() != null && root.getCause() != root) {
            root = root.getCause();
        }
        return root;
    }

    private static void add(RecordHeaders headers, String key, String value) {
        headers.add(key, value.getBytes(StandardCharsets.UTF_8));
    }
}
