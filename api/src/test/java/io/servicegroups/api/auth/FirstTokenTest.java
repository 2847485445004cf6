package io.servicegroups.api.auth;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.is;

import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.QuarkusTestProfile;
import io.quarkus.test.junit.TestProfile;
import io.servicegroups.api.support.Db;
import io.vertx.mutiny.sqlclient.Pool;
import io.vertx.mutiny.sqlclient.Row;
import jakarta.inject.Inject;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

/**
 * With no tokens configured, one is generated at first start (or when sg.auth.reset-generated-token replaces a lost
 * one), printed once and only its hash stored.
 */
@QuarkusTest
@TestProfile(FirstTokenTest.NoTokens.class)
class FirstTokenTest {
    /** A log of this run only: target/ survives between runs that do not clean. */
    static final Path LOG = Path.of("target", "first-token-" + ProcessHandle.current().pid() + ".log");

    public static class NoTokens implements QuarkusTestProfile {
        @Override
        public Map<String, String> getConfigOverrides() {
            return Map.of(
                    "sg.auth.tokens", "",
                    "sg.auth.generated-user", "first",
                    // a reused database already holds a generated token: this is how a lost one is replaced
                    "sg.auth.reset-generated-token", "true",
                    "quarkus.log.file.enabled", "true",
                    "quarkus.log.file.path", LOG.toString());
        }
    }

    @Inject
    Pool pool;

    @Test
    void generatedTokenIsPrintedOnceWorksAndIsStoredOnlyAsHash() throws Exception {
        String log = Files.readString(LOG);
        Matcher printed = Pattern.compile("keep it: (sg_[A-Za-z0-9_-]{43})").matcher(log);
        assertThat(printed.find()).as("token line in the log").isTrue();
        String token = printed.group(1);
        assertThat(printed.find()).as("printed only once").isFalse();

        given().header("Authorization", "Bearer " + token).get("/v1/services?count=1").then().statusCode(200)
                .body("status", is("success"));
        given().header("Authorization", "Bearer alice-token").get("/v1/services").then().statusCode(401);

        assertThat(new Db(pool).count("select count(*) from api_token where generated")).isEqualTo(1);
        Row stored = new Db(pool).query("select owner, token_sha256 from api_token where generated").iterator().next();
        assertThat(stored.getString("owner")).isEqualTo("first");
        byte[] hash = MessageDigest.getInstance("SHA-256").digest(token.getBytes(StandardCharsets.UTF_8));
        assertThat(stored.getBuffer("token_sha256").getBytes()).isEqualTo(hash);
        assertThat(new Db(pool).count("select count(*) from api_token where encode(token_sha256, 'escape') like $1",
                "%" + token + "%")).isZero();
    }
}
