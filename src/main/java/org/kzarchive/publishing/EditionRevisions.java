package org.kzarchive.publishing;

import java.util.Optional;

import org.kzarchive.archive.PublicationStatus;
import org.kzarchive.archive.TranslationRepository;
import org.kzarchive.reading.Edition;
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

    /** Which revision is published now, in one query: enough to find its files when they are already made. */
    public record Stamp(long translationId, long version, java.time.Instant updatedAt) {
    }

    @Transactional(readOnly = true)
    public Optional<Stamp> publishedStamp(String language, String work) {
        return translations.findByWorkAndLanguage(work, language, PublicationStatus.PUBLISHED)
                .map(t -> new Stamp(t.getId(), t.getVersion(), t.getUpdatedAt()));
    }

    /** The edition a page shows as a revision, when it is still the published one (else empty: load it again). */
    @Transactional(readOnly = true)
    public Optional<EditionRevision> sameRevision(Edition edition) {
        return translations.findById(edition.translationId())
                .filter(t -> t.getStatus() == PublicationStatus.PUBLISHED && t.getVersion() == edition.version())
                .map(t -> new EditionRevision(edition, t.getUpdatedAt(), t.getMarkdown()));
    }

    /** One snapshot: the text and the date always belong to the same version. */
    @Transactional(readOnly = true, isolation = Isolation.REPEATABLE_READ)
    public Optional<EditionRevision> published(String language, String work) {
        return translations.findByWorkAndLanguage(work, language, PublicationStatus.PUBLISHED)
                .flatMap(t -> editions.published(language, work)
                        .map(edition -> new EditionRevision(edition, t.getUpdatedAt(), t.getMarkdown())));
    }
}
