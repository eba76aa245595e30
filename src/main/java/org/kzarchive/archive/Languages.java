package org.kzarchive.archive;

import java.util.IllformedLocaleException;
import java.util.List;
import java.util.Locale;

/** Language codes (BCP 47): which are valid, how each is spelled, and what each language calls itself. */
public final class Languages {

    /** Languages a translation of this archive is likely to be in; any other valid code is accepted too. */
    public static final List<String> SUGGESTED = List.of("it", "en", "ru", "kk", "uk", "be", "ky", "uz", "tg", "tk", "az", "ka",
            "hy", "de", "fr", "es", "pt", "pt-BR", "ca", "eu", "gl", "nl", "sv", "da", "no", "fi", "pl", "cs", "sk", "sl", "hr",
            "sr", "bg", "ro", "hu", "el", "tr", "fa", "ar", "he", "hi", "id", "zh", "ja", "ko");

    /** @param name the language's name in its own language */
    public record Choice(String code, String name) {
    }

    private Languages() {
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

    /** The usual spelling of a code ("PT_br" → "pt-BR"); a code Java cannot read is kept as given, trimmed. */
    public static String canonical(String tag) {
        if (tag == null) {
            return null;
        }
        String trimmed = tag.trim().replace('_', '-');
        if (!isKnown(trimmed)) {
            return trimmed;
        }
        return Locale.forLanguageTag(trimmed).toLanguageTag();
    }

    /** The primary language subtag ({@code pt} for {@code pt-BR}), lower case. */
    public static String primary(String tag) {
        String canonical = canonical(tag);
        int dash = canonical.indexOf('-');
        return (dash < 0 ? canonical : canonical.substring(0, dash)).toLowerCase(Locale.ROOT);
    }

    /** The language's name in its own language, capitalised: "it" → "Italiano", "ru" → "Русский". */
    public static String nativeName(String tag) {
        Locale locale = Locale.forLanguageTag(tag);
        String name = locale.getDisplayName(locale);
        return name.isEmpty() ? tag : name.substring(0, 1).toUpperCase(locale) + name.substring(1);
    }

    /** The language's name in another language, for "read beside English" or "translated from Italian". */
    public static String nameIn(String tag, Locale reader) {
        Locale locale = Locale.forLanguageTag(tag);
        String name = locale.getDisplayName(reader);
        return name.isEmpty() ? tag : name;
    }

    public static List<Choice> suggestions() {
        return SUGGESTED.stream().map(code -> new Choice(code, nativeName(code))).toList();
    }
}
