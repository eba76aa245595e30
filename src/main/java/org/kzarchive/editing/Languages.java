package org.kzarchive.editing;

import java.util.List;
import java.util.Locale;

import org.kzarchive.importing.LanguageCodes;

/** The language choices offered in the form: any valid BCP 47 code, suggesting the likely ones. */
final class Languages {

    /** Languages a translation of this archive is likely to be in; any other valid code is accepted too. */
    static final List<String> SUGGESTED = List.of("it", "en", "ru", "kk", "uk", "be", "ky", "uz", "tg", "tk", "az", "ka", "hy",
            "de", "fr", "es", "pt", "pt-BR", "ca", "eu", "gl", "nl", "sv", "da", "no", "fi", "pl", "cs", "sk", "sl", "hr",
            "sr", "bg", "ro", "hu", "el", "tr", "fa", "ar", "he", "hi", "id", "zh", "ja", "ko");

    /** @param name the language's name in its own language */
    public record Choice(String code, String name) {
    }

    private Languages() {
    }

    static List<Choice> suggestions() {
        return SUGGESTED.stream().map(code -> new Choice(code, LanguageCodes.nativeName(code))).toList();
    }

    /** The usual spelling of a valid code ("PT-br" → "pt-BR"); anything else unchanged. */
    static String canonical(String tag) {
        return tag != null && LanguageCodes.isKnown(tag) ? Locale.forLanguageTag(tag).toLanguageTag() : tag;
    }
}
