package io.servicegroups.api.auth;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.quarkus.runtime.configuration.ConfigurationException;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * A malformed SG_AUTH_TOKENS stops the start with one line naming the setting: a ConfigurationException, which
 * Quarkus prints without a stack trace. The message never includes a token.
 */
class ApiTokensConfigTest {

    @ParameterizedTest(name = "\"{0}\"")
    @ValueSource(strings = {"garbage", "alice:", ":secret-1", "alice:secret-1,bob"})
    void aMalformedEntryIsAConfigurationError(String value) {
        assertThatThrownBy(() -> ApiTokens.parse(value))
                .isInstanceOf(ConfigurationException.class)
                .hasMessageContaining("SG_AUTH_TOKENS")
                .hasMessageNotContaining("secret-1");
    }

    @Test
    void aRepeatedTokenIsAConfigurationError() {
        assertThatThrownBy(() -> ApiTokens.parse("alice:secret-1,bob:secret-1"))
                .isInstanceOf(ConfigurationException.class)
                .hasMessageContaining("repeats")
                .hasMessageNotContaining("secret-1");
    }

    @Test
    void wellFormedPairsAreRead() {
        assertThat(ApiTokens.parse("alice:secret-1, bob:secret-2")).extracting(io.servicegroups.persistence.ApiTokenStore.StoredToken::owner)
                .containsExactly("alice", "bob");
    }
}
