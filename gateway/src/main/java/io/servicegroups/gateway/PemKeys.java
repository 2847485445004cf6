package io.servicegroups.gateway;

import java.io.IOException;
import java.io.Reader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.security.KeyStore;
import java.security.PrivateKey;
import java.security.cert.X509Certificate;
import java.util.ArrayList;
import java.util.List;
import javax.net.ssl.KeyManager;
import javax.net.ssl.KeyManagerFactory;
import javax.net.ssl.X509ExtendedKeyManager;
import org.bouncycastle.asn1.pkcs.PrivateKeyInfo;
import org.bouncycastle.cert.X509CertificateHolder;
import org.bouncycastle.cert.jcajce.JcaX509CertificateConverter;
import org.bouncycastle.openssl.PEMKeyPair;
import org.bouncycastle.openssl.PEMParser;
import org.bouncycastle.openssl.jcajce.JcaPEMKeyConverter;

/** A key manager from PEM files: a certificate chain and its private key (PKCS#8, PKCS#1 RSA or SEC1 EC). */
final class PemKeys {
    private static final char[] NO_PASSWORD = new char[0];

    private PemKeys() {
    }

    static X509ExtendedKeyManager load(Path certFile, Path keyFile) throws IOException, GeneralSecurityException {
        List<X509Certificate> chain = new ArrayList<>();
        for (Object object : objects(certFile)) {
            if (object instanceof X509CertificateHolder holder) {
                chain.add(new JcaX509CertificateConverter().getCertificate(holder));
            }
        }
        if (chain.isEmpty()) {
            throw new GeneralSecurityException(certFile + " holds no PEM certificate");
        }
        PrivateKey key = null;
        for (Object object : objects(keyFile)) {
            if (object instanceof PrivateKeyInfo info) {
                key = new JcaPEMKeyConverter().getPrivateKey(info);
            } else if (object instanceof PEMKeyPair pair) {
                key = new JcaPEMKeyConverter().getKeyPair(pair).getPrivate();
            }
        }
        if (key == null) {
            throw new GeneralSecurityException(keyFile + " holds no unencrypted PEM private key");
        }
        KeyStore store = KeyStore.getInstance("PKCS12");
        store.load(null, null);
        store.setKeyEntry("wildcard", key, NO_PASSWORD, chain.toArray(X509Certificate[]::new));
        // SunX509 reads the key out of the store once; PKIX would decrypt it again (PBKDF2) at every handshake
        KeyManagerFactory factory = KeyManagerFactory.getInstance("SunX509");
        factory.init(store, NO_PASSWORD);
        for (KeyManager manager : factory.getKeyManagers()) {
            if (manager instanceof X509ExtendedKeyManager extended) {
                return extended;
            }
        }
        throw new GeneralSecurityException("no X.509 key manager for " + certFile);
    }

    private static List<Object> objects(Path file) throws IOException {
        List<Object> objects = new ArrayList<>();
        try (Reader reader = Files.newBufferedReader(file, StandardCharsets.US_ASCII);
             PEMParser parser = new PEMParser(reader)) {
            for (Object object = parser.readObject(); object != null; object = parser.readObject()) {
                objects.add(object);
            }
        }
        return objects;
    }
}
