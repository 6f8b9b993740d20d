package io.eventline.gateway.auth;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.HexFormat;
import java.util.Set;

import org.junit.jupiter.api.Test;

class ApiKeyStoreTest {

    private static final ApiKey NEWSROOM = new ApiKey("newsroom", Set.of(Scope.ARTICLES_WRITE));
    private static final ApiKey DASHBOARD = new ApiKey("dashboard", Set.of(Scope.TIMELINES_READ, Scope.TIMELINES_WRITE));

    private final ApiKeyStore store = ApiKeyStore.builder()
            .plain(NEWSROOM, "newsroom-secret-1")
            .plain(DASHBOARD, "dashboard-secret-1")
            .build();

    @Test
    void recognisesEachKeyAsItsOwner() {
        assertThat(store.authenticate("newsroom-secret-1")).contains(NEWSROOM);
        assertThat(store.authenticate("dashboard-secret-1")).contains(DASHBOARD);
    }

    @Test
    void rejectsAnythingThatIsNotExactlyAKey() {
        assertThat(store.authenticate("newsroom-secret-2")).isEmpty();
        assertThat(store.authenticate("NEWSROOM-SECRET-1")).isEmpty();
        assertThat(store.authenticate("newsroom-secret-1 ")).isEmpty();
        assertThat(store.authenticate("newsroom-secret")).isEmpty();
        assertThat(store.authenticate("")).isEmpty();
        assertThat(store.authenticate(null)).isEmpty();
    }

    @Test
    void oldAndNewKeyOfOneClientWorkSideBySideDuringRotation() {
        ApiKeyStore rotating = ApiKeyStore.builder()
                .plain(NEWSROOM, "newsroom-old")
                .plain(NEWSROOM, "newsroom-new")
                .build();

        assertThat(rotating.authenticate("newsroom-old")).contains(NEWSROOM);
        assertThat(rotating.authenticate("newsroom-new")).contains(NEWSROOM);
    }

    @Test
    void keyKnownOnlyByItsSha256DigestIsRecognised() throws Exception {
        String digest = HexFormat.of().formatHex(
                java.security.MessageDigest.getInstance("SHA-256").digest("from-a-vault".getBytes("UTF-8")));
        ApiKeyStore hashed = ApiKeyStore.builder().sha256Hex(DASHBOARD, digest).build();

        assertThat(hashed.authenticate("from-a-vault")).contains(DASHBOARD);
        assertThat(hashed.authenticate(digest)).as("the digest itself is not a key").isEmpty();
    }

    @Test
    void emptySecretIsRefusedWhenBuilding() {
        assertThatThrownBy(() -> ApiKeyStore.builder().plain(NEWSROOM, ""))
                .hasMessageContaining("newsroom");
    }

    @Test
    void fingerprintIdentifiesAKeyInLogsWithoutRevealingIt() {
        String fingerprint = ApiKeyStore.fingerprint("newsroom-secret-1");

        assertThat(fingerprint).hasSize(8).matches("[0-9a-f]{8}")
                .isEqualTo(ApiKeyStore.fingerprint("newsroom-secret-1"))
                .isNotEqualTo(ApiKeyStore.fingerprint("newsroom-secret-2"));
        assertThat("newsroom-secret-1").doesNotContain(fingerprint);
    }
}
