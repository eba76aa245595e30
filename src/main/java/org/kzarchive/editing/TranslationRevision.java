package org.kzarchive.editing;

import java.time.Instant;

import jakarta.persistence.Entity;
import jakarta.persistence.Id;

/** One saved text of a translation. Written by TranslationWriter, never changed. */
@Entity
public class TranslationRevision {

    @Id
    private Long id;

    private Long translationId;
    private int number;
    private String markdown;
    private String contentHash;
    private String author;
    private String message;
    private Instant createdAt;

    protected TranslationRevision() {
    }

    public Long getTranslationId() {
        return translationId;
    }

    public int getNumber() {
        return number;
    }

    public String getMarkdown() {
        return markdown;
    }

    public String getContentHash() {
        return contentHash;
    }

    public String getAuthor() {
        return author;
    }

    public String getMessage() {
        return message;
    }

    public Instant getCreatedAt() {
        return createdAt;
    }
}
