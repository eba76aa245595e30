package org.kzarchive.archive;

import java.util.List;

import org.springframework.data.repository.Repository;

public interface TimelineEventRepository extends Repository<TimelineEvent, Long> {

    List<TimelineEvent> findByTranslationIdOrderByPosition(Long translationId);
}
