package org.kzarchive.editing;

import org.kzarchive.archive.Languages;
import java.util.Locale;

import jakarta.servlet.http.HttpServletRequest;

import org.kzarchive.system.PageLanguage;

import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;

/**
 * Shows unpublished text through the readers' own templates, under a banner that says it is a
 * preview: the text in the form (not saved) or any stored revision, as each public page.
 */
@Controller
class PreviewController {

    private final EditionPreviews previews;
    private final TranslationCheck check;
    private final EditedTranslations translations;
    private final TranslationRevisionRepository revisions;
    private final TranslationFormPage formPage;

    PreviewController(EditionPreviews previews, TranslationCheck check, EditedTranslations translations,
                      TranslationRevisionRepository revisions, TranslationFormPage formPage) {
        this.previews = previews;
        this.check = check;
        this.translations = translations;
        this.revisions = revisions;
        this.formPage = formPage;
    }

    /** The form's text as the full-text page, before anything is saved. */
    @PostMapping("/admin/translations/preview")
    String previewForm(@ModelAttribute("form") TranslationForm form, Model model, HttpServletRequest request) {
        form.setLanguage(Languages.canonical(form.getLanguage()));
        var text = check.check(form);
        form.setMarkdown(text.markdown());
        form.setUpload(null);
        if (!text.ok()) {
            model.addAttribute("previewRefused", true);
            var translation = form.getBaseRevision() > 0
                    ? translations.idOf(form.getWork(), form.getLanguage()).flatMap(translations::find).orElse(null) : null;
            return formPage.show(form, translation, text.problems(), model);
        }
        return show(text, "text", EditionPreviews.banner("the text in the form, not saved", null, "text", "/admin"),
                model, request);
    }

    @GetMapping("/admin/translations/{id}/preview")
    String previewText(@PathVariable long id, @RequestParam(required = false) Integer revision, Model model,
                       HttpServletRequest request) {
        return previewRevision(id, "text", revision, model, request);
    }

    @GetMapping("/admin/translations/{id}/preview/{page:interview|timeline|photos|notes}")
    String previewPage(@PathVariable long id, @PathVariable String page, @RequestParam(required = false) Integer revision,
                       Model model, HttpServletRequest request) {
        return previewRevision(id, page, revision, model, request);
    }

    private String previewRevision(long id, String page, Integer number, Model model, HttpServletRequest request) {
        var revision = (number == null ? revisions.findFirstByTranslationIdOrderByNumberDesc(id)
                : revisions.findByTranslationIdAndNumber(id, number)).orElseThrow(() -> new TranslationNotFoundException(id));
        var text = check.check(revision.getMarkdown());
        if (!text.ok()) {
            model.addAttribute("translation", translations.find(id).orElseThrow());
            model.addAttribute("problems", text.problems());
            model.addAttribute("head", revision);
            return TranslationsController.TRANSLATION_VIEW;
        }
        String base = "/admin/translations/" + id + "/preview";
        String query = number == null ? "" : "?revision=" + number;
        var banner = EditionPreviews.banner("revision " + revision.getNumber(), base, page, "/admin/translations/" + id);
        banner = new EditionPreviews.Banner(banner.label(), banner.pages().stream()
                .map(l -> new EditionPreviews.Link(l.label(), l.path() + query, l.current())).toList(), banner.back());
        return show(text, page, banner, model, request);
    }

    private String show(TranslationCheck.Outcome text, String page, EditionPreviews.Banner banner, Model model,
                        HttpServletRequest request) {
        Locale locale = Locale.forLanguageTag(text.rendered().metadata().language());
        PageLanguage.set(request, locale);
        model.addAttribute("edition", previews.of(text.rendered()));
        model.addAttribute("locale", locale);
        model.addAttribute("preview", banner);
        return "reading/" + page;
    }
}
