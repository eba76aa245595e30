package org.kzarchive.system;

import java.io.ByteArrayOutputStream;
import java.net.URLEncoder;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import java.util.regex.Pattern;

import jakarta.servlet.http.HttpServletRequest;

import org.kzarchive.archive.Addresses;

/**
 * The one key under which a public page may be cached: for an edition's page or an Atom feed
 * ({@code /feed.atom}, {@code /{lang}/feed.atom}) its path alone, with no query; for the home and
 * search pages their path, the parameters that page reads (hl on the home page; q, lang, kind, page
 * and hl on the search page), decoded and in a fixed order, then a space and the interface language
 * the page is written in (one of {@link InterfaceLanguage#SUPPORTED}, which the home and search pages
 * may take from Accept-Language). Nothing else of the request goes
 * in: not the Host, not other headers, not parameters the page ignores. A request
 * that does not reduce to such a key (an unknown or repeated parameter, broken encoding, a key
 * longer than {@value #MAX_LENGTH} characters) is answered without the cache, so that no reader can
 * fill it with variations of one page.
 */
final class PageCacheKey {

    static final int MAX_LENGTH = 400;
    private static final Pattern READER_PAGE = Addresses.READER_PAGE_PATH;
    private static final Pattern FEED = Pattern.compile("(?:/" + Addresses.LANGUAGE_PATTERN + ")?/feed\\.atom");
    private static final String SEARCH = "/search";
    private static final char LANGUAGE_SEPARATOR = ' ';
    private static final List<String> HOME_PARAMETERS = List.of(InterfaceLanguage.PARAMETER);
    private static final List<String> SEARCH_PARAMETERS = List.of("q", "lang", "kind", "page", InterfaceLanguage.PARAMETER);

    private PageCacheKey() {
    }

    /** Whether {@code key} is a search page's, whose results change with the index. */
    static boolean isSearch(String key) {
        return key.startsWith(SEARCH);
    }

    /** Whether the page under {@code key} is written in an interface language (the home and search pages). */
    static boolean hasInterfaceLanguage(String key) {
        return key.indexOf(LANGUAGE_SEPARATOR) >= 0;
    }

    /** The path and query to ask for the page under {@code key}. */
    static String address(String key) {
        int separator = key.lastIndexOf(LANGUAGE_SEPARATOR);
        return separator < 0 ? key : key.substring(0, separator);
    }

    /**
     * The Accept-Language to send with {@link #address} for the page under {@code key}: its interface
     * language when the address does not name one with hl=, else empty.
     */
    static Optional<String> browserLanguage(String key) {
        String address = address(key);
        boolean named = address.contains("?" + InterfaceLanguage.PARAMETER + "=") || address.contains("&" + InterfaceLanguage.PARAMETER + "=");
        return hasInterfaceLanguage(key) && !named ? Optional.of(key.substring(address.length() + 1)) : Optional.empty();
    }

    /**
     * The key of a reader page or feed, when the request asks for one, taken unchecked from its
     * address: its path, or null for a request with a query. Only keys {@link #of} made are ever
     * kept, and every other key holds a space, so a cache looked up with it finds such a page or
     * nothing; a miss goes on to {@link #of}. It spares a kept page's reader the address patterns.
     */
    static String unchecked(HttpServletRequest request) {
        return request.getQueryString() == null ? path(request) : null;
    }

    static Optional<String> of(HttpServletRequest request) {
        String path = path(request);
        String query = request.getQueryString();
        if (path.length() > MAX_LENGTH || (query != null && query.length() > 3 * MAX_LENGTH)) {
            return Optional.empty();
        }
        List<String> known = path.equals("/") ? HOME_PARAMETERS : path.equals(SEARCH) ? SEARCH_PARAMETERS : null;
        if (known == null) {
            boolean page = READER_PAGE.matcher(path).matches() || FEED.matcher(path).matches();
            return page && query == null ? Optional.of(path) : Optional.empty();
        }
        Optional<Map<String, String>> parameters = parameters(query, known);
        if (parameters.isEmpty()) {
            return Optional.empty();
        }
        StringBuilder key = new StringBuilder(path);
        char separator = '?';
        for (String name : known) {
            String value = parameters.get().get(name);
            if (value != null && !value.isBlank()) {
                key.append(separator).append(name).append('=').append(URLEncoder.encode(value, StandardCharsets.UTF_8));
                separator = '&';
            }
        }
        key.append(LANGUAGE_SEPARATOR).append(InterfaceLanguage.of(request).toLanguageTag());
        return key.length() <= MAX_LENGTH ? Optional.of(key.toString()) : Optional.empty();
    }

    private static String path(HttpServletRequest request) {
        return request.getRequestURI().substring(request.getContextPath().length());
    }

    private static Optional<Map<String, String>> parameters(String query, List<String> known) {
        Map<String, String> values = new TreeMap<>();
        if (query == null || query.isEmpty()) {
            return Optional.of(values);
        }
        for (String pair : query.split("&", -1)) {
            int equals = pair.indexOf('=');
            String name = equals < 0 ? pair : pair.substring(0, equals);
            if (!known.contains(name)) {
                return Optional.empty();
            }
            Optional<String> value = decoded(equals < 0 ? "" : pair.substring(equals + 1));
            if (value.isEmpty() || values.putIfAbsent(name, value.get()) != null) {
                return Optional.empty();
            }
        }
        return Optional.of(values);
    }

    /** Form decoding that refuses what is not exactly readable: a broken %-escape, bytes that are not UTF-8. */
    private static Optional<String> decoded(String text) {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream(text.length());
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (c == '+') {
                bytes.write(' ');
            } else if (c == '%') {
                if (i + 2 >= text.length() || Character.digit(text.charAt(i + 1), 16) < 0 || Character.digit(text.charAt(i + 2), 16) < 0) {
                    return Optional.empty();
                }
                bytes.write(Integer.parseInt(text, i + 1, i + 3, 16));
                i += 2;
            } else if (c < 0x80) {
                bytes.write(c);
            } else {
                return Optional.empty(); // browsers send anything else percent-encoded
            }
        }
        try {
            return Optional.of(StandardCharsets.UTF_8.newDecoder().onMalformedInput(CodingErrorAction.REPORT)
                    .onUnmappableCharacter(CodingErrorAction.REPORT).decode(ByteBuffer.wrap(bytes.toByteArray())).toString());
        } catch (CharacterCodingException e) {
            return Optional.empty();
        }
    }
}
