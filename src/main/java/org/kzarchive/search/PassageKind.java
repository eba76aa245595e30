package org.kzarchive.search;

import java.util.Locale;
import java.util.Optional;

/**
 * What part of a work a passage comes from; readers can filter search results by it. Its name on
 * a page is the message {@code search.kind.<parameter>}.
 */
public enum PassageKind {
    ANALYSIS("analysis"),
    INTERVIEW("interview"),
    CAPTION("caption"),
    FOOTNOTE("footnote"),
    TIMELINE("timeline");

    private final String parameter;

    PassageKind(String parameter) {
        this.parameter = parameter;
    }

    /** The value used in URLs ({@code ?kind=interview}) and stored in the index. */
    public String parameter() {
        return parameter;
    }

    /** Reads a URL parameter; anything unknown or blank means "no filter". */
    public static Optional<PassageKind> fromParameter(String value) {
        if (value == null) {
            return Optional.empty();
        }
        String wanted = value.trim().toLowerCase(Locale.ROOT);
        for (PassageKind kind : values()) {
            if (kind.parameter.equals(wanted)) {
                return Optional.of(kind);
            }
        }
        return Optional.empty();
    }
}
