package org.kzarchive.cluster;

import org.kzarchive.archive.TranslationChanged;

import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.ResultSetExtractor;
import org.springframework.stereotype.Component;
import org.springframework.transaction.event.TransactionPhase;
import org.springframework.transaction.event.TransactionalEventListener;

/**
 * Tells the other instances about a change of a translation, with a PostgreSQL NOTIFY sent in the
 * transaction that makes the change: PostgreSQL delivers it when, and only if, that transaction
 * commits, so no instance hears of a change it cannot yet read.
 */
@Component
class ChangeAnnouncer {

    static final String CHANNEL = "archive_changed";

    private final JdbcTemplate jdbc;
    private final InstanceName instance;

    ChangeAnnouncer(JdbcTemplate jdbc, InstanceName instance) {
        this.jdbc = jdbc;
        this.instance = instance;
    }

    @TransactionalEventListener(phase = TransactionPhase.BEFORE_COMMIT, fallbackExecution = true)
    void announce(TranslationChanged event) {
        jdbc.query("select pg_notify(?, ?)", (ResultSetExtractor<Void>) rs -> null,
                CHANNEL, Announcement.of(instance.value(), event.translationId()).payload());
    }

    /** What a notification says: which instance changed which translation. */
    record Announcement(String instance, long translationId) {

        static Announcement of(String instance, long translationId) {
            return new Announcement(instance, translationId);
        }

        String payload() {
            return instance + " " + translationId;
        }

        /** @return the announcement, or null for a payload this version does not understand */
        static Announcement parse(String payload) {
            String[] parts = payload == null ? new String[0] : payload.split(" ");
            if (parts.length != 2 || !parts[1].matches("\\d{1,18}")) {
                return null;
            }
            return new Announcement(parts[0], Long.parseLong(parts[1]));
        }
    }
}
