package org.kzarchive.archive;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;

/** One citation of a note: the id of its mark in the text and the block that holds it. */
@Entity
public class FootnoteReference {

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    private Long id;

    @Column(name = "footnote_id")
    private Long footnoteId;

    private int position;
    private String anchor;
    private String blockAnchor;

    protected FootnoteReference() {
    }

    public int getPosition() {
        return position;
    }

    public String getAnchor() {
        return anchor;
    }

    public String getBlockAnchor() {
        return blockAnchor;
    }
}
