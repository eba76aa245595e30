package org.kzarchive.search;

import org.kzarchive.archive.Languages;

/**
 * A reader's search as it arrives from the search form; every value is made safe here.
 *
 * @param q        what the reader typed; may be null or blank
 * @param language BCP 47 tag to filter by, or null for all languages
 * @param kind     kind of passage to filter by, or null for all kinds
 * @param page     1-based; values below 1 become 1
 * @param pageSize hits per page, between 1 and {@value #MAX_PAGE_SIZE}; other values become the default
 */
public record SearchRequest(String q, String language, PassageKind kind, int page, int pageSize) {

    public static final int DEFAULT_PAGE_SIZE = 10;
    public static final int MAX_PAGE_SIZE = 50;

    public SearchRequest {
        q = q == null ? "" : q;
        language = language == null || language.isBlank() ? null : Languages.canonical(language);
        page = Math.max(page, 1);
        pageSize = pageSize < 1 || pageSize > MAX_PAGE_SIZE ? DEFAULT_PAGE_SIZE : pageSize;
    }

    public static SearchRequest of(String q) {
        return new SearchRequest(q, null, null, 1, DEFAULT_PAGE_SIZE);
    }

    public SearchRequest inLanguage(String languageTag) {
        return new SearchRequest(q, languageTag, kind, page, pageSize);
    }

    public SearchRequest ofKind(PassageKind passageKind) {
        return new SearchRequest(q, language, passageKind, page, pageSize);
    }

    public SearchRequest atPage(int pageNumber) {
        return new SearchRequest(q, language, kind, pageNumber, pageSize);
    }
}
