package io.eventline.gateway.auth;

import static io.eventline.gateway.auth.ApiKeyStore.sha256Hex;
import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.Map;

import org.junit.jupiter.api.Test;

import io.eventline.gateway.testsupport.Eventually;
import io.eventline.gateway.testsupport.Metrics;
import io.eventline.gateway.testsupport.Upstreams;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.QuarkusTestProfile;
import io.quarkus.test.junit.TestProfile;

/**
 * A key is rotated by editing the keys file while the gateway runs. The file is laid out the way Kubernetes
 * mounts a Secret: {@code api-keys.yaml -> ..data/api-keys.yaml}, {@code ..data -> ..<timestamp>/}, and an
 * update swaps the {@code ..data} symlink, so the file's own path never changes.
 */
@QuarkusTest
@WithTestResource(Upstreams.class)
@TestProfile(KeysFileRotationTest.MountedSecret.class)
class KeysFileRotationTest {

    /**
     * Derived from the process id rather than created once: Quarkus loads the profile class in another
     * class loader than the test, so a static created in each would be two directories.
     */
    static final Path SECRET_VOLUME = createVolume();

    public static class MountedSecret implements QuarkusTestProfile {
        @Override
        public Map<String, String> getConfigOverrides() {
            writeSecret(keys(sha256Hex("newsroom-old")));
            return Map.of("eventline.gateway.keys-file", SECRET_VOLUME.resolve("api-keys.yaml").toString(),
                    "eventline.gateway.keys-reload-interval", "100ms");
        }
    }

    @Test
    void newKeyWorksAlongsideTheOldOneThenTheOldOneIsWithdrawnWithoutARestart() {
        assertThat(status("newsroom-old")).isEqualTo(200);
        assertThat(status("newsroom-new")).isEqualTo(401);

        writeSecret(keys(sha256Hex("newsroom-old"), sha256Hex("newsroom-new")));
        Eventually.until("the new key is accepted", () -> status("newsroom-new") == 200);
        assertThat(status("newsroom-old")).as("both keys are valid during the rotation").isEqualTo(200);

        writeSecret(keys(sha256Hex("newsroom-new")));
        Eventually.until("the old key is withdrawn", () -> status("newsroom-old") == 401);
        assertThat(status("newsroom-new")).isEqualTo(200);

        // A broken update must not lock everyone out: the previous keys stay until a good file arrives.
        double refusedBefore = refusedReloads();
        writeSecret("keys: [ {name: newsroom");
        Eventually.until("the broken file is refused", () -> refusedReloads() > refusedBefore);
        assertThat(status("newsroom-new")).isEqualTo(200);

        writeSecret(keys(sha256Hex("newsroom-newer")));
        Eventually.until("the next key is accepted", () -> status("newsroom-newer") == 200);
        assertThat(status("newsroom-new")).isEqualTo(401);
    }

    private static int status(String key) {
        return given().header("Authorization", "Bearer " + key).get("/api/v1/articles/a-1").statusCode();
    }

    private static double refusedReloads() {
        return Metrics.sum("eventline_gateway_api_keys_reloads_total", "outcome=\"refused\"");
    }

    private static String keys(String... digests) {
        return "keys:\n  - name: newsroom\n    scopes: [\"articles:write\"]\n    sha256: [\"" + String.join("\", \"", digests)
                + "\"]\n";
    }

    private static Path createVolume() {
        try {
            Path volume = Path.of(System.getProperty("java.io.tmpdir"),
                    "eventline-secret-volume-" + ProcessHandle.current().pid());
            return Files.createDirectories(volume);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Writes a new version of the Secret the way the kubelet does: new directory, then an atomic symlink swap. */
    static synchronized void writeSecret(String content) {
        try {
            Path versionDir = Files.createDirectory(SECRET_VOLUME.resolve("..v" + System.nanoTime()));
            Files.writeString(versionDir.resolve("api-keys.yaml"), content);
            Path newLink = SECRET_VOLUME.resolve("..data_tmp");
            Files.deleteIfExists(newLink);
            Files.createSymbolicLink(newLink, versionDir.getFileName());
            Files.move(newLink, SECRET_VOLUME.resolve("..data"), StandardCopyOption.ATOMIC_MOVE,
                    StandardCopyOption.REPLACE_EXISTING);
            Path file = SECRET_VOLUME.resolve("api-keys.yaml");
            if (!Files.isSymbolicLink(file)) {
                Files.createSymbolicLink(file, Path.of("..data", "api-keys.yaml"));
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
