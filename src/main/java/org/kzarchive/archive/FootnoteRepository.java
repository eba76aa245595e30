package org.kzarchive.archive;

import java.util.List;

import org.springframework.data.jpa.repository.Query;
import org.springframework.data.repository.Repository;

public interface FootnoteRepository extends Repository<Footnote, Long> {

    @Query("select distinct f from Footnote f left join fetch f.references where f.translationId = :translationId order by f.number")
    List<Footnote> findWithReferences(Long translationId);
}
