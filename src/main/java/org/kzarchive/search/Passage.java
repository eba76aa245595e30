package org.kzarchive.search;

import org.kzarchive.archive.Languages;
import java.util.Objects;

/**
 * The unit of search: one paragraph, quotation, interview turn, caption, footnote or timeline
 * entry of one translation, with everything needed to show it as a search hit.
 *
 * @param id            globally unique, e.g. {@code t12:prigione-delle-nazioni-3}
 * @param language      BCP 47 tag of the translation, e.g. {@code it}, {@code pt-BR}
 * @param sectionTitle  may be null (the opening of a work has no heading)
 * @param url           link to the passage on its page, including {@code #anchor}
 * @param text          plain text, no markup
 */
public record Passage(
        String id,
        String language,
        String workSlug,
        String workTitle,
        long translationId,
        PassageKind kind,
        String sectionTitle,
        String anchor,
        String url,
        String text) {

    public Passage {
        requireText(id, "id");
        requireText(language, "language");
        requireText(workSlug, "workSlug");
        requireText(workTitle, "workTitle");
        Objects.requireNonNull(kind, "kind");
        requireText(anchor, "anchor");
        requireText(url, "url");
        Objects.requireNonNull(text, "text");
        language = Languages.canonical(language);
    }

    /**
     * What this passage has in common with its counterparts in the work's other editions: the work
     * and the passage's id within its translation (its anchor, which every edition keeps alike).
     */
    public String alignment() {
        return alignment(workSlug, id);
    }

    static String alignment(String workSlug, String passageId) {
        // ids are "t<translation>:<anchor>" or "t<translation>:timeline:<anchor>"
        return workSlug + "|" + passageId.substring(passageId.indexOf(':') + 1);
    }

    private static void requireText(String value, String name) {
        if (value == null || value.isBlank()) {
            throw new IllegalArgumentException("A passage needs a non-blank " + name);
        }
    }
}
