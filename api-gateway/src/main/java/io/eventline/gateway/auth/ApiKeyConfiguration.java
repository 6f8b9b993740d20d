package io.eventline.gateway.auth;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Set;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.enterprise.inject.Produces;
import jakarta.inject.Singleton;

import io.eventline.gateway.config.GatewayConfig;
import io.quarkus.logging.Log;
import io.quarkus.runtime.StartupEvent;
import io.quarkus.runtime.configuration.ConfigUtils;

/**
 * Turns the configured keys into the {@link ApiKeyStore}, and refuses to start with keys that would
 * leave the public door open: a missing key, or (outside dev, test and local) one of the keys
 * published in the README.
 */
@ApplicationScoped
public class ApiKeyConfiguration {

    /** Published in the README for dev, test and the local stack, so anyone can know them. */
    public static final String DOCUMENTED_NEWSROOM_KEY = "dev-newsroom-key";
    public static final String DOCUMENTED_DASHBOARD_KEY = "dev-dashboard-key";

    /** Profiles that are never reachable from the internet and may therefore use the published keys. */
    static final Set<String> PROFILES_ALLOWING_DOCUMENTED_KEYS = Set.of("dev", "test", "local");

    static final ApiKey NEWSROOM = new ApiKey("newsroom", Set.of(Scope.ARTICLES_WRITE));
    static final ApiKey DASHBOARD = new ApiKey("dashboard", Set.of(Scope.TIMELINES_READ, Scope.TIMELINES_WRITE));

    private static final String NEWSROOM_PROPERTY = "eventline.gateway.newsroom-key (env EVENTLINE_GATEWAY_NEWSROOM_KEY)";
    private static final String DASHBOARD_PROPERTY = "eventline.gateway.dashboard-key (env EVENTLINE_GATEWAY_DASHBOARD_KEY)";

    @Produces
    @Singleton
    ApiKeyStore apiKeyStore(GatewayConfig config) {
        List<String> activeProfiles = ConfigUtils.getProfiles();
        boolean documentedKeysAllowed = activeProfiles.stream().anyMatch(PROFILES_ALLOWING_DOCUMENTED_KEYS::contains);
        List<String> problems = problems(config.newsroomKey(), config.dashboardKey(), documentedKeysAllowed);
        if (!problems.isEmpty()) {
            throw new ApiKeyConfigurationException("The API gateway refuses to start (profile " + activeProfiles
                    + ") because its API keys are not safe:\n - " + String.join("\n - ", problems));
        }
        return ApiKeyStore.builder()
                .plain(NEWSROOM, config.newsroomKey().orElseThrow().strip())
                .plain(DASHBOARD, config.dashboardKey().orElseThrow().strip())
                .build();
    }

    /** Builds the store at startup rather than on the first request, so bad keys stop the process at once. */
    void loadAtStartup(@Observes StartupEvent event, ApiKeyStore store) {
        Log.infof("API gateway accepts %d API keys (%s, %s)", store.size(), NEWSROOM.name(), DASHBOARD.name());
    }

    /**
     * Everything wrong with the configured keys, in words an operator can act on; empty when they are usable.
     * Never includes a key itself.
     */
    public static List<String> problems(Optional<String> newsroomKey, Optional<String> dashboardKey,
            boolean documentedKeysAllowed) {
        List<String> problems = new ArrayList<>();
        check(NEWSROOM_PROPERTY, newsroomKey, documentedKeysAllowed, problems);
        check(DASHBOARD_PROPERTY, dashboardKey, documentedKeysAllowed, problems);
        if (present(newsroomKey) && present(dashboardKey) && newsroomKey.get().strip().equals(dashboardKey.get().strip())) {
            problems.add("the newsroom and dashboard keys are identical; each client needs its own key");
        }
        return problems;
    }

    private static void check(String property, Optional<String> key, boolean documentedKeysAllowed, List<String> problems) {
        if (!present(key)) {
            problems.add(property + " is not set");
        } else if (!documentedKeysAllowed && isDocumented(key.get())) {
            problems.add(property + " is one of the publicly documented development keys; set a secret key");
        }
    }

    private static boolean present(Optional<String> key) {
        return key.isPresent() && !key.get().isBlank();
    }

    private static boolean isDocumented(String key) {
        String k = key.strip();
        return k.equals(DOCUMENTED_NEWSROOM_KEY) || k.equals(DOCUMENTED_DASHBOARD_KEY);
    }

    /**
     * Startup failure whose message tells the operator exactly which setting to fix. It carries no stack
     * trace: where in the code the check sits is of no use to the operator and would bury the message.
     */
    public static final class ApiKeyConfigurationException extends RuntimeException {
        public ApiKeyConfigurationException(String message) {
            super(message, null, false, false);
        }
    }
}
