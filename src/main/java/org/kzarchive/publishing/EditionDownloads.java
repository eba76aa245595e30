package org.kzarchive.publishing;

import java.util.Arrays;
import java.util.List;

import org.kzarchive.reading.Edition;

import org.springframework.stereotype.Component;

/** The downloads an edition's page lists, with their sizes and checksums (called from the template). */
@Component("editionDownloads")
public class EditionDownloads {

    private final Downloads downloads;
    private final EditionRevisions revisions;

    EditionDownloads(Downloads downloads, EditionRevisions revisions) {
        this.downloads = downloads;
        this.revisions = revisions;
    }

    /** Empty for a preview: only published revisions have files. */
    public List<Download> of(Edition edition) {
        if (edition.translationId() == null) {
            return List.of();
        }
        // the page's edition with its revision's date and source: one query more, not a second load of the text
        return revisions.sameRevision(edition)
                .map(revision -> Arrays.stream(DownloadFormat.values()).map(format -> downloads.of(revision, format)).toList())
                .orElseGet(() -> downloads.allPublished(edition.language(), edition.workSlug()));
    }
}
