package io.eventline.gateway.auth;

import static io.eventline.gateway.auth.ApiKeyStore.sha256Hex;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

import io.eventline.gateway.auth.ApiKeysDocument.InvalidKeysDocument;

class ApiKeysDocumentTest {

    @Test
    void yamlDocumentGivesEachKeyItsNameAndScopes() throws Exception {
        ApiKeyStore keys = ApiKeysDocument.parse("""
                keys:
                  - name: newsroom
                    scopes: ["articles:write"]
                    sha256: ["%s"]
                  - name: dashboard
                    scopes:
                      - timelines:read
                      - timelines:write
                    sha256:
                      - "%s"
                  - name: ops
                    scopes: [admin]
                    sha256: "%s"
                """.formatted(sha256Hex("n-secret"), sha256Hex("d-secret"), sha256Hex("o-secret")));

        assertThat(keys.authenticate("n-secret")).hasValueSatisfying(key -> {
            assertThat(key.name()).isEqualTo("newsroom");
            assertThat(key.has(Scope.ARTICLES_WRITE)).isTrue();
            assertThat(key.has(Scope.TIMELINES_READ)).isFalse();
        });
        assertThat(keys.authenticate("d-secret")).hasValueSatisfying(key -> {
            assertThat(key.has(Scope.TIMELINES_READ)).isTrue();
            assertThat(key.has(Scope.TIMELINES_WRITE)).isTrue();
            assertThat(key.has(Scope.ARTICLES_WRITE)).isFalse();
        });
        assertThat(keys.authenticate("o-secret")).hasValueSatisfying(key -> {
            assertThat(key.has(Scope.ARTICLES_WRITE)).as("admin holds every scope").isTrue();
            assertThat(key.has(Scope.TIMELINES_WRITE)).isTrue();
        });
        assertThat(keys.names()).containsExactly("dashboard", "newsroom", "ops");
    }

    @Test
    void jsonDocumentIsAcceptedToo() throws Exception {
        ApiKeyStore keys = ApiKeysDocument.parse("{\"keys\": [{\"name\": \"dashboard\", \"scopes\": [\"timelines:read\"],"
                + " \"sha256\": [\"" + sha256Hex("d-secret").toUpperCase() + "\"]}]}");

        assertThat(keys.authenticate("d-secret")).map(ApiKey::name).contains("dashboard");
    }

    @Test
    void twoDigestsUnderOneNameAreTheOldAndNewKeyOfARotation() throws Exception {
        ApiKeyStore keys = ApiKeysDocument.parse("""
                keys:
                  - name: newsroom
                    scopes: ["articles:write"]
                    sha256: ["%s", "%s"]
                """.formatted(sha256Hex("old-key"), sha256Hex("new-key")));

        assertThat(keys.authenticate("old-key")).map(ApiKey::name).contains("newsroom");
        assertThat(keys.authenticate("new-key")).map(ApiKey::name).contains("newsroom");
        assertThat(keys.size()).isEqualTo(2);
    }

    @Test
    void unknownScopeIsRefusedNamingTheKnownOnes() {
        assertThatThrownBy(() -> ApiKeysDocument.parse("""
                keys:
                  - name: newsroom
                    scopes: ["articles:publish"]
                    sha256: ["%s"]
                """.formatted(sha256Hex("k"))))
                .isInstanceOf(InvalidKeysDocument.class)
                .hasMessageContaining("'articles:publish'")
                .hasMessageContaining("articles:write, timelines:read, timelines:write, admin");
    }

    @Test
    void plainKeyWhereADigestBelongsIsRefusedWithoutQuotingIt() {
        assertThatThrownBy(() -> ApiKeysDocument.parse("""
                keys:
                  - name: newsroom
                    scopes: ["articles:write"]
                    sha256: ["n-5f0c8e2b7a41"]
                """))
                .isInstanceOf(InvalidKeysDocument.class)
                .hasMessageContaining("not 64 hex digits")
                .message().doesNotContain("n-5f0c8e2b7a41");
    }

    @Test
    void digestWrittenWithoutQuotesThatYamlReadsAsANumberIsRefused() {
        assertThatThrownBy(() -> ApiKeysDocument.parse("""
                keys:
                  - name: newsroom
                    scopes: ["articles:write"]
                    sha256: [1234567890123456789012345678901234567890123456789012345678901234]
                """))
                .isInstanceOf(InvalidKeysDocument.class).hasMessageContaining("in quotes");
    }

    @Test
    void oneKeyForTwoClientsIsRefused() {
        String shared = sha256Hex("shared");
        assertThatThrownBy(() -> ApiKeysDocument.parse("""
                keys:
                  - {name: newsroom, scopes: ["articles:write"], sha256: ["%s"]}
                  - {name: dashboard, scopes: ["timelines:read"], sha256: ["%s"]}
                """.formatted(shared, shared)))
                .isInstanceOf(InvalidKeysDocument.class).hasMessageContaining("shares a digest with key 'newsroom'");
    }

    @Test
    void nameListedTwiceIsRefused() {
        assertThatThrownBy(() -> ApiKeysDocument.parse("""
                keys:
                  - {name: newsroom, scopes: ["articles:write"], sha256: ["%s"]}
                  - {name: newsroom, scopes: ["articles:write"], sha256: ["%s"]}
                """.formatted(sha256Hex("a"), sha256Hex("b"))))
                .isInstanceOf(InvalidKeysDocument.class).hasMessageContaining("listed twice");
    }

    @Test
    void keyWithoutDigestsOrWithAnUnsafeNameIsRefused() {
        assertThatThrownBy(() -> ApiKeysDocument.parse("keys:\n  - {name: newsroom, scopes: []}\n"))
                .isInstanceOf(InvalidKeysDocument.class).hasMessageContaining("needs 'sha256'");
        assertThatThrownBy(() -> ApiKeysDocument.parse(
                "keys:\n  - {name: \"News Room\", scopes: [], sha256: [\"" + sha256Hex("a") + "\"]}\n"))
                .isInstanceOf(InvalidKeysDocument.class).hasMessageContaining("keys[0].name");
    }

    @Test
    void brokenYamlAndMissingKeysListAreRefused() {
        assertThatThrownBy(() -> ApiKeysDocument.parse("keys: [ {name: newsroom"))
                .isInstanceOf(InvalidKeysDocument.class).hasMessageContaining("not valid YAML");
        assertThatThrownBy(() -> ApiKeysDocument.parse("clients: []"))
                .isInstanceOf(InvalidKeysDocument.class).hasMessageContaining("top-level 'keys:'");
        assertThatThrownBy(() -> ApiKeysDocument.parse(""))
                .isInstanceOf(InvalidKeysDocument.class);
    }

    @Test
    void yamlTagsCannotInstantiateJavaObjects() {
        assertThatThrownBy(() -> ApiKeysDocument.parse("keys: !!java.util.ArrayList []"))
                .isInstanceOf(InvalidKeysDocument.class);
    }
}
