package io.servicegroups.persistence.db;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class DatabaseUrlTest {

    @Test
    void fullUrlGivesReactiveAndJdbcForms() {
        DatabaseUrl url = DatabaseUrl.parse("postgresql://sg:s3cret@db.example.com:6543/servicegroups");
        assertThat(url.user()).isEqualTo("sg");
        assertThat(url.password()).isEqualTo("s3cret");
        assertThat(url.reactiveUrl()).isEqualTo("postgresql://sg:s3cret@db.example.com:6543/servicegroups");
        assertThat(url.jdbcUrl()).isEqualTo("jdbc:postgresql://db.example.com:6543/servicegroups?user=sg&password=s3cret");
    }

    @Test
    void defaultsFollowLibpq() {
        DatabaseUrl url = DatabaseUrl.parse("postgres://app@localhost");
        assertThat(url.port()).isEqualTo(5432);
        assertThat(url.database()).isEqualTo("app");
        assertThat(url.password()).isNull();
        assertThat(DatabaseUrl.parse("postgresql://127.0.0.1/db").user()).isEqualTo("postgres");
    }

    @Test
    void percentEncodedCredentialsAreDecoded() {
        DatabaseUrl url = DatabaseUrl.parse("postgresql://us%40er:p%3Aw%2Fd@h:1/d%20b");
        assertThat(url.user()).isEqualTo("us@er");
        assertThat(url.password()).isEqualTo("p:w/d");
        assertThat(url.database()).isEqualTo("d b");
    }

    @Test
    void queryParametersArePassedOn() {
        DatabaseUrl url = DatabaseUrl.parse("postgresql://u:p@h:5432/db?sslmode=require");
        assertThat(url.reactiveUrl()).endsWith("/db?sslmode=require");
        assertThat(url.jdbcUrl()).endsWith("/db?user=u&password=p&sslmode=require");
    }

    @Test
    void ipv6HostIsKept() {
        assertThat(DatabaseUrl.parse("postgresql://u@[::1]:5432/db").jdbcUrl())
                .isEqualTo("jdbc:postgresql://[::1]:5432/db?user=u");
    }

    @Test
    void specialCharactersAreEncodedInBothForms() {
        DatabaseUrl url = DatabaseUrl.parse("postgresql://us%40er:p%3Aw%26d@h:1/db");
        assertThat(url.reactiveUrl()).isEqualTo("postgresql://us%40er:p%3Aw%26d@h:1/db");
        assertThat(url.jdbcUrl()).isEqualTo("jdbc:postgresql://h:1/db?user=us%40er&password=p%3Aw%26d");
    }

    @Test
    void toStringNeverShowsThePassword() {
        assertThat(DatabaseUrl.parse("postgresql://u:topsecret@h/db").toString()).doesNotContain("topsecret");
    }

    @ParameterizedTest
    @ValueSource(strings = {"mysql://u@h/db", "postgresql:///db", "not a url", "jdbc:postgresql://h/db"})
    void unusableUrlsAreRefusedWithoutEchoingThem(String value) {
        assertThatThrownBy(() -> DatabaseUrl.parse(value))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("SG_DB_URL")
                .hasMessageContaining("postgresql://user:password@host:port/database");
    }
}
