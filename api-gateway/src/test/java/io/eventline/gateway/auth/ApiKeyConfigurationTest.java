package io.eventline.gateway.auth;

import static io.eventline.gateway.auth.ApiKeyStore.sha256Hex;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import io.eventline.gateway.auth.ApiKeyConfiguration.UnsafeKeys;

/**
 * The rules that stop a production gateway from starting with unsafe keys. (That the packaged jar really
 * exits on them is checked end to end by {@code ProdStartupIT}.)
 */
class ApiKeyConfigurationTest {

    private static final boolean PROD = true;
    private static final boolean DEV_TEST_OR_LOCAL = false;

    @TempDir
    Path dir;

    private static String document(String name, String scope, String key) {
        return "keys:\n  - name: " + name + "\n    scopes: [\"" + scope + "\"]\n    sha256: [\"" + sha256Hex(key) + "\"]\n";
    }

    private static ApiKeyConfiguration inline(String document, boolean production) {
        return new ApiKeyConfiguration(Optional.empty(), Optional.of(document), Optional.empty(), Optional.empty(),
                production);
    }

    @Test
    void prodWithoutKeysNamesTheSettingsToSet() {
        ApiKeyConfiguration none = new ApiKeyConfiguration(Optional.empty(), Optional.empty(), Optional.empty(),
                Optional.empty(), PROD);

        assertThatThrownBy(none::load).isInstanceOf(UnsafeKeys.class)
                .hasMessageContaining("EVENTLINE_GATEWAY_KEYS_FILE").hasMessageContaining("EVENTLINE_GATEWAY_KEYS");
    }

    @Test
    void prodReadsDigestsFromTheKeysFile() throws Exception {
        Path file = Files.writeString(dir.resolve("api-keys.yaml"), document("newsroom", "articles:write", "n-7a93f1c04e"));

        ApiKeyStore keys = new ApiKeyConfiguration(Optional.of(file), Optional.empty(), Optional.empty(),
                Optional.empty(), PROD).load();

        assertThat(keys.authenticate("n-7a93f1c04e")).map(ApiKey::name).contains("newsroom");
    }

    @Test
    void keysFileWinsOverTheInlineDocument() throws Exception {
        Path file = Files.writeString(dir.resolve("api-keys.yaml"), document("newsroom", "articles:write", "from-file"));

        ApiKeyStore keys = new ApiKeyConfiguration(Optional.of(file),
                Optional.of(document("dashboard", "timelines:read", "from-env")), Optional.empty(), Optional.empty(),
                PROD).load();

        assertThat(keys.accepts("from-file")).isTrue();
        assertThat(keys.accepts("from-env")).isFalse();
    }

    @Test
    void missingKeysFileIsRefusedNamingThePathAndSetting() {
        Path missing = dir.resolve("nowhere.yaml");
        ApiKeyConfiguration config = new ApiKeyConfiguration(Optional.of(missing), Optional.empty(), Optional.empty(),
                Optional.empty(), PROD);

        assertThatThrownBy(config::load).hasMessageContaining(missing.toString())
                .hasMessageContaining("EVENTLINE_GATEWAY_KEYS_FILE");
    }

    @Test
    void prodRefusesTheDocumentedDevelopmentKeysEvenAsDigests() {
        assertThatThrownBy(() -> inline(document("newsroom", "articles:write", "dev-newsroom-key"), PROD).load())
                .hasMessageContaining("publicly documented");
        assertThatThrownBy(() -> inline(document("ci", "timelines:read", "dev-dashboard-key"), PROD).load())
                .hasMessageContaining("publicly documented");
    }

    @Test
    void prodRefusesPlainKeysInTheEnvironmentAndSaysWhatToDoInstead() {
        ApiKeyConfiguration plain = new ApiKeyConfiguration(Optional.empty(),
                Optional.of(document("newsroom", "articles:write", "n-1")), Optional.of("n-5f0c8e2b7a41"),
                Optional.of("d-93be1c7d0f62"), PROD);

        assertThatThrownBy(plain::load).isInstanceOf(UnsafeKeys.class)
                .satisfies(e -> assertThat(((UnsafeKeys) e).problems()).hasSize(2)
                        .anySatisfy(p -> assertThat(p).contains("EVENTLINE_GATEWAY_NEWSROOM_KEY").contains("keys file"))
                        .anySatisfy(p -> assertThat(p).contains("EVENTLINE_GATEWAY_DASHBOARD_KEY")))
                .message().doesNotContain("n-5f0c8e2b7a41", "d-93be1c7d0f62");
    }

    @Test
    void devTestAndLocalAddPlainKeysUnderTheClientNames() throws Exception {
        ApiKeyStore keys = new ApiKeyConfiguration(Optional.empty(),
                Optional.of(document("newsroom", "articles:write", "dev-newsroom-key")), Optional.of("custom-newsroom"),
                Optional.of("custom-dashboard"), DEV_TEST_OR_LOCAL).load();

        assertThat(keys.authenticate("dev-newsroom-key")).map(ApiKey::name).contains("newsroom");
        assertThat(keys.authenticate("custom-newsroom")).hasValueSatisfying(key -> {
            assertThat(key.name()).isEqualTo("newsroom");
            assertThat(key.has(Scope.ARTICLES_WRITE)).isTrue();
        });
        assertThat(keys.authenticate("custom-dashboard")).hasValueSatisfying(key -> {
            assertThat(key.name()).isEqualTo("dashboard");
            assertThat(key.has(Scope.TIMELINES_READ)).isTrue();
        });
    }

    @Test
    void brokenInlineDocumentNamesItsSetting() {
        assertThatThrownBy(() -> inline("keys: 3", DEV_TEST_OR_LOCAL).load())
                .hasMessageContaining("(env EVENTLINE_GATEWAY_KEYS)");
    }
}
