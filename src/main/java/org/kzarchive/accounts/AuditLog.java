package org.kzarchive.accounts;

import java.sql.Timestamp;
import java.time.Clock;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

/**
 * Writes the audit log. Inside a transaction the line commits or rolls back with the change it
 * records; outside (sign-ins) it is written at once.
 */
@Component
public class AuditLog {

    private static final Logger log = LoggerFactory.getLogger(AuditLog.class);

    // the lengths of the audit_event columns (V2__editors_and_revisions.sql); detail is text, kept short anyway
    static final int MAX_ACTOR = 60;
    static final int MAX_ADDRESS = 64;
    static final int MAX_DETAIL = 2_000;

    private final JdbcTemplate jdbc;
    private final Clock clock;

    public AuditLog(JdbcTemplate jdbc, Clock clock) {
        this.jdbc = jdbc;
        this.clock = clock;
    }

    public void record(String actor, AuditAction action, String detail) {
        record(actor, action, detail, null);
    }

    public void record(String actor, AuditAction action, String detail, String address) {
        // a failed sign-in's name is whatever was typed: keep it short and on one line; the columns' lengths bound the rest
        String who = actor == null || actor.isBlank() ? "?" : oneLine(cut(actor, MAX_ACTOR));
        String from = address == null ? null : oneLine(cut(address, MAX_ADDRESS));
        detail = cut(detail == null ? "" : detail, MAX_DETAIL);
        jdbc.update("insert into audit_event (at, actor, action, detail, address) values (?, ?, ?, ?, ?)",
                Timestamp.from(clock.instant()), who, action.name(), detail, from);
        log.info("audit: {} {} {}{}", who, action, oneLine(detail), from == null ? "" : " from " + from);
    }

    private static String cut(String text, int length) {
        return text.length() <= length ? text : text.substring(0, length);
    }

    private static String oneLine(String text) {
        return text.replaceAll("\\p{Cntrl}", "?");
    }
}
