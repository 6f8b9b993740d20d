package io.eventline.gateway.auth;

import static io.eventline.gateway.auth.ApiKeyConfiguration.problems;
import static org.assertj.core.api.Assertions.assertThat;

import java.util.Optional;

import org.junit.jupiter.api.Test;

/**
 * The rules that stop a production gateway from starting with unsafe keys. (That the packaged jar really
 * exits on them is checked end to end by {@code ProdStartupIT}.)
 */
class ApiKeyConfigurationTest {

    private static final boolean PROD = false;
    private static final boolean DEV_TEST_OR_LOCAL = true;

    @Test
    void prodWithoutKeysNamesBothSettingsToFix() {
        assertThat(problems(Optional.empty(), Optional.empty(), PROD))
                .hasSize(2)
                .anySatisfy(p -> assertThat(p).contains("EVENTLINE_GATEWAY_NEWSROOM_KEY").contains("not set"))
                .anySatisfy(p -> assertThat(p).contains("EVENTLINE_GATEWAY_DASHBOARD_KEY").contains("not set"));
    }

    @Test
    void blankKeyCountsAsMissing() {
        assertThat(problems(Optional.of("  "), Optional.of("d-0d1f8c2e9b"), PROD))
                .singleElement().asString().contains("EVENTLINE_GATEWAY_NEWSROOM_KEY");
    }

    @Test
    void prodRefusesTheDocumentedDevelopmentKeys() {
        assertThat(problems(Optional.of("dev-newsroom-key"), Optional.of("dev-dashboard-key"), PROD))
                .hasSize(2)
                .allSatisfy(p -> assertThat(p).contains("publicly documented"));
    }

    @Test
    void prodRefusesADocumentedKeyEvenUnderTheOtherClientsName() {
        assertThat(problems(Optional.of("dev-dashboard-key"), Optional.of("d-0d1f8c2e9b"), PROD))
                .singleElement().asString().contains("EVENTLINE_GATEWAY_NEWSROOM_KEY");
    }

    @Test
    void prodAcceptsSecretDistinctKeys() {
        assertThat(problems(Optional.of("n-7a93f1c04e"), Optional.of("d-0d1f8c2e9b"), PROD)).isEmpty();
    }

    @Test
    void devTestAndLocalMayUseTheDocumentedKeys() {
        assertThat(problems(Optional.of("dev-newsroom-key"), Optional.of("dev-dashboard-key"), DEV_TEST_OR_LOCAL)).isEmpty();
    }

    @Test
    void missingKeysAreRefusedEverywhere() {
        assertThat(problems(Optional.empty(), Optional.of("dev-dashboard-key"), DEV_TEST_OR_LOCAL)).hasSize(1);
    }

    @Test
    void oneKeyForBothClientsIsRefused() {
        assertThat(problems(Optional.of("shared-4b1e"), Optional.of("shared-4b1e"), PROD))
                .singleElement().asString().contains("identical");
    }

    @Test
    void problemsNeverQuoteTheKeys() {
        assertThat(problems(Optional.of("shared-4b1e"), Optional.of("shared-4b1e"), PROD))
                .noneSatisfy(p -> assertThat(p).contains("shared-4b1e"));
    }
}
