package org.kzarchive.search;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;

import org.kzarchive.system.InterfaceLanguage;

/**
 * Addresses of search pages, with only the parameters that differ from the defaults. The language
 * filter ({@code lang}: which editions to search) and the interface language ({@code hl}) are
 * separate settings: every link keeps the reader's {@code hl}.
 */
final class SearchLinks {

    static final String PATH = "/search";

    private SearchLinks() {
    }

    static String to(String q, String language, PassageKind kind, int page) {
        return to(q, language, kind, page, null);
    }

    /** @param interfaceLanguage the {@code hl} the reader chose, or null when the browser's language is used */
    static String to(String q, String language, PassageKind kind, int page, String interfaceLanguage) {
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
        if (interfaceLanguage != null) {
            link.append("&").append(InterfaceLanguage.PARAMETER).append("=").append(encode(interfaceLanguage));
        }
        return link.toString();
    }

    /** Form encoding, as the search form itself sends: "+" and "&" in a query stay what they were. */
    private static String encode(String value) {
        return URLEncoder.encode(value == null ? "" : value, StandardCharsets.UTF_8);
    }
}
