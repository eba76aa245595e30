package org.kzarchive.search;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import org.kzarchive.archive.Languages;

/**
 * What the search results template shows, with every link already built.
 *
 * @param firstPosition the rank of the first hit shown, for the numbered list
 * @param previous      link to the previous page, or null
 * @param next          link to the next page, or null
 */
record SearchPage(
        String query,
        long total,
        int page,
        int lastPage,
        int firstPosition,
        List<Hit> hits,
        List<Facet> kinds,
        List<Facet> languages,
        Facet allKinds,
        Facet allLanguages,
        List<PageLink> pages,
        String previous,
        String next,
        List<Suggestion> suggestions) {

    /**
     * @param heading the passage's section, or the work's title when the passage has no section
     * @param alsoIn  the same passage in the work's other editions
     */
    record Hit(String url, String heading, String workTitle, String kind, String language, String languageName,
               String excerptHtml, List<Counterpart> alsoIn) {
    }

    /** A link to the same passage in another edition, named in that edition's language. */
    record Counterpart(String language, String languageName, String url) {
    }

    /** A filter value: {@code value} is the kind parameter or language tag, null for "all". */
    record Facet(String value, String label, long count, String href, boolean selected) {
    }

    record PageLink(int number, String href, boolean current) {
    }

    record Suggestion(String query, String href) {
    }

    private static final int PAGE_LINKS_AROUND = 4;

    /** @param hl the interface language the reader chose in the address, kept in every link; or null */
    static SearchPage of(SearchResults results, String hl) {
        String q = results.query();
        String language = results.language();
        PassageKind kind = results.kind();

        List<Hit> hits = results.hits().stream().map(SearchPage::hit).toList();

        List<Facet> kinds = new ArrayList<>();
        long allKindsCount = 0;
        for (Map.Entry<PassageKind, Long> entry : results.kindCounts().entrySet()) {
            allKindsCount += entry.getValue();
            boolean selected = entry.getKey() == kind;
            if (entry.getValue() > 0 || selected) {
                kinds.add(new Facet(entry.getKey().parameter(), null, entry.getValue(), // named by the page's messages
                        SearchLinks.to(q, language, selected ? null : entry.getKey(), 1, hl), selected));
            }
        }
        Facet allKinds = new Facet(null, null, allKindsCount, SearchLinks.to(q, language, null, 1, hl), kind == null);

        List<Facet> languages = new ArrayList<>();
        long allLanguagesCount = 0;
        boolean selectedListed = false;
        for (Map.Entry<String, Long> entry : results.languageCounts().entrySet()) {
            allLanguagesCount += entry.getValue();
            boolean selected = entry.getKey().equals(language);
            selectedListed |= selected;
            languages.add(new Facet(entry.getKey(), Languages.nativeName(entry.getKey()), entry.getValue(),
                    SearchLinks.to(q, selected ? null : entry.getKey(), kind, 1, hl), selected));
        }
        if (language != null && !selectedListed) {
            languages.add(new Facet(language, Languages.nativeName(language), 0,
                    SearchLinks.to(q, null, kind, 1, hl), true));
        }
        Facet allLanguages = new Facet(null, null, allLanguagesCount, SearchLinks.to(q, null, kind, 1, hl),
                language == null);

        int pageSize = results.pageSize();
        int lastPage = (int) Math.max(1, Math.min(results.pageCount(), PassageSearch.MAX_RESULT_WINDOW / pageSize));
        int page = Math.min(results.page(), lastPage);
        List<PageLink> pages = new ArrayList<>();
        for (int number = Math.max(1, page - PAGE_LINKS_AROUND); number <= Math.min(lastPage, page + PAGE_LINKS_AROUND); number++) {
            pages.add(new PageLink(number, SearchLinks.to(q, language, kind, number, hl), number == page));
        }
        String previous = page > 1 ? SearchLinks.to(q, language, kind, page - 1, hl) : null;
        String next = page < lastPage ? SearchLinks.to(q, language, kind, page + 1, hl) : null;

        List<Suggestion> suggestions = results.suggestions().stream()
                .map(s -> new Suggestion(s, SearchLinks.to(s, language, kind, 1, hl))).toList();

        return new SearchPage(q, results.totalHits(), page, lastPage, (page - 1) * pageSize + 1, hits, kinds, languages,
                allKinds, allLanguages, pages, previous, next, suggestions);
    }

    private static Hit hit(SearchHit hit) {
        Passage passage = hit.passage();
        String heading = passage.sectionTitle() != null ? passage.sectionTitle() : passage.workTitle();
        return new Hit(passage.url(), heading, passage.workTitle(), passage.kind().parameter(), passage.language(),
                Languages.nativeName(passage.language()), hit.excerptHtml(), hit.alsoIn().stream()
                        .map(c -> new Counterpart(c.language(), Languages.nativeName(c.language()), c.url())).toList());
    }
}
