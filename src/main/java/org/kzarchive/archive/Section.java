package org.kzarchive.archive;

import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;

/** A part of a translation's text under one heading (the opening has none). */
@Entity
public class Section {

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    private Long id;

    private Long translationId;
    private int position;
    private String anchor;
    private String title;
    private String titleHtml;

    protected Section() {
    }

    public Long getId() {
        return id;
    }

    public Long getTranslationId() {
        return translationId;
    }

    public int getPosition() {
        return position;
    }

    public String getAnchor() {
        return anchor;
    }

    public String getTitle() {
        return title;
    }

    public String getTitleHtml() {
        return titleHtml;
    }
}
