package org.kzarchive.archive;

/**
 * The database may hold changes this instance has not seen: another instance announced a
 * committed change, the connection that listens for announcements was (re)opened, or a periodic
 * check came due. Listeners compare what they mirror with the database and catch up; unlike
 * {@link TranslationChanged} it names no translation, since a missed announcement names none.
 *
 * @param reason why, for the log
 */
public record ArchiveMayHaveChanged(String reason) {
}
