package io.eventline.load;

/**
 * When each article is due, for an open-loop offered rate: article {@code n} (from 0) is due
 * {@code n / rate} seconds after the start, whatever happened to the earlier ones. A sender that fell
 * behind (too few requests may be in flight) catches up by sending what is due at once, so the
 * offered rate holds on average and falling behind shows as a backlog rather than a lower rate.
 * A rate of 0 means no pacing: everything is due at once, the in-flight bound is the only brake.
 */
final class RatePacer {

    private final double rate;

    RatePacer(double articlesPerSecond) {
        if (articlesPerSecond < 0) {
            throw new IllegalArgumentException("rate must not be negative");
        }
        this.rate = articlesPerSecond;
    }

    /** How many articles (counted from the start) are due {@code elapsedNanos} after the start. */
    long dueBy(long elapsedNanos) {
        if (rate == 0) {
            return Long.MAX_VALUE;
        }
        if (elapsedNanos < 0) {
            return 0;
        }
        // Article n is due at n / rate, so floor(elapsed * rate) + 1 are due (article 0 at once).
        return (long) Math.floor(elapsedNanos / 1e9 * rate) + 1;
    }

    /** Nanoseconds after the start at which article {@code n} is due. */
    long dueAt(long n) {
        return rate == 0 ? 0 : (long) Math.ceil(n * 1e9 / rate);
    }
}
