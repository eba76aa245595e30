package org.kzarchive.search;

import java.util.Locale;

/** One spelling per language tag, so that {@code PT-br} in a URL finds passages tagged {@code pt-BR}. */
final class LanguageTags {

    private LanguageTags() {
    }

    static String canonical(String tag) {
        String trimmed = tag.trim().replace('_', '-');
        String canonical = Locale.forLanguageTag(trimmed).toLanguageTag();
        // "und" means Java could not read the tag; keep what we were given rather than lose it.
        return "und".equals(canonical) ? trimmed : canonical;
    }

    /** The primary language subtag ({@code pt} for {@code pt-BR}), lower case. */
    static String primary(String tag) {
        String canonical = canonical(tag);
        int dash = canonical.indexOf('-');
        return (dash < 0 ? canonical : canonical.substring(0, dash)).toLowerCase(Locale.ROOT);
    }
}
