package org.kzarchive.archive;

import java.time.Instant;

import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.FetchType;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.JoinColumn;
import jakarta.persistence.ManyToOne;

/** One language's text of a work: its credits, its Markdown as written, and its publication state. */
@Entity
public class Translation {

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    private Long id;

    @ManyToOne(fetch = FetchType.LAZY, optional = false)
    @JoinColumn(name = "work_id")
    private Work work;

    private String language;
    private String title;
    private String subtitle;
    private String translator;
    private String source;
    private String translatedFrom;
    private String markdown;
    private String contentHash;

    @Enumerated(EnumType.STRING)
    private TranslationOrigin origin;

    @Enumerated(EnumType.STRING)
    private PublicationStatus status;

    private long version;
    private Instant updatedAt;

    protected Translation() {
    }

    public Long getId() {
        return id;
    }

    public Work getWork() {
        return work;
    }

    public String getLanguage() {
        return language;
    }

    /** The address of this translation's full text. */
    public String getPath() {
        return Addresses.edition(language, work.getSlug());
    }

    public String getTitle() {
        return title;
    }

    public String getSubtitle() {
        return subtitle;
    }

    public String getTranslator() {
        return translator;
    }

    public String getSource() {
        return source;
    }

    /** The language of the edition this one was translated from, or null. */
    public String getTranslatedFrom() {
        return translatedFrom;
    }

    public String getMarkdown() {
        return markdown;
    }

    public String getContentHash() {
        return contentHash;
    }

    public TranslationOrigin getOrigin() {
        return origin;
    }

    public PublicationStatus getStatus() {
        return status;
    }

    public long getVersion() {
        return version;
    }

    public Instant getUpdatedAt() {
        return updatedAt;
    }
}
