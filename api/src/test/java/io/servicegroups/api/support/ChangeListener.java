package io.servicegroups.api.support;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Predicate;
import org.postgresql.PGConnection;
import org.postgresql.PGNotification;

/** A session of its own that listens on {@code sg_changes}, as a gateway does, for tests of the change events. */
public final class ChangeListener implements AutoCloseable {
    private final Connection connection;

    public ChangeListener(String jdbcUrl) throws SQLException {
        connection = DriverManager.getConnection(jdbcUrl);
        try (Statement statement = connection.createStatement()) {
            statement.execute("LISTEN sg_changes");
        }
    }

    /** The payloads received until {@code last} accepts one (it is included) or {@code patience} is over. */
    public List<String> until(Predicate<String> last, Duration patience) throws SQLException {
        List<String> payloads = new ArrayList<>();
        long deadline = System.nanoTime() + patience.toNanos();
        PGConnection pg = connection.unwrap(PGConnection.class);
        while (System.nanoTime() < deadline) {
            PGNotification[] notifications = pg.getNotifications(200);
            if (notifications == null) {
                continue;
            }
            for (PGNotification notification : notifications) {
                payloads.add(notification.getParameter());
                if (last.test(notification.getParameter())) {
                    return payloads;
                }
            }
        }
        return payloads;
    }

    @Override
    public void close() throws SQLException {
        connection.close();
    }
}
