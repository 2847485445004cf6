package io.servicegroups.persistence;

import io.smallrye.mutiny.Uni;
import io.vertx.mutiny.sqlclient.Pool;
import io.vertx.mutiny.sqlclient.Row;
import io.vertx.mutiny.sqlclient.Tuple;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.util.ArrayList;
import java.util.List;

/** Hashes of API tokens kept in the database: today only the one generated at first start. */
@ApplicationScoped
public class ApiTokenStore {
    /** A stored token: its SHA-256 hash and the user it stands for. */
    public record StoredToken(String owner, byte[] sha256) {
    }

    @Inject
    Pool pool;

    public Uni<List<StoredToken>> generatedTokens() {
        return pool.query("select owner, token_sha256 from api_token where generated").execute()
                .map(rows -> {
                    List<StoredToken> tokens = new ArrayList<>();
                    for (Row row : rows) {
                        tokens.add(new StoredToken(row.getString("owner"), row.getBuffer("token_sha256").getBytes()));
                    }
                    return tokens;
                });
    }

    /** Forgets the generated token (a new one is generated then); answers how many were removed. */
    public Uni<Integer> forgetGenerated() {
        return pool.query("delete from api_token where generated").execute().map(result -> result.rowCount());
    }

    /** Stores the generated token unless one exists already (another replica may have won); true if stored. */
    public Uni<Boolean> storeGenerated(String owner, byte[] sha256) {
        return pool.preparedQuery("insert into api_token (token_sha256, owner, generated) values ($1, $2, true)"
                        + " on conflict do nothing")
                .execute(Tuple.of(io.vertx.core.buffer.Buffer.buffer(sha256), owner))
                .map(result -> result.rowCount() == 1);
    }
}
