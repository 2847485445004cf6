package io.servicegroups.persistence.db;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.Statement;

/** A stand-in for a server JVM: starts the embedded PostgreSQL in the directory given, writes a row, waits. */
public final class ServerInChildProcess {
    public static void main(String[] args) throws Exception {
        EmbeddedPostgres server = EmbeddedDatabase.start(Path.of(args[0]));
        try (Connection connection = server.getPostgresDatabase().getConnection();
             Statement statement = connection.createStatement()) {
            statement.execute("create table if not exists written_by_child (value text)");
            statement.execute("insert into written_by_child values ('kept')");
        }
        System.out.println("started " + server.getPort());
        System.out.flush();
        Thread.sleep(Long.MAX_VALUE);
    }
}
