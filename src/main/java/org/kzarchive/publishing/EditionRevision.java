package org.kzarchive.publishing;

import java.time.Instant;
import java.time.ZoneOffset;
import java.util.Locale;

import org.kzarchive.reading.Edition;

/**
 * A published edition as of one revision: what every download is built from. Two requests for the
 * same translation and version get the same bytes.
 *
 * @param updatedAt when this revision was published; the files' only timestamp
 * @param markdown  the source the editors wrote
 */
public record EditionRevision(Edition edition, Instant updatedAt, String markdown) {

    public long translationId() {
        return edition.translationId();
    }

    public long version() {
        return edition.version();
    }

    public String language() {
        return edition.language();
    }

    public String work() {
        return edition.workSlug();
    }

    public Locale locale() {
        return Locale.forLanguageTag(edition.language());
    }

    /** The day of the revision, e.g. 2026-12-02, for colophons and citations. */
    public String day() {
        return updatedAt.atOffset(ZoneOffset.UTC).toLocalDate().toString();
    }
}
