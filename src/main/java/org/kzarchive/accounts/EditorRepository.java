package org.kzarchive.accounts;

import java.util.List;
import java.util.Optional;

import org.springframework.data.repository.Repository;

public interface EditorRepository extends Repository<Editor, Long> {

    Optional<Editor> findByUsername(String username);

    Optional<Editor> findById(Long id);

    List<Editor> findAllByOrderByUsername();

    long count();

    long countByAdministratorTrueAndEnabledTrue();

    Editor save(Editor editor);
}
