package org.kzarchive.archive;

import java.util.List;
import java.util.Optional;

import org.springframework.data.jpa.repository.Query;
import org.springframework.data.repository.Repository;

public interface TranslationRepository extends Repository<Translation, Long> {

    @Query("select t from Translation t join fetch t.work w where w.slug = :work and t.language = :language and t.status = :status")
    Optional<Translation> findByWorkAndLanguage(String work, String language, PublicationStatus status);

    @Query("select t from Translation t join fetch t.work w where t.status = :status order by w.slug, t.language")
    List<Translation> findAllByStatus(PublicationStatus status);

    @Query("select t from Translation t join fetch t.work w where w.slug = :work and t.status = :status order by t.language")
    List<Translation> findByWork(String work, PublicationStatus status);

    Optional<Translation> findById(Long id);
}
