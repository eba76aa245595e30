package org.kzarchive.accounts;

import java.time.Instant;

import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;

/** One line of the audit log, as administrators read it. Written by {@link AuditLog}. */
@Entity
class AuditEvent {

    @Id
    private Long id;

    private Instant at;
    private String actor;

    @Enumerated(EnumType.STRING)
    private AuditAction action;

    private String detail;
    private String address;

    protected AuditEvent() {
    }

    public Instant getAt() {
        return at;
    }

    public String getActor() {
        return actor;
    }

    public AuditAction getAction() {
        return action;
    }

    public String getDetail() {
        return detail;
    }

    public String getAddress() {
        return address;
    }
}
