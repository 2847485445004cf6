package io.servicegroups.api.auth;

import io.quarkus.runtime.StartupEvent;
import io.quarkus.runtime.configuration.ConfigurationException;
import io.servicegroups.api.config.SgConfig;
import io.servicegroups.persistence.ApiTokenStore;
import io.servicegroups.persistence.ApiTokenStore.StoredToken;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Optional;
import org.jboss.logging.Logger;

/**
 * Bearer tokens and the users they stand for (SPEC 5). Only SHA-256 hashes are kept; a presented token is
 * compared with every known hash in constant time. With no tokens configured, one is generated at first
 * start, its hash stored in the database and the token itself printed once.
 */
@ApplicationScoped
public class ApiTokens {
    private static final Logger LOG = Logger.getLogger(ApiTokens.class);
    private static final Duration STARTUP_TIMEOUT = Duration.ofSeconds(60);

    private final SgConfig config;
    private final ApiTokenStore store;
    private volatile List<StoredToken> tokens = List.of();

    public ApiTokens(SgConfig config, ApiTokenStore store) {
        this.config = config;
        this.store = store;
    }

    void load(@Observes StartupEvent event) {
        Optional<String> configured = config.auth().tokens().filter(value -> !value.isBlank());
        if (configured.isPresent()) {
            tokens = parse(configured.get());
            LOG.infof("API tokens configured for %d user(s)", tokens.stream().map(StoredToken::owner).distinct().count());
            return;
        }
        if (config.auth().resetGeneratedToken()) {
            int forgotten = store.forgetGenerated().await().atMost(STARTUP_TIMEOUT);
            LOG.infof("sg.auth.reset-generated-token is set: %s; unset it again, or every start replaces the"
                    + " token", forgotten > 0 ? "the generated token was replaced" : "there was no generated token");
        }
        List<StoredToken> generated = store.generatedTokens().await().atMost(STARTUP_TIMEOUT);
        if (generated.isEmpty()) {
            generated = generate();
        } else {
            LOG.infof("Using the API token generated at first start for user '%s' (set SG_AUTH_TOKENS to use"
                    + " your own)", generated.get(0).owner());
        }
        tokens = generated;
    }

    private List<StoredToken> generate() {
        byte[] secret = new byte[32];
        new SecureRandom().nextBytes(secret);
        String token = "sg_" + Base64.getUrlEncoder().withoutPadding().encodeToString(secret);
        String user = config.auth().generatedUser();
        boolean stored = store.storeGenerated(user, sha256(token)).await().atMost(STARTUP_TIMEOUT);
        if (stored) {
            LOG.infof("No API token is configured (SG_AUTH_TOKENS), so one was generated for user '%s'."
                    + " It is shown only this once; keep it: %s", user, token);
        }
        return store.generatedTokens().await().atMost(STARTUP_TIMEOUT);
    }

    /** The user the token stands for. */
    public Optional<String> userFor(String token) {
        byte[] presented = sha256(token);
        String user = null;
        for (StoredToken known : tokens) {
            if (MessageDigest.isEqual(presented, known.sha256()) && user == null) {
                user = known.owner();
            }
        }
        return Optional.ofNullable(user);
    }

    /**
     * {@code user:token} pairs separated by commas. Messages never include a token; a malformed value stops the
     * start with that one line (a {@link ConfigurationException}), not a stack trace.
     */
    static List<StoredToken> parse(String value) {
        List<StoredToken> parsed = new ArrayList<>();
        String[] entries = value.split(",");
        for (int i = 0; i < entries.length; i++) {
            String entry = entries[i].trim();
            int colon = entry.indexOf(':');
            if (colon <= 0 || colon == entry.length() - 1) {
                throw new ConfigurationException("sg.auth.tokens (SG_AUTH_TOKENS): entry " + (i + 1)
                        + " is not of the form user:token");
            }
            byte[] hash = sha256(entry.substring(colon + 1));
            if (parsed.stream().anyMatch(known -> MessageDigest.isEqual(known.sha256(), hash))) {
                throw new ConfigurationException("sg.auth.tokens (SG_AUTH_TOKENS): entry " + (i + 1)
                        + " repeats the token of an earlier entry");
            }
            parsed.add(new StoredToken(entry.substring(0, colon).trim(), hash));
        }
        return List.copyOf(parsed);
    }

    static byte[] sha256(String token) {
        try {
            return MessageDigest.getInstance("SHA-256").digest(token.getBytes(StandardCharsets.UTF_8));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
