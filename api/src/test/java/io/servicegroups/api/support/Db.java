package io.servicegroups.api.support;

import io.vertx.mutiny.sqlclient.Pool;
import io.vertx.mutiny.sqlclient.Row;
import io.vertx.mutiny.sqlclient.RowSet;
import io.vertx.mutiny.sqlclient.Tuple;
import java.time.Duration;

/** Direct SQL for tests: assertions on what is stored, and rows the API cannot make yet. */
public final class Db {
    private static final Duration TIMEOUT = Duration.ofSeconds(30);
    private final Pool pool;

    public Db(Pool pool) {
        this.pool = pool;
    }

    public RowSet<Row> query(String sql, Object... params) {
        return pool.preparedQuery(sql).execute(Tuple.from(params)).await().atMost(TIMEOUT);
    }

    public long count(String sql, Object... params) {
        return query(sql, params).iterator().next().getLong(0);
    }

    /** Rows of every table, to prove that a request changed nothing. */
    public long totalRows() {
        return count("select (select count(*) from service_group) + (select count(*) from published_service)"
                + " + (select count(*) from instance)");
    }
}
