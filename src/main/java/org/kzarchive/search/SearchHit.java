package org.kzarchive.search;

/**
 * One found passage.
 *
 * @param excerptHtml the passage text around the matches, HTML-escaped, matches in {@code <mark>};
 *                    safe to insert unescaped into a page
 */
public record SearchHit(Passage passage, String excerptHtml, float score) {

    public String workTitle() {
        return passage.workTitle();
    }

    public String sectionTitle() {
        return passage.sectionTitle();
    }

    public PassageKind kind() {
        return passage.kind();
    }

    public String language() {
        return passage.language();
    }

    public String url() {
        return passage.url();
    }
}
