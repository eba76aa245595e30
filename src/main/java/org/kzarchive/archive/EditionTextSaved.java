package org.kzarchive.archive;

/**
 * An editor saved a translation's whole text (a new revision), or published it. Published inside
 * the saving transaction, so a listener's writes commit or roll back with the save.
 *
 * @param markdown          the text saved, checked
 * @param published         the text is now what readers see
 * @param minorSourceChange the editor marked the change "minor, keep translations"
 */
public record EditionTextSaved(long translationId, String markdown, boolean published, boolean minorSourceChange, String author) {
}
