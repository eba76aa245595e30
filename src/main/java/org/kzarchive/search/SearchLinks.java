package org.kzarchive.search;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;

/** Addresses of search pages, with only the parameters that differ from the defaults. */
final class SearchLinks {

    static final String PATH = "/search";

    private SearchLinks() {
    }

    static String to(String q, String language, PassageKind kind, int page) {
        StringBuilder link = new StringBuilder(PATH).append("?q=").append(encode(q));
        if (language != null) {
            link.append("&lang=").append(encode(language));
        }
        if (kind != null) {
            link.append("&kind=").append(kind.parameter());
        }
        if (page > 1) {
            link.append("&page=").append(page);
        }
        return link.toString();
    }

    /** Form encoding, as the search form itself sends: "+" and "&" in a query stay what they were. */
    private static String encode(String value) {
        return URLEncoder.encode(value == null ? "" : value, StandardCharsets.UTF_8);
    }
}
