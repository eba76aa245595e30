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
        // a failed sign-in's name is whatever was typed: keep it short and on one line
        String who = actor == null || actor.isBlank() ? "?" : oneLine(actor.length() > 60 ? actor.substring(0, 60) : actor);
        jdbc.update("insert into audit_event (at, actor, action, detail, address) values (?, ?, ?, ?, ?)",
                Timestamp.from(clock.instant()), who, action.name(), detail, address);
        log.info("audit: {} {} {}{}", who, action, oneLine(detail), address == null ? "" : " from " + address);
    }

    private static String oneLine(String text) {
        return text.replaceAll("\\p{Cntrl}", "?");
    }
}
