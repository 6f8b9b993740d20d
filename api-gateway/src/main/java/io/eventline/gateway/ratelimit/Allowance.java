package io.eventline.gateway.ratelimit;

import java.util.Optional;

import io.eventline.gateway.auth.Scope;
import io.eventline.gateway.config.GatewayConfig;

/**
 * Which budget a request draws from: the scope its route and method need, so a dashboard polling
 * timelines can't use up the budget it needs to write, and extraction (any key) has its own.
 */
public enum Allowance {
    ANY_KEY("any-key"),
    ARTICLES_WRITE("articles-write"),
    TIMELINES_READ("timelines-read"),
    TIMELINES_WRITE("timelines-write");

    private final String settingName;

    Allowance(String settingName) {
        this.settingName = settingName;
    }

    /** The part of the setting name, {@code eventline.gateway.rate-limit.<this>.burst}. */
    public String settingName() {
        return settingName;
    }

    public static Allowance forRequiredScope(Optional<Scope> scope) {
        if (scope.isEmpty()) {
            return ANY_KEY;
        }
        return switch (scope.get()) {
            case ARTICLES_WRITE -> ARTICLES_WRITE;
            case TIMELINES_READ -> TIMELINES_READ;
            case TIMELINES_WRITE -> TIMELINES_WRITE;
            // No route requires admin alone yet; such a route would get its own allowance.
            case ADMIN -> ANY_KEY;
        };
    }

    GatewayConfig.Limit limit(GatewayConfig.RateLimits limits) {
        return switch (this) {
            case ANY_KEY -> limits.anyKey();
            case ARTICLES_WRITE -> limits.articlesWrite();
            case TIMELINES_READ -> limits.timelinesRead();
            case TIMELINES_WRITE -> limits.timelinesWrite();
        };
    }
}
