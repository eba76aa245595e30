package org.kzarchive.accounts;

import java.util.List;

import org.springframework.data.domain.Limit;
import org.springframework.data.repository.Repository;

public interface AuditEventRepository extends Repository<AuditEvent, Long> {

    List<AuditEvent> findByOrderByIdDesc(Limit limit);
}
