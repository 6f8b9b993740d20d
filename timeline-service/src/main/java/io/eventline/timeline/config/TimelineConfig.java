package io.eventline.timeline.config;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;

import java.time.Duration;

/**
 * The timeline service's own knobs. Every key is overridable by its environment variable
 * (upper case, dots and dashes as underscores), e.g. {@code EVENTLINE_TIMELINE_ARTICLES_TOPIC}.
 * Kafka client settings live under {@code kafka.*} and are passed through to the consumer.
 */
@ConfigMapping(prefix = "eventline.timeline")
public interface TimelineConfig {

    /** Topic ingest-service publishes article messages to. */
    @WithDefault("eventline.articles")
    @NotBlank
    String articlesTopic();

    /**
     * Where records that cannot be applied go, with the reason in their headers: not a valid
     * message, or refused by the database on every attempt.
     */
    @WithDefault("eventline.articles.dlt")
    @NotBlank
    String deadLetterTopic();

    /** Consumer group; every instance of this service shares it so each article is applied once. */
    @WithDefault("timeline-service")
    @NotBlank
    String consumerGroup();

    Consumer consumer();

    Api api();

    Dedup dedup();

    Changes changes();

    interface Consumer {

        /** Whether to consume at all (off for an API-only instance). */
        @WithDefault("true")
        boolean enabled();

        /** Longest a poll waits for records; also bounds how long a shutdown waits for the poll. */
        @WithDefault("1s")
        Duration pollTimeout();

        /** Records per poll. */
        @WithDefault("500")
        @Min(1)
        int maxPollRecords();

        /**
         * How long one database transaction goes on taking the messages of a polled batch; the rest
         * of the batch is applied in further transactions (re-applying a message changes nothing, so
         * the offsets are still committed once, after the whole batch). Keeps a transaction, and the
         * date locks it holds against other instances, well within the transaction timeout (60 s)
         * however slow the machine: a message is started only within the budget.
         */
        @WithDefault("10s")
        Duration transactionBudget();

        /** First wait after the database failed a batch; doubled on each further failure. */
        @WithDefault("1s")
        Duration backoffInitial();

        /** Longest wait between retries while the database is down. */
        @WithDefault("30s")
        Duration backoffMax();

        /**
         * Attempts at applying a record the database refuses (while it otherwise answers) before
         * the record goes to the dead-letter topic.
         */
        @WithDefault("3")
        @Min(1)
        @Max(100)
        int maxAttempts();

        /** Pause after a refused attempt, doubled after each further one. */
        @WithDefault("200ms")
        Duration retryBackoff();

        /** Longest a write to the dead-letter topic may take; past it the batch is retried later. */
        @WithDefault("30s")
        Duration deadLetterTimeout();

        /** How long shutdown waits for the batch in progress to be applied and committed. */
        @WithDefault("30s")
        Duration shutdownTimeout();
    }

    interface Api {

        /** Events per page when the request gives no limit. */
        @WithDefault("50")
        @Min(1)
        @Max(10_000)
        int defaultLimit();

        /** Largest limit a request may ask for. */
        @WithDefault("500")
        @Min(1)
        @Max(10_000)
        int maxLimit();

        /**
         * The most events a list's {@code total} counts: a filter matching more says this number and
         * {@code totalExact: false}. Counting costs in proportion to the rows read to find that many
         * matches: at 1M events, 1,000 costs about what the page does, 10,000 about what counting them
         * all does for a frequent entity (README, Benchmarks). A dashboard needs "1,000+", not the figure.
         */
        @WithDefault("1000")
        @Min(1)
        @Max(1_000_000)
        int totalCap();
    }

    interface Dedup {

        /**
         * Most candidate events (those whose period overlaps the new mention's) a new mention is
         * compared with, the closest in length first: bounds the work for a coarse date (a century)
         * in a crowded timeline.
         */
        @WithDefault("200")
        @Min(1)
        @Max(10_000)
        int maxCandidates();

        /**
         * Most reports a late report (published before some report of its candidate events) re-clusters
         * with. Re-clustering the neighbourhood keeps the events independent of the order reports arrive
         * in, but costs the square of its reports: a report replayed late into a crowded year (hundreds of
         * reports) took seconds. Above this many, a late report is placed as an in-order one is (it joins
         * the event it is most similar to, or starts one); the reports already placed stay where they are.
         */
        @WithDefault("100")
        @Min(1)
        @Max(10_000)
        int maxRegroupReports();
    }

    /** The change feed of saved timelines (/changes, /stream) and how long its log is kept. */
    interface Changes {

        /**
         * How long the event change log keeps a change. A feed cursor older than what was pruned is
         * expired (410): its client must read the timeline again.
         */
        @WithDefault("7d")
        Duration retention();

        /** How often the log is pruned to the retention (every instance prunes; the deletes are idempotent). */
        @WithDefault("1h")
        Duration pruneInterval();

        /** Changes per feed response when the request gives no limit. */
        @WithDefault("100")
        @Min(1)
        @Max(10_000)
        int defaultLimit();

        /** Largest limit a feed request may ask for. */
        @WithDefault("1000")
        @Min(1)
        @Max(10_000)
        int maxLimit();
    }
}
