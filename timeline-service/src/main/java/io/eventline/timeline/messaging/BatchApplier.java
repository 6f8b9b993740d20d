package io.eventline.timeline.messaging;

import io.eventline.timeline.repository.DatabaseProbe;
import io.eventline.timeline.service.ArticleService;
import io.quarkus.logging.Log;
import org.apache.kafka.clients.consumer.ConsumerRecord;

import java.nio.charset.StandardCharsets;
import java.sql.SQLException;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

/**
 * Applies one polled batch of article records to the database and says what became of each:
 * applied, stale (the article already holds that version or a newer one), or dead (to the
 * dead-letter topic). Never commits offsets and never writes dead letters itself: the consumer
 * does both, in that order, after this returns.
 *
 * <p>The batch is applied in as few transactions as the transaction budget allows (one, unless the
 * machine is slow: see {@link ArticleService#applyAll}). If one fails while the database still
 * answers, a record is to blame: the records not applied yet are then applied one per transaction,
 * each refused one retried up to {@code maxAttempts} times with a doubling pause, and dead-lettered if
 * still refused, so one poison record neither blocks nor loses the others.
 */
final class BatchApplier {

    /** Waits between attempts; answers false if the consumer is stopping meanwhile. */
    interface Pause {
        boolean sleep(Duration duration);
    }

    /** Times a transaction aborted by a deadlock or serialization failure is tried again before it counts as failed. */
    private static final int MAX_CONFLICT_RETRIES = 5;

    private final ArticleMessageReader reader;
    private final ArticleService articles;
    private final DatabaseProbe database;
    private final int maxAttempts;
    private final Duration retryBackoff;
    private final Duration retryBackoffMax;
    private final Duration transactionBudget;
    private final Pause pause;
    private final Clock clock = Clock.systemUTC();

    BatchApplier(ArticleMessageReader reader, ArticleService articles, DatabaseProbe database,
                 int maxAttempts, Duration retryBackoff, Duration retryBackoffMax, Duration transactionBudget,
                 Pause pause) {
        this.reader = reader;
        this.articles = articles;
        this.database = database;
        this.maxAttempts = maxAttempts;
        this.retryBackoff = retryBackoff;
        this.retryBackoffMax = retryBackoffMax;
        this.transactionBudget = transactionBudget;
        this.pause = pause;
    }

    /**
     * @throws RetryBatchException when the database does not answer (or the consumer stops while
     *                             retrying): nothing of the batch may be committed
     */
    Result apply(Iterable<ConsumerRecord<byte[], byte[]>> records) throws RetryBatchException {
        Result result = new Result();
        List<ConsumerRecord<byte[], byte[]>> polled = new ArrayList<>();
        records.forEach(polled::add);
        List<ArticleMessageReader.Reading> readings = reader.readAll(
                polled.stream().map(r -> new ArticleMessageReader.Encoded(key(r), r.value())).toList());
        List<ParsedRecord> batch = new ArrayList<>();
        for (int i = 0; i < polled.size(); i++) {
            ConsumerRecord<byte[], byte[]> record = polled.get(i);
            InvalidMessageException invalid = readings.get(i).invalid();
            if (invalid == null) {
                batch.add(new ParsedRecord(record, readings.get(i).message()));
            } else {
                Log.errorf("Dead-lettering invalid record %s-%d@%d (key %s): %s",
                        record.topic(), record.partition(), record.offset(), key(record), invalid.getMessage());
                result.deadLetters.add(new DeadLetter(record, DeadLetter.Reason.INVALID, invalid, 1, clock.instant()));
            }
        }
        if (batch.isEmpty()) {
            return result;
        }
        List<ArticleMessage> messages = batch.stream().map(ParsedRecord::message).toList();
        List<ArticleService.Outcome> outcomes = new ArrayList<>(messages.size());
        try {
            while (outcomes.size() < messages.size()) {
                outcomes.addAll(applyAllThroughConflicts(messages.subList(outcomes.size(), messages.size())));
            }
        } catch (RuntimeException e) {
            if (!database.reachable()) {
                throw new RetryBatchException("database unavailable", e);
            }
            Log.warnf("A batch of %d records failed (%s); applying the %d not applied yet one by one",
                    batch.size(), DeadLetter.rootCause(e), batch.size() - outcomes.size());
            for (int i = 0; i < outcomes.size(); i++) {
                result.count(batch.get(i).message(), outcomes.get(i));
            }
            for (ParsedRecord parsed : batch.subList(outcomes.size(), batch.size())) {
                applyWithRetries(parsed, result);
            }
            return result;
        }
        for (int i = 0; i < batch.size(); i++) {
            result.count(batch.get(i).message(), outcomes.get(i));
        }
        return result;
    }

