package org.kzarchive.editing;

import java.util.List;
import java.util.Optional;

import org.springframework.data.repository.Repository;

interface TranslationRevisionRepository extends Repository<TranslationRevision, Long> {

    List<TranslationRevision> findByTranslationIdOrderByNumberDesc(Long translationId);

    Optional<TranslationRevision> findByTranslationIdAndNumber(Long translationId, int number);

    Optional<TranslationRevision> findFirstByTranslationIdOrderByNumberDesc(Long translationId);
}
