package org.kzarchive.search;

import java.util.List;

/**
 * One found passage.
 *
 * @param excerptHtml the passage text around the matches, HTML-escaped, matches in {@code <mark>};
 *                    safe to insert unescaped into a page
 * @param alsoIn      the same passage in the work's other published editions, by language tag
 */
public record SearchHit(Passage passage, String excerptHtml, float score, List<AlignedPassages.Counterpart> alsoIn) {

    public SearchHit {
        alsoIn = List.copyOf(alsoIn);
    }

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
