package io.eventline.gateway.auth;

import java.io.IOException;
import java.nio.file.Files;
import java.time.Duration;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicReference;

import jakarta.annotation.PreDestroy;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;
import jakarta.inject.Singleton;

import io.eventline.gateway.auth.ApiKeyConfiguration.ApiKeyConfigurationException;
import io.eventline.gateway.auth.ApiKeyConfiguration.UnsafeKeys;
import io.eventline.gateway.config.GatewayConfig;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.quarkus.logging.Log;
import io.quarkus.runtime.StartupEvent;
import io.quarkus.runtime.configuration.ConfigUtils;

/**
 * The keys the gateway accepts right now. Loaded at startup, which fails when they are unsafe; when they
 * come from a keys file, the file is re-read whenever its content changes, so a key is rotated by adding
 * the new digest, waiting for clients to switch, and removing the old one, all without a restart. A
 * changed file that is unreadable or unsafe is refused as a whole and the previous keys stay in force.
 */
@Singleton
public class ApiKeyRegistry {

    private final ApiKeyConfiguration configuration;
    private final Duration reloadInterval;
    private final AtomicReference<ApiKeyStore> current;
    private final Counter reloads;
    private final Counter refusedReloads;
    private ScheduledExecutorService reloader;
    /** The file content the current keys (or the last refusal) came from, so an unchanged file is not re-parsed. */
    private byte[] lastSeenContent;

    @Inject
    public ApiKeyRegistry(GatewayConfig config, MeterRegistry meters) {
        List<String> profiles = ConfigUtils.getProfiles();
        this.configuration = ApiKeyConfiguration.of(config, profiles);
        this.reloadInterval = config.keysReloadInterval();
        this.lastSeenContent = readKeysFile();
        try {
            this.current = new AtomicReference<>(configuration.load());
        } catch (UnsafeKeys e) {
            throw new ApiKeyConfigurationException("The API gateway refuses to start (profile " + profiles
                    + ") because its API keys are not safe:\n - " + e.getMessage());
        }
        Gauge.builder("eventline.gateway.api.keys", current, keys -> keys.get().size())
                .description("SHA-256 digests accepted (two for a key being rotated)").register(meters);
        this.reloads = Counter.builder("eventline.gateway.api.keys.reloads").tag("outcome", "applied")
                .description("Changes of the keys file, by outcome").register(meters);
        this.refusedReloads = Counter.builder("eventline.gateway.api.keys.reloads").tag("outcome", "refused")
                .description("Changes of the keys file, by outcome").register(meters);
    }

    void start(@Observes StartupEvent event) {
        ApiKeyStore keys = current.get();
        Log.infof("API gateway accepts %d API key digests for %s%s", keys.size(), keys.names(),
                configuration.keysFile().map(file -> ", from " + file + ", checked for changes every " + reloadInterval)
                        .orElse(""));
        if (configuration.reloadable()) {
            reloader = Executors.newSingleThreadScheduledExecutor(runnable -> {
                Thread thread = new Thread(runnable, "api-keys-reload");
                thread.setDaemon(true);
                return thread;
            });
            long millis = reloadInterval.toMillis();
            reloader.scheduleWithFixedDelay(this::reloadIfChanged, millis, millis, TimeUnit.MILLISECONDS);
        }
    }

    @PreDestroy
    void stop() {
        if (reloader != null) {
            reloader.shutdownNow();
        }
    }

    /** The key the presented secret belongs to, or empty if it is not one of ours. */
    public Optional<ApiKey> authenticate(String presentedSecret) {
        return current.get().authenticate(presentedSecret);
    }

    void reloadIfChanged() {
        byte[] content = readKeysFile();
        if (Arrays.equals(content, lastSeenContent)) {
            return;
        }
        lastSeenContent = content;
        try {
            ApiKeyStore keys = configuration.load();
            current.set(keys);
            reloads.increment();
            Log.infof("API keys reloaded from %s: %d digests for %s", configuration.keysFile().orElseThrow(),
                    keys.size(), keys.names());
        } catch (UnsafeKeys e) {
            refusedReloads.increment();
            Log.errorf("The changed keys file was refused, the previous keys stay in force:\n - %s", e.getMessage());
        } catch (RuntimeException e) {
            // The schedule stops for good if a task throws, and with it every later rotation.
            refusedReloads.increment();
            Log.errorf(e, "Reloading the keys file failed, the previous keys stay in force");
        }
    }

    /** The keys file's bytes, or null when there is no file or it can't be read (load() says why). */
    private byte[] readKeysFile() {
        if (configuration.keysFile().isEmpty()) {
            return null;
        }
        try {
            return Files.readAllBytes(configuration.keysFile().get());
        } catch (IOException e) {
            return null;
        }
    }
}
