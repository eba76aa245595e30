package org.kzarchive.search;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

import org.kzarchive.archive.Languages;

/**
 * The search page's URL parameters as typed or tampered with: each is read leniently, and whatever
 * cannot be used is dropped with a {@link Problem} to tell the reader, never an error page.
 *
 * @param requestedPage the page number asked for, after reading; 1 when none or unreadable
 */
record SearchParameters(SearchRequest request, int requestedPage, List<Problem> problems) {

    /** A parameter that was ignored; {@code key} is a message key taking the shortened value as {0}. */
    record Problem(String key, String value) {
    }

    private static final int SHOWN_VALUE_LENGTH = 40;

    static SearchParameters read(String q, String lang, String kind, String page) {
        List<Problem> problems = new ArrayList<>();
        String language = null;
        if (lang != null && !lang.isBlank()) {
            if (Languages.isKnown(lang.strip())) {
                language = lang.strip();
            } else {
                problems.add(new Problem("search.notice.unknown-language", shown(lang)));
            }
        }
        PassageKind passageKind = null;
        if (kind != null && !kind.isBlank()) {
            Optional<PassageKind> known = PassageKind.fromParameter(kind);
            if (known.isPresent()) {
                passageKind = known.get();
            } else {
                problems.add(new Problem("search.notice.unknown-kind", shown(kind)));
            }
        }
        int pageNumber = 1;
        if (page != null && !page.isBlank()) {
            String digits = page.strip().replaceFirst("^\\+", "").replaceFirst("^0+(?=[0-9])", "");
            if (!digits.matches("[0-9]+") || digits.equals("0")) {
                problems.add(new Problem("search.notice.bad-page", shown(page)));
            } else {
                // Beyond nine digits it is further than any result list goes: the last page is shown.
                pageNumber = digits.length() > 9 ? Integer.MAX_VALUE : Integer.parseInt(digits);
            }
        }
        SearchRequest request = new SearchRequest(q, language, passageKind, pageNumber, SearchRequest.DEFAULT_PAGE_SIZE);
        return new SearchParameters(request, pageNumber, problems);
    }

    boolean hasQuery() {
        return !request.q().isBlank();
    }

    /** The value as the reader may see it again: printable characters only, and not too long. */
    private static String shown(String value) {
        String printable = value.codePoints()
                .filter(cp -> !Character.isISOControl(cp) && Character.getType(cp) != Character.FORMAT)
                .collect(StringBuilder::new, StringBuilder::appendCodePoint, StringBuilder::append)
                .toString().strip();
        return printable.length() <= SHOWN_VALUE_LENGTH ? printable
                : printable.substring(0, printable.offsetByCodePoints(0, Math.min(SHOWN_VALUE_LENGTH,
                        printable.codePointCount(0, printable.length())))) + "…";
    }
}
