package io.servicegroups.gateway;

import io.servicegroups.core.routing.HostNames;
import java.net.Socket;
import java.security.Principal;
import java.security.PrivateKey;
import java.security.cert.X509Certificate;
import java.util.function.Predicate;
import javax.net.ssl.ExtendedSSLSession;
import javax.net.ssl.SNIHostName;
import javax.net.ssl.SNIServerName;
import javax.net.ssl.SSLEngine;
import javax.net.ssl.SSLSession;
import javax.net.ssl.StandardConstants;
import javax.net.ssl.X509ExtendedKeyManager;

/**
 * Presents the wildcard certificate only to clients whose SNI names a group routed on this port: with no SNI or
 * an unknown name no key is chosen, so the handshake fails (handshake_failure) before any byte is routed.
 */
final class ServerNameKeyManager extends X509ExtendedKeyManager {
    private final X509ExtendedKeyManager delegate;
    private final Predicate<String> routed;

    ServerNameKeyManager(X509ExtendedKeyManager delegate, Predicate<String> routed) {
        this.delegate = delegate;
        this.routed = routed;
    }

    /** The SNI host name of a handshake, normalised, or null. */
    static String serverName(SSLSession session) {
        if (session instanceof ExtendedSSLSession extended) {
            for (SNIServerName name : extended.getRequestedServerNames()) {
                if (name.getType() == StandardConstants.SNI_HOST_NAME) {
                    return HostNames.fromServerName(((SNIHostName) name).getAsciiName());
                }
            }
        }
        return null;
    }

    @Override
    public String chooseEngineServerAlias(String keyType, Principal[] issuers, SSLEngine engine) {
        String name = engine == null ? null : serverName(engine.getHandshakeSession());
        if (name == null || !routed.test(name)) {
            return null;
        }
        return delegate.chooseEngineServerAlias(keyType, issuers, engine);
    }

    @Override
    public String chooseServerAlias(String keyType, Principal[] issuers, Socket socket) {
        return null; // the gateway only uses engines
    }

    @Override
    public String[] getServerAliases(String keyType, Principal[] issuers) {
        return delegate.getServerAliases(keyType, issuers);
    }

    @Override
    public X509Certificate[] getCertificateChain(String alias) {
        return delegate.getCertificateChain(alias);
    }

    @Override
    public PrivateKey getPrivateKey(String alias) {
        return delegate.getPrivateKey(alias);
    }

    @Override
    public String[] getClientAliases(String keyType, Principal[] issuers) {
        return null;
    }

    @Override
    public String chooseClientAlias(String[] keyType, Principal[] issuers, Socket socket) {
        return null;
    }
}
