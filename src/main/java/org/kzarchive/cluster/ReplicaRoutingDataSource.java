package org.kzarchive.cluster;

import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.sql.ResultSet;
import java.util.concurrent.atomic.AtomicReference;

import javax.sql.DataSource;

import com.zaxxer.hikari.HikariDataSource;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.jdbc.datasource.DelegatingDataSource;

/**
 * The application's DataSource when a read replica is configured: connections for readers' pages
 * ({@link PublicReads}) come from the replica, all others from the primary. After a change the
 * replica is used again only once it has replayed the primary's write-ahead log up to that change,
 * so a page is never rendered (and cached) from before a change this instance already knows of.
 * When the replica cannot be reached, readers' pages fall back to the primary for a while.
 */
final class ReplicaRoutingDataSource extends DelegatingDataSource implements AutoCloseable {

    private static final Logger log = LoggerFactory.getLogger(ReplicaRoutingDataSource.class);
    private static final long PAUSE_AFTER_FAILURE_NANOS = 10_000_000_000L;

    private final HikariDataSource replica;
    /** The primary's WAL position of the latest change known here, until the replica has replayed it. */
    private final AtomicReference<String> awaitedPosition = new AtomicReference<>();
    private volatile long replicaPausedUntil = System.nanoTime();

    ReplicaRoutingDataSource(DataSource primary, HikariDataSource replica) {
        super(primary);
        this.replica = replica;
    }

    @Override
    public Connection getConnection() throws SQLException {
        if (PublicReads.active() && System.nanoTime() - replicaPausedUntil >= 0) {
            try {
                Connection connection = replica.getConnection();
                if (caughtUp(connection)) {
                    return connection;
                }
                connection.close();
            } catch (SQLException e) {
                log.warn("The read replica does not answer ({}); readers' pages read from the primary for 10 s", e.getMessage());
                replicaPausedUntil = System.nanoTime() + PAUSE_AFTER_FAILURE_NANOS;
            }
        }
        return super.getConnection();
    }

    /** Called when this instance learns of a change: the replica must replay up to here before it is read again. */
    void changeCommitted() {
        try (Connection primary = super.getConnection(); Statement statement = primary.createStatement();
             ResultSet position = statement.executeQuery("select pg_current_wal_lsn()::text")) {
            position.next();
            awaitedPosition.set(position.getString(1));
        } catch (SQLException e) {
            log.warn("Cannot read the primary's WAL position ({}); readers' pages read from the primary until the next change",
                    e.getMessage());
            awaitedPosition.set("FFFFFFFF/FFFFFFFF");
        }
    }

    private boolean caughtUp(Connection replicaConnection) throws SQLException {
        String awaited = awaitedPosition.get();
        if (awaited == null) {
            // a pooled connection may be one the replica ended when it stopped
            if (!replicaConnection.isValid(1)) {
                throw new SQLException("the replica's connection is no longer valid");
            }
            return true;
        }
        try (var statement = replicaConnection.prepareStatement(
                "select coalesce(pg_last_wal_replay_lsn() >= ?::pg_lsn, pg_last_wal_replay_lsn() is null)")) {
            statement.setString(1, awaited);
            try (ResultSet result = statement.executeQuery()) {
                result.next();
                if (result.getBoolean(1)) {
                    awaitedPosition.compareAndSet(awaited, null);
                    return true;
                }
                return false;
            }
        }
    }

    /** Closed in place of the primary's pool, which it replaced as the application's DataSource. */
    @Override
    public void close() throws Exception {
        replica.close();
        if (getTargetDataSource() instanceof AutoCloseable primary) {
            primary.close();
        }
    }
}
