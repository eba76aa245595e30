package org.kzarchive.importing;

import org.kzarchive.system.Sha256;

/**
 * One translation file of the content folder.
 *
 * @param name     path relative to the content folder's parent, as people see it: content/it/x.md
 * @param language the language folder it lives in
 * @param slug     the file name without .md: the work's slug
 */
public record ContentFile(String name, String language, String slug, String text) {

    public String hash() {
        return Sha256.hex(text);
    }
}
