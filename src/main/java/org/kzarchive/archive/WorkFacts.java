package org.kzarchive.archive;

/**
 * The facts of a work, kept in one place (content/works/&lt;work&gt;.yml, the work's row in the
 * database) rather than repeated in every translation.
 *
 * @param reference     language of the reference edition: the one whose keys every other edition aligns with
 * @param firstLanguage language the work first appeared in (may be one the archive does not hold)
 * @param published     date of first publication, YYYY, YYYY-MM or YYYY-MM-DD
 * @param originalUrl   address of the first publication, only when it can be sourced
 */
public record WorkFacts(String slug, String reference, String firstLanguage, String author, String published,
                        String originalUrl) {
}
