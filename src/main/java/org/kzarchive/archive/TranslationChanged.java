package org.kzarchive.archive;

/**
 * A translation's public text or visibility changed: it was published, replaced by a newer
 * revision, or withdrawn. Published inside the transaction that made the change; listen with
 * {@code @TransactionalEventListener(phase = AFTER_COMMIT)} to act only on committed changes
 * (the search index does). The listener should reload the translation: it may now be a draft.
 */
public record TranslationChanged(long translationId) {
}
