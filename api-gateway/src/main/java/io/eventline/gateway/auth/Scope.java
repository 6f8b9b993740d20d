package io.eventline.gateway.auth;

/** A permission an {@link ApiKey} can carry. The wire name is what callers see in 403 responses. */
public enum Scope {
    ARTICLES_WRITE("articles:write"),
    TIMELINES_READ("timelines:read"),
    TIMELINES_WRITE("timelines:write");

    private final String wireName;

    Scope(String wireName) {
        this.wireName = wireName;
    }

    public String wireName() {
        return wireName;
    }

    @Override
    public String toString() {
        return wireName;
    }
}
