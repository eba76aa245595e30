package org.kzarchive.system;

import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.function.Function;

import jakarta.servlet.RequestDispatcher;
import jakarta.servlet.http.HttpServletRequest;

import org.kzarchive.archive.Addresses;

import org.springframework.http.HttpHeaders;
import org.springframework.web.util.UriComponentsBuilder;

/**
 * The languages the reader's interface speaks (one message bundle each) and the one a request gets:
 * an edition's page speaks the edition's language (from its address, or {@link PageLanguage} for
 * a preview); the home and search pages speak the {@value #PARAMETER} parameter's language, else the
 * browser's preferred one (Accept-Language), else Italian. A language without a bundle gets Italian.
 */
public final class InterfaceLanguage {

    /** The query parameter that chooses the interface language, as in {@code /?hl=ru}. */
    public static final String PARAMETER = "hl";
    public static final Locale DEFAULT = Locale.ITALIAN;
    /** In the order the language switchers list them. */
    public static final List<Locale> SUPPORTED = List.of(Locale.ITALIAN, Locale.ENGLISH, Locale.forLanguageTag("ru"));

    /** One entry of a language switcher: the page in another interface language. */
    public record Choice(String language, String name, String href, boolean current) {
    }

    private InterfaceLanguage() {
    }

    /** Every supported language, each with the address of the same page in it. */
    public static List<Choice> choices(Locale current, Function<String, String> nativeName,
                                       Function<String, String> href) {
        return SUPPORTED.stream().map(l -> new Choice(l.toLanguageTag(), nativeName.apply(l.toLanguageTag()),
                href.apply(l.toLanguageTag()), l.getLanguage().equals(current.getLanguage()))).toList();
    }

    /** The interface language of this request. */
    public static Locale of(HttpServletRequest request) {
        if (request.getAttribute(PageLanguage.ATTRIBUTE) instanceof Locale chosen) {
            return supportedOrDefault(chosen.toLanguageTag());
        }
        Optional<String> edition = editionLanguage(request);
        if (edition.isPresent()) {
            return supportedOrDefault(edition.get());
        }
        return chosen(request).or(() -> preferred(request.getHeader(HttpHeaders.ACCEPT_LANGUAGE))).orElse(DEFAULT);
    }

    /** Whether the page's language may come from the browser's Accept-Language header. */
    public static boolean followsTheBrowser(HttpServletRequest request) {
        return request.getAttribute(PageLanguage.ATTRIBUTE) == null && editionLanguage(request).isEmpty()
                && chosen(request).isEmpty();
    }

    /** The supported language a {@value #PARAMETER} value names, if any. */
    public static Optional<Locale> supported(String tag) {
        if (tag == null || !Addresses.isLanguage(tag.strip())) {
            return Optional.empty();
        }
        String language = Locale.forLanguageTag(tag.strip()).getLanguage();
        return SUPPORTED.stream().filter(l -> l.getLanguage().equals(language)).findFirst();
    }

    private static Locale supportedOrDefault(String tag) {
        return supported(tag).orElse(DEFAULT);
    }

    /** The first segment of /{lang}/{work}/…, the address of an edition's page (also when it was not found). */
    private static Optional<String> editionLanguage(HttpServletRequest request) {
        String uri = request.getAttribute(RequestDispatcher.ERROR_REQUEST_URI) instanceof String failed
                ? failed : request.getRequestURI();
        String path = uri.startsWith(request.getContextPath()) ? uri.substring(request.getContextPath().length()) : uri;
        int end = path.indexOf('/', 1);
        String first = path.length() > 1 ? path.substring(1, end < 0 ? path.length() : end) : "";
        return Addresses.isLanguage(first) ? Optional.of(first) : Optional.empty();
    }

    /** The {@value #PARAMETER} parameter, from the address only: reading a form body would parse uploads. */
    private static Optional<Locale> chosen(HttpServletRequest request) {
        String query = request.getQueryString();
        if (query == null || !query.contains(PARAMETER + "=")) {
            return Optional.empty();
        }
        return supported(UriComponentsBuilder.newInstance().query(query).build().getQueryParams().getFirst(PARAMETER));
    }

    private static Optional<Locale> preferred(String acceptLanguage) {
        if (acceptLanguage == null || acceptLanguage.isBlank() || acceptLanguage.length() > 500) {
            return Optional.empty();
        }
        try {
            return Optional.ofNullable(Locale.lookup(Locale.LanguageRange.parse(acceptLanguage), SUPPORTED));
        } catch (IllegalArgumentException unreadable) {
            return Optional.empty();
        }
    }
}
