package org.kzarchive.archive;

import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;

/** A text of the archive, identified across its translations by its slug. */
@Entity
public class Work {

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    private Long id;

    private String slug;
    private String referenceLanguage;
    private String firstLanguage;
    private String author;
    private String published;
    private String originalUrl;

    protected Work() {
    }

    public Long getId() {
        return id;
    }

    public String getSlug() {
        return slug;
    }

    /** The facts of the work, as its work file gives them. */
    public WorkFacts facts() {
        return new WorkFacts(slug, referenceLanguage, firstLanguage, author, published, originalUrl);
    }
}
