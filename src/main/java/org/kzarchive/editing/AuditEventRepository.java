package org.kzarchive.editing;

import java.util.List;

import org.springframework.data.domain.Limit;
import org.springframework.data.repository.Repository;

interface AuditEventRepository extends Repository<AuditEvent, Long> {

    List<AuditEvent> findByOrderByIdDesc(Limit limit);
}
