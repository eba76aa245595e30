package org.kzarchive.archive;

import java.util.ArrayList;
import java.util.List;

import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.JoinColumn;
import jakarta.persistence.OneToMany;
import jakarta.persistence.OrderBy;

/** A numbered note and the places in the text that cite it. */
@Entity
public class Footnote {

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    private Long id;

    private Long translationId;
    private int number;
    private String label;
    private String anchor;

    @Enumerated(EnumType.STRING)
    private NoteKind kind;
    private String html;
    private String plainText;

    @OneToMany
    @JoinColumn(name = "footnote_id")
    @OrderBy("position")
    private List<FootnoteReference> references = new ArrayList<>();

    protected Footnote() {
    }

    public Long getId() {
        return id;
    }

    public Long getTranslationId() {
        return translationId;
    }

    public int getNumber() {
        return number;
    }

    public String getAnchor() {
        return anchor;
    }

    public NoteKind getKind() {
        return kind;
    }

    public String getLabel() {
        return label;
    }

    public String getHtml() {
        return html;
    }

    public String getPlainText() {
        return plainText;
    }

    public List<FootnoteReference> getReferences() {
        return references;
    }
}
