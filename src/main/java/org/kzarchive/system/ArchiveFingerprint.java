package org.kzarchive.system;

import java.sql.Connection;
import java.sql.SQLException;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.atomic.AtomicReference;

import javax.sql.DataSource;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.datasource.SingleConnectionDataSource;
import org.springframework.stereotype.Component;

/**
 * A digest of everything in the database that public pages are rendered from: every table of the
 * schema but those of editors' accounts, sessions, sign-in attempts, the audit log and the
 * migrations. A table added later counts unless it is named here, so that pages kept across a
 * restart ({@link PageSnapshot}) are never taken as current when anything they show may have changed.
 */
@Component
public class ArchiveFingerprint {

    private static final Logger log = LoggerFactory.getLogger(ArchiveFingerprint.class);
    private static final Set<String> NOT_ON_PAGES = Set.of("editor", "spring_session", "spring_session_attributes",
            "sign_in_attempt", "audit_event", "flyway_schema_history");

    private final DataSource dataSource;
    /** The digest this process took first, during its start; null until one was taken. */
    private final AtomicReference<Optional<String>> firstTaken = new AtomicReference<>();

    ArchiveFingerprint(DataSource dataSource) {
        this.dataSource = dataSource;
    }

    /**
     * The digest this process took first, before it served any request that could change the archive
     * (the kept pages' check at start-up, {@link PageSnapshot}); taken now when none was. Each digest
     * reads every row of the archive, so what asks only about the archive as this process found it
     * ({@code LastStartUpSync}) does not read it again.
     */
    public Optional<String> atStart() {
        Optional<String> first = firstTaken.get();
        return first != null ? first : now();
    }

    /**
     * The digest now, or empty when the database cannot be read at once (then nothing kept is taken
     * as current). Taken when a change has committed, so it waits at most a second for a lock. Read
     * in a transaction of its own on a connection of its own, not through the JPA transaction manager:
     * at start-up it is taken before Hibernate is ready ({@link KeptPagesFirst}), and after a commit
     * the committed transaction's resources are still bound to the thread.
     */
    public Optional<String> now() {
        Optional<String> digest = take();
        firstTaken.compareAndSet(null, digest);
        return digest;
    }

    Optional<String> take() {
        try (Connection connection = dataSource.getConnection()) {
            connection.setReadOnly(true);
            connection.setAutoCommit(false);
            try {
                var jdbc = new JdbcTemplate(new SingleConnectionDataSource(connection, true));
                jdbc.execute("set local lock_timeout = '1s'");
                jdbc.execute("set local statement_timeout = '10s'");
                return Optional.of(digest(jdbc));
            } finally {
                connection.rollback();
            }
        } catch (SQLException | RuntimeException e) {
            log.info("Cannot take the archive's fingerprint (pages kept at the next stop will be rendered again): {}", e.toString());
            return Optional.empty();
        }
    }

    private static String digest(JdbcTemplate jdbc) {
        List<String> tables = jdbc.queryForList("""
                select table_name from information_schema.tables
                where table_schema = current_schema() and table_type = 'BASE TABLE' order by table_name""", String.class)
                .stream().filter(table -> !NOT_ON_PAGES.contains(table)).toList();
        StringBuilder digests = new StringBuilder();
        for (String table : tables) {
            // the names come from the catalogue, quoted as identifiers; rows in a fixed order
            String quoted = "\"" + table.replace("\"", "\"\"") + "\"";
            digests.append(table).append('=').append(jdbc.queryForObject(
                    "select coalesce(md5(string_agg(md5(r::text), '' order by md5(r::text))), '') from " + quoted + " r",
                    String.class)).append('\n');
        }
        return Sha256.hex(digests.toString());
    }
}
