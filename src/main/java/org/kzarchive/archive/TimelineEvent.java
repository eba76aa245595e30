package org.kzarchive.archive;

import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;

/** A dated event the text narrates, pointing at the passage (block or note) that tells it. */
@Entity
public class TimelineEvent {

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    private Long id;

    private Long translationId;
    private int position;
    private String dateStart;
    private String dateEnd;
    private String label;
    private String targetAnchor;
    private String key;
    private boolean outsideText;

    protected TimelineEvent() {
    }

    public Long getId() {
        return id;
    }

    public int getPosition() {
        return position;
    }

    public String getAnchor() {
        return key;
    }

    /** The date comes from outside the text; the timeline page says so. */
    public boolean isOutsideText() {
        return outsideText;
    }

    public String getDateStart() {
        return dateStart;
    }

    public String getDateEnd() {
        return dateEnd;
    }

    public String getLabel() {
        return label;
    }

    public String getTargetAnchor() {
        return targetAnchor;
    }
}
