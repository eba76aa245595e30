package org.kzarchive.archive;

import java.util.List;

import org.springframework.data.jpa.repository.Query;
import org.springframework.data.repository.Repository;

public interface BlockRepository extends Repository<Block, Long> {

    /** Every block of a translation in reading order, with its section in the same query. */
    @Query("select b from Block b join fetch b.section s where b.translationId = :translationId order by s.position, b.position")
    List<Block> findInReadingOrder(Long translationId);
}
