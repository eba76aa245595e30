package org.kzarchive.archive;

import java.util.List;

import org.springframework.data.repository.Repository;

public interface SectionRepository extends Repository<Section, Long> {

    List<Section> findByTranslationIdOrderByPosition(Long translationId);
}
