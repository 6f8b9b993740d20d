package io.eventline.gateway.auth;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Set;

import io.eventline.gateway.auth.ApiKeysDocument.InvalidKeysDocument;
import io.eventline.gateway.config.GatewayConfig;

/**
 * Where the accepted keys come from, and the rules that keep the public door shut: production takes only
 * digests (the keys file, or the same document in an environment variable), never the published
 * development keys, and never nothing. Every message names the setting to fix and never a key.
 *
 * @param keysFile      path of the keys file; when set, it is the only document read (and re-read on change)
 * @param keysDocument  the keys document passed inline, used when there is no file
 * @param newsroomKey   plain key for the newsroom client, dev/test/local profiles only
 * @param dashboardKey  plain key for the dashboard client, dev/test/local profiles only
 * @param production    whether the documented keys and plain keys are forbidden
 */
public record ApiKeyConfiguration(Optional<Path> keysFile, Optional<String> keysDocument, Optional<String> newsroomKey,
        Optional<String> dashboardKey, boolean production) {

    /** Published in the README for dev, test and the local stack, so anyone can know them. */
    public static final String DOCUMENTED_NEWSROOM_KEY = "dev-newsroom-key";
    public static final String DOCUMENTED_DASHBOARD_KEY = "dev-dashboard-key";

    /** Profiles that are never reachable from the internet and may therefore use the published keys. */
    public static final Set<String> PROFILES_ALLOWING_DOCUMENTED_KEYS = Set.of("dev", "test", "local");

    static final ApiKey NEWSROOM = new ApiKey("newsroom", Set.of(Scope.ARTICLES_WRITE));
    static final ApiKey DASHBOARD = new ApiKey("dashboard", Set.of(Scope.TIMELINES_READ, Scope.TIMELINES_WRITE));

    static final String KEYS_FILE_SETTING = "eventline.gateway.keys-file (env EVENTLINE_GATEWAY_KEYS_FILE)";
    static final String KEYS_SETTING = "eventline.gateway.keys (env EVENTLINE_GATEWAY_KEYS)";
    private static final String NEWSROOM_SETTING = "eventline.gateway.newsroom-key (env EVENTLINE_GATEWAY_NEWSROOM_KEY)";
    private static final String DASHBOARD_SETTING = "eventline.gateway.dashboard-key (env EVENTLINE_GATEWAY_DASHBOARD_KEY)";

    public static ApiKeyConfiguration of(GatewayConfig config, List<String> activeProfiles) {
        boolean production = activeProfiles.stream().noneMatch(PROFILES_ALLOWING_DOCUMENTED_KEYS::contains);
        return new ApiKeyConfiguration(config.keysFile(), config.keys().filter(document -> !document.isBlank()),
                config.newsroomKey().filter(key -> !key.isBlank()), config.dashboardKey().filter(key -> !key.isBlank()),
                production);
    }

    /** Reads and checks every source; the keys to accept, or everything that is wrong with them. */
    public ApiKeyStore load() throws UnsafeKeys {
        List<String> problems = new ArrayList<>();
        if (production) {
            newsroomKey.ifPresent(key -> problems.add(NEWSROOM_SETTING + " holds a plain key, which production does not"
                    + " accept: put its SHA-256 in the keys file and unset it"));
            dashboardKey.ifPresent(key -> problems.add(DASHBOARD_SETTING + " holds a plain key, which production does not"
                    + " accept: put its SHA-256 in the keys file and unset it"));
        }
        ApiKeyStore.Builder keys = ApiKeyStore.builder();
        try {
            document().ifPresent(keys::addAll);
        } catch (InvalidKeysDocument e) {
            problems.add(e.getMessage());
        }
        if (!production) {
            newsroomKey.ifPresent(key -> keys.plain(NEWSROOM, key.strip()));
            dashboardKey.ifPresent(key -> keys.plain(DASHBOARD, key.strip()));
        }
        ApiKeyStore store = keys.build();
        if (problems.isEmpty() && store.size() == 0) {
            problems.add("no API keys are configured: set " + KEYS_FILE_SETTING + " to the path of the keys file, or "
                    + KEYS_SETTING + " to its content");
        }
        if (production && (store.accepts(DOCUMENTED_NEWSROOM_KEY) || store.accepts(DOCUMENTED_DASHBOARD_KEY))) {
            problems.add("the keys include a publicly documented development key (dev-newsroom-key or"
                    + " dev-dashboard-key); issue a secret key and list its digest instead");
        }
        if (!problems.isEmpty()) {
            throw new UnsafeKeys(problems);
        }
        return store;
    }

    /** Whether the keys come from a file that may change while the gateway runs. */
    public boolean reloadable() {
        return keysFile.isPresent();
    }

    private Optional<ApiKeyStore> document() throws InvalidKeysDocument {
        if (keysFile.isPresent()) {
            Path file = keysFile.get();
            try {
                // Read whole each time: Kubernetes swaps a Secret volume's files by replacing a symlink.
                return Optional.of(ApiKeysDocument.parse(Files.readString(file, StandardCharsets.UTF_8)));
            } catch (IOException e) {
                throw new InvalidKeysDocument("cannot read the keys file " + file + " (" + KEYS_FILE_SETTING + "): "
                        + e.getClass().getSimpleName() + " " + e.getMessage());
            } catch (InvalidKeysDocument e) {
                throw new InvalidKeysDocument("the keys file " + file + " is not usable: " + e.getMessage());
            }
        }
        if (keysDocument.isPresent()) {
            try {
                return Optional.of(ApiKeysDocument.parse(keysDocument.get()));
            } catch (InvalidKeysDocument e) {
                throw new InvalidKeysDocument(KEYS_SETTING + " is not usable: " + e.getMessage());
            }
        }
        return Optional.empty();
    }

    /** Keys that must not be used; the message lists why, one reason a line. */
    public static final class UnsafeKeys extends Exception {
        private final List<String> problems;

        UnsafeKeys(List<String> problems) {
            super(String.join("\n - ", problems), null, false, false);
            this.problems = List.copyOf(problems);
        }

        public List<String> problems() {
            return problems;
        }
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
