package org.kzarchive.search;

import java.util.List;
import java.util.Map;

/**
 * What a search found, with everything the search page shows.
 *
 * @param query          the query as it was used (cleaned, perhaps shortened)
 * @param language       the language filter applied, or null
 * @param kind           the kind filter applied, or null
 * @param totalHits      matches with both filters applied
 * @param page           the page shown, 1-based (moved to the last page if the request went past it)
 * @param kindCounts     matches per kind, with the language filter but not the kind filter
 *                       (so the reader sees what switching kind would give); every kind is present
 * @param languageCounts matches per language tag, with the kind filter but not the language filter;
 *                       most matches first
 * @param suggestions    "did you mean" queries, only when nothing was found
 * @param notices        what the reader should know about how their query was read
 */
public record SearchResults(
        String query,
        String language,
        PassageKind kind,
        List<SearchHit> hits,
        long totalHits,
        int page,
        int pageSize,
        Map<PassageKind, Long> kindCounts,
        Map<String, Long> languageCounts,
        List<String> suggestions,
        List<QueryNotice> notices) {

    public SearchResults {
        hits = List.copyOf(hits);
        suggestions = List.copyOf(suggestions);
        notices = List.copyOf(notices);
    }

    public int pageCount() {
        return (int) ((totalHits + pageSize - 1) / pageSize);
    }

    public boolean hasPreviousPage() {
        return page > 1;
    }

    public boolean hasNextPage() {
        return page < pageCount();
    }

    /** Default (English) texts of the notices, for pages without a message bundle. */
    public List<String> messages() {
        return notices.stream().map(QueryNotice::text).toList();
    }
}
