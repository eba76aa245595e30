package org.kzarchive.editing;

import org.kzarchive.archive.Languages;
import java.util.List;

import org.springframework.stereotype.Component;
import org.springframework.ui.Model;

/** Everything the translation form shows besides the form itself. */
@Component
class TranslationFormPage {

    static final String FORM_VIEW = "editing/form";

    private final EditedTranslations translations;

    TranslationFormPage(EditedTranslations translations) {
        this.translations = translations;
    }

    /** @param translation the translation being revised, null when adding one */
    String show(TranslationForm form, EditedTranslations.Summary translation, List<ProblemView> problems, Model model) {
        model.addAttribute("form", form);
        model.addAttribute("translation", translation);
        model.addAttribute("problems", problems);
        model.addAttribute("works", translations.works());
        model.addAttribute("languages", Languages.suggestions());
        model.addAttribute("templates", translations.all());
        return FORM_VIEW;
    }
}
