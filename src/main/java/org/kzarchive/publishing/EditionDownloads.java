package org.kzarchive.publishing;

import java.util.List;

import org.kzarchive.reading.Edition;

import org.springframework.stereotype.Component;

/** The downloads an edition's page lists, with their sizes and checksums (called from the template). */
@Component("editionDownloads")
public class EditionDownloads {

    private final Downloads downloads;

    EditionDownloads(Downloads downloads) {
        this.downloads = downloads;
    }

    /** Empty for a preview: only published revisions have files. */
    public List<Download> of(Edition edition) {
        if (edition.translationId() == null) {
            return List.of();
        }
        return downloads.allPublished(edition.language(), edition.workSlug());
    }
}
