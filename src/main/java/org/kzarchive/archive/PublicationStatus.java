package org.kzarchive.archive;

/** Drafts are seen only by editors; published translations by everyone. */
public enum PublicationStatus {
    DRAFT, PUBLISHED
}
