package org.kzarchive.editing;

/**
 * Someone saved the translation after the editor started from {@code expected}: their revision is
 * the latest now, and saving on top of it would silently drop their work.
 */
public class RevisionConflictException extends RuntimeException {

    private final long translationId;
    private final TranslationRevision theirs;

    RevisionConflictException(long translationId, int expected, TranslationRevision theirs) {
        super("Translation " + translationId + " is at revision " + (theirs == null ? 0 : theirs.getNumber())
                + ", not " + expected);
        this.translationId = translationId;
        this.theirs = theirs;
    }

    long translationId() {
        return translationId;
    }

    /** the latest revision now; null when the translation has none */
    TranslationRevision theirs() {
        return theirs;
    }
}
