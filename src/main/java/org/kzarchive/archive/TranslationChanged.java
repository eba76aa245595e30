package org.kzarchive.archive;

/** A translation was published, revised or withdrawn; published after the database commit. */
public record TranslationChanged(long translationId) {
}
