package io.servicegroups.gateway;

import java.io.IOException;
import java.io.Reader;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.math.BigInteger;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.GeneralSecurityException;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.SecureRandom;
import java.security.cert.CertificateParsingException;
import java.security.cert.X509Certificate;
import java.security.spec.ECGenParameterSpec;
import java.time.Duration;
import java.time.Instant;
import java.util.Collection;
import java.util.Date;
import java.util.List;
import java.util.Locale;
import org.bouncycastle.asn1.x500.X500Name;
import org.bouncycastle.asn1.x509.BasicConstraints;
import org.bouncycastle.asn1.x509.ExtendedKeyUsage;
import org.bouncycastle.asn1.x509.Extension;
import org.bouncycastle.asn1.x509.GeneralName;
import org.bouncycastle.asn1.x509.GeneralNames;
import org.bouncycastle.asn1.x509.KeyPurposeId;
import org.bouncycastle.asn1.x509.KeyUsage;
import org.bouncycastle.cert.X509CertificateHolder;
import org.bouncycastle.cert.jcajce.JcaX509CertificateConverter;
import org.bouncycastle.cert.jcajce.JcaX509v3CertificateBuilder;
import org.bouncycastle.openssl.PEMParser;
import org.bouncycastle.openssl.jcajce.JcaPEMWriter;
import org.bouncycastle.openssl.jcajce.JcaPKCS8Generator;
import org.bouncycastle.operator.jcajce.JcaContentSignerBuilder;

/**
 * The metro's wildcard certificate for {@code *.<metro-domain>} (and the domain itself): the configured PEM files,
 * or a self-signed one made with Bouncy Castle at first start and kept under the data dir. A kept one is made
 * anew when it no longer covers the metro domain or expires within 30 days.
 */
final class WildcardCertificate {
    static final Duration VALIDITY = Duration.ofDays(397);
    static final Duration RENEW_BEFORE = Duration.ofDays(30);

    /** Where the PEM files are, and whether they were generated here. */
    record PemFiles(Path cert, Path key, boolean generated) {
    }

    private WildcardCertificate() {
    }

    /** The self-signed pair under {@code directory}, made or renewed as needed. */
    static PemFiles selfSigned(Path directory, String metroDomain, Instant now) {
        Path cert = directory.resolve("wildcard-cert.pem");
        Path key = directory.resolve("wildcard-key.pem");
        try {
            if (Files.exists(cert) && Files.exists(key) && usable(read(cert), metroDomain, now)) {
                return new PemFiles(cert, key, false);
            }
            generate(cert, key, metroDomain, now);
            return new PemFiles(cert, key, true);
        } catch (IOException e) {
            throw new UncheckedIOException("could not keep the gateway's self-signed certificate in " + directory, e);
        } catch (GeneralSecurityException | org.bouncycastle.operator.OperatorCreationException e) {
            throw new IllegalStateException("could not make the gateway's self-signed certificate", e);
        }
    }

    static boolean usable(X509Certificate certificate, String metroDomain, Instant now)
            throws CertificateParsingException {
        if (certificate.getNotAfter().toInstant().isBefore(now.plus(RENEW_BEFORE))) {
            return false;
        }
        return dnsNames(certificate).contains("*." + metroDomain.toLowerCase(Locale.ROOT));
    }

    static List<String> dnsNames(X509Certificate certificate) throws CertificateParsingException {
        Collection<List<?>> names = certificate.getSubjectAlternativeNames();
        if (names == null) {
            return List.of();
        }
        return names.stream().filter(n -> Integer.valueOf(GeneralName.dNSName).equals(n.get(0)))
                .map(n -> ((String) n.get(1)).toLowerCase(Locale.ROOT)).toList();
    }

    static X509Certificate read(Path pem) throws IOException, GeneralSecurityException {
        try (Reader reader = Files.newBufferedReader(pem, StandardCharsets.US_ASCII);
             PEMParser parser = new PEMParser(reader)) {
            Object object = parser.readObject();
            if (!(object instanceof X509CertificateHolder holder)) {
                throw new GeneralSecurityException(pem + " holds no certificate");
            }
            return new JcaX509CertificateConverter().getCertificate(holder);
        }
    }

    private static void generate(Path cert, Path key, String metroDomain, Instant now)
            throws IOException, GeneralSecurityException, org.bouncycastle.operator.OperatorCreationException {
        KeyPairGenerator generator = KeyPairGenerator.getInstance("EC");
        generator.initialize(new ECGenParameterSpec("secp256r1"), new SecureRandom());
        KeyPair pair = generator.generateKeyPair();
        String domain = metroDomain.toLowerCase(Locale.ROOT);
        X500Name subject = new X500Name("CN=*." + domain + ", O=servicegroups (self-signed)");
        JcaX509v3CertificateBuilder builder = new JcaX509v3CertificateBuilder(subject,
                new BigInteger(127, new SecureRandom()), Date.from(now.minus(Duration.ofHours(1))),
                Date.from(now.plus(VALIDITY)), subject, pair.getPublic());
        builder.addExtension(Extension.subjectAlternativeName, false, new GeneralNames(new GeneralName[] {
                new GeneralName(GeneralName.dNSName, "*." + domain), new GeneralName(GeneralName.dNSName, domain)}));
        builder.addExtension(Extension.basicConstraints, true, new BasicConstraints(false));
        builder.addExtension(Extension.keyUsage, true, new KeyUsage(KeyUsage.digitalSignature));
        builder.addExtension(Extension.extendedKeyUsage, false, new ExtendedKeyUsage(KeyPurposeId.id_kp_serverAuth));
        X509Certificate certificate = new JcaX509CertificateConverter().getCertificate(
                builder.build(new JcaContentSignerBuilder("SHA256withECDSA").build(pair.getPrivate())));
        Files.createDirectories(cert.getParent());
        Path keyTemp = Files.createTempFile(key.getParent(), "key", ".tmp");
        restrict(keyTemp);
        try (Writer writer = Files.newBufferedWriter(keyTemp, StandardCharsets.US_ASCII);
             JcaPEMWriter pem = new JcaPEMWriter(writer)) {
            pem.writeObject(new JcaPKCS8Generator(pair.getPrivate(), null));
        }
        Path certTemp = Files.createTempFile(cert.getParent(), "cert", ".tmp");
        try (Writer writer = Files.newBufferedWriter(certTemp, StandardCharsets.US_ASCII);
             JcaPEMWriter pem = new JcaPEMWriter(writer)) {
            pem.writeObject(certificate);
        }
        Files.move(keyTemp, key, java.nio.file.StandardCopyOption.REPLACE_EXISTING,
                java.nio.file.StandardCopyOption.ATOMIC_MOVE);
        Files.move(certTemp, cert, java.nio.file.StandardCopyOption.REPLACE_EXISTING,
                java.nio.file.StandardCopyOption.ATOMIC_MOVE);
    }

    private static void restrict(Path file) throws IOException {
        try {
            Files.setPosixFilePermissions(file, PosixFilePermissions.fromString("rw-------"));
        } catch (UnsupportedOperationException e) {
            // not a POSIX file system: the directory's own protection applies
        }
    }
}
