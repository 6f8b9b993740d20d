package io.eventline.gateway.auth;

import java.util.Arrays;
import java.util.Optional;
import java.util.stream.Collectors;

/** A permission an {@link ApiKey} can carry. The wire name is what callers see in 403 responses. */
public enum Scope {
    ARTICLES_WRITE("articles:write"),
    TIMELINES_READ("timelines:read"),
    TIMELINES_WRITE("timelines:write"),
    /** Operators' keys: holds every other scope, so a new scope never locks operators out. */
    ADMIN("admin");

    private final String wireName;

    Scope(String wireName) {
        this.wireName = wireName;
    }

    public String wireName() {
        return wireName;
    }

    public static Optional<Scope> fromWireName(String name) {
        return Arrays.stream(values()).filter(scope -> scope.wireName.equals(name)).findFirst();
    }

    /** "articles:write, timelines:read, ...", for messages that tell an operator what is allowed. */
    public static String allWireNames() {
        return Arrays.stream(values()).map(Scope::wireName).collect(Collectors.joining(", "));
    }

    @Override
    public String toString() {
        return wireName;
    }
}
