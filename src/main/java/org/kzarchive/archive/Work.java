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

    protected Work() {
    }

    public Long getId() {
        return id;
    }

    public String getSlug() {
        return slug;
    }
}
