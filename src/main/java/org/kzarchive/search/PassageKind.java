package org.kzarchive.search;

import java.util.Locale;
import java.util.Optional;

/** What part of a work a passage comes from; readers can filter search results by it. */
public enum PassageKind {
    ANALYSIS("analysis", "Analisi"),
    INTERVIEW("interview", "Intervista"),
    CAPTION("caption", "Didascalia"),
    FOOTNOTE("footnote", "Nota"),
    TIMELINE("timeline", "Cronologia");

    private final String parameter;
    private final String label;

    PassageKind(String parameter, String label) {
        this.parameter = parameter;
        this.label = label;
    }

    /** The value used in URLs ({@code ?kind=interview}) and stored in the index. */
    public String parameter() {
        return parameter;
    }

    public String label() {
        return label;
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
