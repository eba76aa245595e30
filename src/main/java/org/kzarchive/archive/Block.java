package org.kzarchive.archive;

import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.FetchType;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.JoinColumn;
import jakarta.persistence.ManyToOne;

/**
 * A passage with its own link: paragraph, quotation, interview question or answer, or figure.
 * {@code html} was rendered and sanitized when the translation was saved.
 */
@Entity
public class Block {

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    private Long id;

    private Long translationId;

    @ManyToOne(fetch = FetchType.LAZY, optional = false)
    @JoinColumn(name = "section_id")
    private Section section;

    private int position;
    private String anchor;
    private String keys;
    private String annotates;

    @Enumerated(EnumType.STRING)
    private BlockKind kind;

    private Integer exchange;
    private String html;
    private String plainText;
    private String figureDate;
    private String figureCredit;
    private String figureImage;

    protected Block() {
    }

    public Long getId() {
        return id;
    }

    public Long getTranslationId() {
        return translationId;
    }

    public Section getSection() {
        return section;
    }

    public int getPosition() {
        return position;
    }

    public String getAnchor() {
        return anchor;
    }

    /** The reference keys this block renders: one, or several when it merges reference blocks. */
    public java.util.List<String> getKeys() {
        return java.util.List.of(keys.split(" "));
    }

    /** For an editorial note: the key of the passage it is about. */
    public String getAnnotates() {
        return annotates;
    }

    public BlockKind getKind() {
        return kind;
    }

    public Integer getExchange() {
        return exchange;
    }

    public String getHtml() {
        return html;
    }

    public String getPlainText() {
        return plainText;
    }

    public String getFigureDate() {
        return figureDate;
    }

    public String getFigureCredit() {
        return figureCredit;
    }

    public String getFigureImage() {
        return figureImage;
    }
}
