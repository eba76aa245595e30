package org.kzarchive.archive;

import java.util.Optional;

import org.springframework.data.repository.Repository;

public interface WorkRepository extends Repository<Work, Long> {

    Optional<Work> findBySlug(String slug);
}
