package io.servicegroups.gateway;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.cert.X509Certificate;
import java.time.Duration;
import java.time.Instant;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class WildcardCertificateTest {
    @TempDir
    Path dir;

    @Test
    void aSelfSignedWildcardIsMadeOnceAndKept() throws Exception {
        Instant now = Instant.now();
        WildcardCertificate.PemFiles first = WildcardCertificate.selfSigned(dir, "fra0.kraft.host", now);
        assertThat(first.generated()).isTrue();
        X509Certificate certificate = WildcardCertificate.read(first.cert());
        assertThat(WildcardCertificate.dnsNames(certificate)).containsExactly("*.fra0.kraft.host", "fra0.kraft.host");
        assertThat(Files.getPosixFilePermissions(first.key())).isEqualTo(PosixFilePermissions.fromString("rw-------"));
        assertThat(PemKeys.load(first.cert(), first.key()).getServerAliases("EC", null)).hasSize(1);

        WildcardCertificate.PemFiles second = WildcardCertificate.selfSigned(dir, "fra0.kraft.host", now);
        assertThat(second.generated()).isFalse();
        assertThat(WildcardCertificate.read(second.cert())).isEqualTo(certificate);
    }

    @Test
    void anotherMetroDomainOrANearExpiryMakesANewOne() throws Exception {
        Instant now = Instant.now();
        WildcardCertificate.selfSigned(dir, "fra0.kraft.host", now);
        assertThat(WildcardCertificate.selfSigned(dir, "dal0.kraft.host", now).generated()).isTrue();
        assertThat(WildcardCertificate.selfSigned(dir, "dal0.kraft.host", now.plus(Duration.ofDays(380)))
                .generated()).isTrue();
    }
}
