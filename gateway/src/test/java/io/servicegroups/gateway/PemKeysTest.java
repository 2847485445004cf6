package io.servicegroups.gateway;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.time.Instant;
import javax.net.ssl.X509ExtendedKeyManager;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class PemKeysTest {
    @TempDir
    Path dir;

    @Test
    void theKeyIsHeldInMemorySoAHandshakeDecryptsNothing() throws Exception {
        WildcardCertificate.PemFiles files = WildcardCertificate.selfSigned(dir, "fra0.kraft.host", Instant.now());
        X509ExtendedKeyManager keys = PemKeys.load(files.cert(), files.key());
        String first = keys.chooseEngineServerAlias("EC", null, null);
        String second = keys.chooseEngineServerAlias("EC", null, null);

        assertThat(first).isNotNull();
        assertThat(keys.getCertificateChain(first)).hasSize(1);
        // two handshakes: a key manager reading its key store per handshake (the JDK's PKIX one) decrypts the
        // key again for each, through 10,000 rounds of PBKDF2, and hands out a new object each time
        assertThat(keys.getPrivateKey(second)).isSameAs(keys.getPrivateKey(first));
        assertThat(keys.chooseEngineServerAlias("RSA", null, null)).isNull();
    }
}
