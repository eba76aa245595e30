package org.kzarchive.cluster;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.util.Properties;

import org.kzarchive.archive.ArchiveMayHaveChanged;
import org.postgresql.PGConnection;
import org.postgresql.PGNotification;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.boot.jdbc.autoconfigure.JdbcConnectionDetails;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.context.SmartLifecycle;
import org.springframework.stereotype.Component;

/**
 * Listens, on a connection of its own to the primary PostgreSQL, for the changes other instances
 * announce ({@link ChangeAnnouncer}), and then has this instance catch up
 * ({@link ArchiveMayHaveChanged}: the search index re-reads what changed, cached pages are
 * dropped). Because an announcement can be lost (the connection drops, the database restarts),
 * it also catches up whenever it (re)connects and every {@code archive.check-interval}. When the
 * database is away it tries again, waiting longer each time up to {@link #MAX_BACKOFF}.
 */
@Component
class ChangeListener implements SmartLifecycle {

    private static final Logger log = LoggerFactory.getLogger(ChangeListener.class);
    private static final Duration FIRST_BACKOFF = Duration.ofMillis(250);
    private static final Duration MAX_BACKOFF = Duration.ofSeconds(5);
    private static final int WAIT_MILLIS = 250;

    private final JdbcConnectionDetails primary;
    private final ApplicationEventPublisher events;
    private final InstanceName instance;
    private final Duration checkInterval;

    private volatile boolean running;
    private volatile Thread thread;
    private volatile Connection connection;

    ChangeListener(JdbcConnectionDetails primary, ApplicationEventPublisher events, InstanceName instance,
                   ClusterProperties properties) {
        this.primary = primary;
        this.events = events;
        this.instance = instance;
        this.checkInterval = properties.checkInterval();
    }

    @Override
    public void start() {
        running = true;
        thread = new Thread(this::listen, "archive-change-listener");
        thread.setDaemon(true);
        thread.start();
    }

    @Override
    public void stop() {
        running = false;
        Thread listening = thread;
        if (listening != null) {
            listening.interrupt();
            closeQuietly(connection);
            try {
                listening.join(2_000);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
    }

    @Override
    public boolean isRunning() {
        return running;
    }

    private void listen() {
        Duration backoff = FIRST_BACKOFF;
        boolean warned = false;
        while (running) {
            try (Connection listening = connect()) {
                connection = listening;
                try (Statement statement = listening.createStatement()) {
                    statement.execute("LISTEN " + ChangeAnnouncer.CHANNEL);
                }
                if (warned) {
                    log.info("Listening for changes from other instances again");
                }
                backoff = FIRST_BACKOFF;
                warned = false;
                receive(listening);
            } catch (SQLException e) {
                if (!running) {
                    return;
                }
                if (!warned) {
                    log.warn("Not listening for changes from other instances ({}); trying again", e.getMessage());
                    warned = true;
                }
                if (!sleep(backoff)) {
                    return;
                }
                backoff = backoff.multipliedBy(2).compareTo(MAX_BACKOFF) > 0 ? MAX_BACKOFF : backoff.multipliedBy(2);
            } finally {
                connection = null;
            }
        }
    }

    /** Until the connection fails: catches up at once, then on every announcement and every check interval. */
    private void receive(Connection listening) throws SQLException {
        PGConnection notifications = listening.unwrap(PGConnection.class);
        // anything announced while this instance was not listening is found by comparing
        long nextCheck = catchUp("listening for changes from other instances") ? System.nanoTime() + checkInterval.toNanos()
                : System.nanoTime() + FIRST_BACKOFF.toNanos() * 4;
        while (running) {
            PGNotification[] received = notifications.getNotifications(WAIT_MILLIS);
            String changed = changedElsewhere(received);
            if (changed != null && catchUp(changed)) {
                continue;
            }
            if (System.nanoTime() - nextCheck >= 0) {
                // also proves the connection still carries announcements (a silent network would not)
                try (Statement statement = listening.createStatement()) {
                    statement.execute("select 1");
                }
                nextCheck = System.nanoTime() + (catchUp("periodic check") ? checkInterval.toNanos() : FIRST_BACKOFF.toNanos() * 4);
            }
        }
    }

    /** @return what other instances changed, for the log, or null when nothing */
    private String changedElsewhere(PGNotification[] received) {
        if (received == null) {
            return null;
        }
        StringBuilder changes = new StringBuilder();
        for (PGNotification notification : received) {
            var announcement = ChangeAnnouncer.Announcement.parse(notification.getParameter());
            if (announcement == null || !announcement.instance().equals(instance.value())) {
                changes.append(changes.isEmpty() ? "" : ", ").append(announcement == null
                        ? "an announcement not understood" : "translation " + announcement.translationId());
            }
        }
        return changes.isEmpty() ? null : "changed on another instance: " + changes;
    }

    /** @return whether this instance caught up; when not, the next check comes sooner */
    private boolean catchUp(String reason) {
        try {
            events.publishEvent(new ArchiveMayHaveChanged(reason));
            return true;
        } catch (RuntimeException e) {
            log.warn("Could not catch up with the database ({}): {}", reason, e.toString());
            return false;
        }
    }

    private Connection connect() throws SQLException {
        Properties properties = new Properties();
        if (primary.getUsername() != null) {
            properties.setProperty("user", primary.getUsername());
        }
        if (primary.getPassword() != null) {
            properties.setProperty("password", primary.getPassword());
        }
        properties.setProperty("connectTimeout", "2");
        properties.setProperty("loginTimeout", "3");
        properties.setProperty("socketTimeout", "10");
        properties.setProperty("tcpKeepAlive", "true");
        properties.setProperty("ApplicationName", "kzarchive change listener");
        return DriverManager.getConnection(primary.getJdbcUrl(), properties);
    }

    private static boolean sleep(Duration duration) {
        try {
            Thread.sleep(duration);
            return true;
        } catch (InterruptedException e) {
            return false;
        }
    }

    private static void closeQuietly(Connection connection) {
        if (connection != null) {
            try {
                connection.close();
            } catch (SQLException | RuntimeException e) {
                // closing because we stop
            }
        }
    }
}
