package io.eventline.gateway.testsupport;

/** The keys the test profile runs with (the ones documented in the README). */
public final class Keys {
    public static final String NEWSROOM = "Bearer dev-newsroom-key";
    public static final String DASHBOARD = "Bearer dev-dashboard-key";

    private Keys() {
    }
}
