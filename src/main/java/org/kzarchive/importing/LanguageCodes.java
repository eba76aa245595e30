package org.kzarchive.importing;

import java.util.IllformedLocaleException;
import java.util.Locale;

/** BCP 47 language codes: which are valid, and what each language calls itself. */
public final class LanguageCodes {

    private LanguageCodes() {
    }

    /** A well-formed BCP 47 tag whose language subtag is a known ISO 639 language. */
    public static boolean isKnown(String tag) {
        if (tag == null || tag.isBlank()) {
            return false;
        }
        try {
            Locale locale = new Locale.Builder().setLanguageTag(tag).build();
            String language = locale.getLanguage();
            return !language.isEmpty() && !locale.getDisplayLanguage(Locale.ENGLISH).equalsIgnoreCase(language)
                    && locale.toLanguageTag().equalsIgnoreCase(tag);
        } catch (IllformedLocaleException e) {
            return false;
        }
    }

    /** The language's name in its own language, capitalised: "italiano" → "Italiano", "ru" → "Русский". */
    public static String nativeName(String tag) {
        Locale locale = Locale.forLanguageTag(tag);
        String name = locale.getDisplayName(locale);
        return name.isEmpty() ? tag : name.substring(0, 1).toUpperCase(locale) + name.substring(1);
    }
}
