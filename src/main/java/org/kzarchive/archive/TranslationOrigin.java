package org.kzarchive.archive;

/** Where a translation's current text came from: the content folder, or an editor on the site. */
public enum TranslationOrigin {
    CONTENT, EDITOR
}
