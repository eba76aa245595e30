package org.kzarchive.publishing;

import java.util.Optional;

import org.kzarchive.archive.PublicationStatus;
import org.kzarchive.archive.TranslationRepository;
import org.kzarchive.reading.EditionLoader;

import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Isolation;
import org.springframework.transaction.annotation.Transactional;

/** Loads the published revision of an edition: its text, as the reader's pages show it, with its date and source. */
@Service
public class EditionRevisions {

    private final EditionLoader editions;
    private final TranslationRepository translations;

    EditionRevisions(EditionLoader editions, TranslationRepository translations) {
        this.editions = editions;
        this.translations = translations;
    }

    /** One snapshot: the text and the date always belong to the same version. */
    @Transactional(readOnly = true, isolation = Isolation.REPEATABLE_READ)
    public Optional<EditionRevision> published(String language, String work) {
        return translations.findByWorkAndLanguage(work, language, PublicationStatus.PUBLISHED)
                .flatMap(t -> editions.published(language, work)
                        .map(edition -> new EditionRevision(edition, t.getUpdatedAt(), t.getMarkdown())));
    }
}
