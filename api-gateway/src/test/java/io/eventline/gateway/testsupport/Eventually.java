package io.eventline.gateway.testsupport;

import java.util.function.BooleanSupplier;

/**
 * Waits for something the gateway does in the background (a reload, a breaker closing, a log line written
 * after the response). The limit is only there so a broken gateway fails the test instead of hanging it;
 * nothing is asserted about how long it took.
 */
public final class Eventually {

    private static final int ATTEMPTS = 600;
    private static final long PAUSE_MILLIS = 50;

    private Eventually() {
    }

    public static void until(String what, BooleanSupplier condition) {
        for (int attempt = 0; attempt < ATTEMPTS; attempt++) {
            if (condition.getAsBoolean()) {
                return;
            }
            try {
                Thread.sleep(PAUSE_MILLIS);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new AssertionError(e);
            }
        }
        throw new AssertionError("never happened: " + what);
    }
}
