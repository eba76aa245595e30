package org.kzarchive.editing;

import java.util.Optional;

import org.kzarchive.importing.ParsedTranslation;

import org.springframework.stereotype.Component;

/** Finds the original a translation is compared with and compares them. */
@Component
class AlignmentCheck {

    private final EditedTranslations translations;
    private final TranslationRevisionRepository revisions;
    private final TranslationCheck check;

    AlignmentCheck(EditedTranslations translations, TranslationRevisionRepository revisions, TranslationCheck check) {
        this.translations = translations;
        this.revisions = revisions;
        this.check = check;
    }

    /** Empty when the work has no other published translation, or this one is the original. */
    Optional<AlignmentReport> against(String work, String language, ParsedTranslation translation) {
        return translations.originalOf(work)
                .filter(original -> !original.language().equals(language))
                .flatMap(original -> revisions.findByTranslationIdAndNumber(original.id(),
                        original.publishedRevision() == null ? original.headRevision() : original.publishedRevision()))
                .map(revision -> check.check(revision.getMarkdown()))
                .filter(TranslationCheck.Outcome::ok)
                .map(original -> AlignmentReport.compare(original.parsed().metadata().language(), original.parsed(), translation));
    }
}