    /**
     * Applies the first messages in one transaction (as many as its budget allows, at least one), again
     * if PostgreSQL broke a deadlock by aborting it: the
     * consumer instances lock the events they place mentions into, and two instances can, rarely, wait
     * for each other. Such an abort says nothing against the records.
     */
    private List<ArticleService.Outcome> applyAllThroughConflicts(List<ArticleMessage> messages) throws RetryBatchException {
        Backoff backoff = new Backoff(retryBackoff, retryBackoffMax);
        for (int conflicts = 0; ; conflicts++) {
            try {
                return articles.applyAll(messages, transactionBudget);
            } catch (RuntimeException e) {
                if (!isConcurrencyConflict(e) || conflicts >= MAX_CONFLICT_RETRIES) {
                    throw e;
                }
                Log.infof("A batch of %d records met a concurrent one (%s); applying it again", messages.size(),
                        DeadLetter.rootCause(e));
                if (!pause.sleep(backoff.next())) {
                    throw new RetryBatchException("stopping while retrying", e);
                }
            }
        }
    }

    /** A deadlock broken or a serialization failure: the transaction lost a race, nothing is wrong with it. */
    static boolean isConcurrencyConflict(Throwable failure) {
        for (Throwable cause = failure; cause != null && cause.getCause() != cause; cause = cause.getCause()) {
            if (cause instanceof SQLException sql && ("40P01".equals(sql.getSQLState()) || "40001".equals(sql.getSQLState()))) {
                return true;
            }
        }
        return false;
    }

    private void applyWithRetries(ParsedRecord parsed, Result result) throws RetryBatchException {
        Backoff backoff = new Backoff(retryBackoff, retryBackoffMax);
        ConsumerRecord<byte[], byte[]> record = parsed.record();
        RuntimeException failure = null;
        int conflicts = 0;
        for (int attempt = 1; attempt <= maxAttempts; attempt++) {
            if ((attempt > 1 || conflicts > 0) && !pause.sleep(backoff.next())) {
                throw new RetryBatchException("stopping while retrying", failure);
            }
            try {
                result.count(parsed.message(), articles.apply(parsed.message()));
                return;
            } catch (RuntimeException e) {
                if (!database.reachable()) {
                    throw new RetryBatchException("database unavailable", e);
                }
                failure = e;
                if (isConcurrencyConflict(e) && conflicts++ < MAX_CONFLICT_RETRIES) {
                    attempt--;   // not the record's fault: does not count towards dead-lettering it
                    continue;
                }
                Log.warnf("Attempt %d of %d at record %s-%d@%d (article %s version %d) failed: %s",
                        attempt, maxAttempts, record.topic(), record.partition(), record.offset(),
                        parsed.message().articleId(), parsed.message().version(), DeadLetter.rootCause(e));
            }
        }
        Log.errorf(failure, "Dead-lettering record %s-%d@%d (article %s version %d): the database refused it %d times",
                record.topic(), record.partition(), record.offset(),
                parsed.message().articleId(), parsed.message().version(), maxAttempts);
        result.deadLetters.add(new DeadLetter(record, DeadLetter.Reason.REJECTED, failure, maxAttempts, clock.instant()));
    }

    private static String key(ConsumerRecord<byte[], byte[]> record) {
        return record.key() == null ? null : new String(record.key(), StandardCharsets.UTF_8);
    }

    /** What became of a batch; recorded in the metrics once the batch is committed. */
    static final class Result {
        private final List<ArticleMessage.Kind> applied = new ArrayList<>();
        private int stale;
        private final List<DeadLetter> deadLetters = new ArrayList<>();

        private void count(ArticleMessage message, ArticleService.Outcome outcome) {
            if (outcome == ArticleService.Outcome.APPLIED) {
                applied.add(message.kind());
                Log.debugf("Applied %s of article %s version %d", message.kind(), message.articleId(), message.version());
            } else {
                stale++;
                Log.debugf("Ignored %s of article %s version %d: not newer than the one held",
                        message.kind(), message.articleId(), message.version());
            }
        }

        List<DeadLetter> deadLetters() {
            return deadLetters;
        }

        void record(ConsumerMetrics metrics) {
            applied.forEach(metrics::applied);
            for (int i = 0; i < stale; i++) {
                metrics.stale();
            }
            deadLetters.forEach(deadLetter -> metrics.deadLettered(deadLetter.reason()));
        }
    }

    private record ParsedRecord(ConsumerRecord<byte[], byte[]> record, ArticleMessage message) {
    }

    /** The batch was not (entirely) applied and must be delivered again; nothing of it may be committed. */
    static final class RetryBatchException extends Exception {
        RetryBatchException(String reason, Throwable cause) {
            super(reason, cause);
        }
    }
}
