package org.kzarchive.editing;

import org.kzarchive.archive.Languages;

import org.springframework.stereotype.Component;
import org.springframework.validation.Errors;

/**
 * Rules of the translation form that need the archive: the work must exist, the language code
 * must be valid, and a new translation must not exist yet in that language.
 */
@Component
class TranslationFormValidator {

    private final EditedTranslations translations;

    TranslationFormValidator(EditedTranslations translations) {
        this.translations = translations;
    }

    void validate(TranslationForm form, boolean adding, Errors errors) {
        String language = form.getLanguage();
        if (language != null && !language.isBlank() && !Languages.isKnown(language)) {
            errors.rejectValue("language", "unknown", "Unknown language code '" + language
                    + "'. Use a BCP 47 code such as en, ru, de, pt-BR or kk.");
        }
        if (!adding || form.getWork() == null || form.getWork().isBlank()) {
            return;
        }
        if (!translations.works().contains(form.getWork())) {
            errors.rejectValue("work", "unknown", "The archive has no work '" + form.getWork() + "'. Choose one from the list.");
        } else if (language != null && !errors.hasFieldErrors("language")) {
            translations.idOf(form.getWork(), language).ifPresent(id -> errors.rejectValue("language", "exists",
                    "This work already has a translation in " + Languages.nativeName(language) + " (" + language
                            + "). Revise it from the list of translations instead."));
        }
    }
}
