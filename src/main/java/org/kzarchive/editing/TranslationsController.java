package org.kzarchive.editing;

import org.kzarchive.accounts.LanguageAccess;
import org.kzarchive.archive.Languages;
import java.security.Principal;
import java.util.List;
import java.util.Set;

import jakarta.servlet.http.HttpServletResponse;
import jakarta.validation.Valid;

import org.kzarchive.importing.FrontMatterFields;

import org.springframework.dao.DuplicateKeyException;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.validation.BindingResult;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/** The editors' list of translations, and the form to add or revise one. */
@Controller
class TranslationsController {

    static final String LIST_VIEW = "editing/translations";
    static final String TRANSLATION_VIEW = "editing/translation";

    /** Front matter a translation used as a template loses: they belong to the translation, not the work. */
    private static final Set<String> OWN_KEYS = Set.of("language", "title", "subtitle", "translator", "source", "translated-from");

    private final EditedTranslations translations;
    private final TranslationRevisionRepository revisions;
    private final TranslationEditing editing;
    private final TranslationCheck check;
    private final TranslationFormValidator validator;
    private final AlignmentCheck alignment;
    private final TranslationFormPage formPage;
    private final LanguageAccess access;

    TranslationsController(EditedTranslations translations, TranslationRevisionRepository revisions, TranslationEditing editing,
                           TranslationCheck check, TranslationFormValidator validator, AlignmentCheck alignment,
                           TranslationFormPage formPage, LanguageAccess access) {
        this.access = access;
        this.translations = translations;
        this.revisions = revisions;
        this.editing = editing;
        this.check = check;
        this.validator = validator;
        this.alignment = alignment;
        this.formPage = formPage;
    }

    @GetMapping("/admin")
    String list(Model model) {
        model.addAttribute("translations", translations.all());
        return LIST_VIEW;
    }

    @GetMapping("/admin/translations/new")
    String newTranslation(@RequestParam(required = false) Long from, Model model) {
        TranslationForm form = new TranslationForm();
        List<String> works = translations.works();
        if (works.size() == 1) {
            form.setWork(works.get(0));
        }
        if (from != null) {
            var template = translations.find(from).orElseThrow(() -> new TranslationNotFoundException(from));
            form.setWork(template.work());
            revisions.findFirstByTranslationIdOrderByNumberDesc(from)
                    .ifPresent(r -> form.setMarkdown(FrontMatterFields.apply(FrontMatterFields.without(r.getMarkdown(), OWN_KEYS),
                            java.util.Map.of("translated-from", template.language()))));
            model.addAttribute("template", template);
        }
        return showForm(form, null, List.of(), model);
    }

    @PostMapping("/admin/translations")
    String create(@Valid @ModelAttribute("form") TranslationForm form, BindingResult result,
                  @RequestParam(defaultValue = "save") String action, Principal editor, Model model,
                  HttpServletResponse response, RedirectAttributes redirect) {
        form.setLanguage(Languages.canonical(form.getLanguage()));
        mayTranslate(editor, form.getLanguage());
        form.setBaseRevision(0);
        validator.validate(form, true, result);
        TranslationCheck.Outcome text = check.check(form);
        form.setMarkdown(text.markdown());
        form.setUpload(null);
        if (result.hasErrors() || !text.ok()) {
            return showForm(form, null, text.problems(), model);
        }
        try {
            var saved = editing.create(text, editor.getName(), form.getMessage(), "publish".equals(action));
            redirect.addFlashAttribute("message", saved.published()
                    ? "The translation is published as revision " + saved.revision() + "."
                    : "The translation is saved as a draft (revision " + saved.revision() + "). Readers do not see it until you publish it.");
            return "redirect:/admin/translations/" + saved.translationId();
        } catch (RevisionConflictException conflict) {
            return showConflict(form, conflict, model, response);
        } catch (DuplicateKeyException raced) {
            // added by someone else between our check and our insert
            long id = translations.idOf(form.getWork(), form.getLanguage()).orElseThrow(() -> raced);
            return showConflict(form, new RevisionConflictException(id, 0,
                    revisions.findFirstByTranslationIdOrderByNumberDesc(id).orElse(null)), model, response);
        }
    }

    @GetMapping("/admin/translations/{id}")
    String show(@PathVariable long id, Model model) {
        var translation = translations.find(id).orElseThrow(() -> new TranslationNotFoundException(id));
        model.addAttribute("translation", translation);
        revisions.findFirstByTranslationIdOrderByNumberDesc(id).ifPresent(head -> {
            model.addAttribute("head", head);
            var text = check.check(head.getMarkdown());
            model.addAttribute("problems", text.problems());
            if (text.ok()) {
                alignment.against(translation.work(), translation.language(), text.parsed())
                        .ifPresent(report -> model.addAttribute("alignment", report));
            }
        });
        return TRANSLATION_VIEW;
    }

    @GetMapping("/admin/translations/{id}/edit")
    String edit(@PathVariable long id, Model model) {
        var translation = translations.find(id).orElseThrow(() -> new TranslationNotFoundException(id));
        TranslationForm form = new TranslationForm();
        form.setWork(translation.work());
        form.setLanguage(translation.language());
        form.setBaseRevision(translation.headRevision());
        revisions.findFirstByTranslationIdOrderByNumberDesc(id).ifPresent(head -> {
            form.setMarkdown(head.getMarkdown());
            var text = check.check(head.getMarkdown());
            if (text.parsed() != null) {
                var meta = text.parsed().metadata();
                form.setTitle(meta.title());
                form.setSubtitle(meta.subtitle());
                form.setTranslator(meta.translator());
                form.setSource(meta.source());
            }
        });
        return showForm(form, translation, List.of(), model);
    }

    @PostMapping("/admin/translations/{id}")
    String save(@PathVariable long id, @Valid @ModelAttribute("form") TranslationForm form, BindingResult result,
                @RequestParam(defaultValue = "save") String action, Principal editor, Model model,
                HttpServletResponse response, RedirectAttributes redirect) {
        var translation = translations.find(id).orElseThrow(() -> new TranslationNotFoundException(id));
        mayTranslate(editor, translation.language());
        // the work and language name the translation: they are not changed by a revision
        form.setWork(translation.work());
        form.setLanguage(translation.language());
        TranslationCheck.Outcome text = check.check(form);
        form.setMarkdown(text.markdown());
        form.setUpload(null);
        if (result.hasErrors() || !text.ok()) {
            return showForm(form, translation, text.problems(), model);
        }
        try {
            var saved = editing.save(id, form.getBaseRevision(), text, editor.getName(), form.getMessage(), "publish".equals(action),
                    form.isMinorChange());
            redirect.addFlashAttribute("message", saved.unchanged() && !saved.published()
                    ? "Nothing changed since revision " + saved.revision() + ": no new revision was saved."
                    : saved.published() ? "Revision " + saved.revision() + " is saved and published."
                    : "Saved as revision " + saved.revision() + "." + (translation.isPublished()
                    ? " Readers still see revision " + translation.publishedRevision() + " until you publish this one." : ""));
            return "redirect:/admin/translations/" + id;
        } catch (RevisionConflictException conflict) {
            return showConflict(form, conflict, model, response);
        }
    }

    @PostMapping("/admin/translations/{id}/publish")
    String publish(@PathVariable long id, @RequestParam int revision, Principal editor, RedirectAttributes redirect) {
        mayTranslate(editor, languageOf(id));
        try {
            editing.publish(id, revision, editor.getName());
            redirect.addFlashAttribute("message", "Revision " + revision + " is published: readers see it now.");
        } catch (RevisionConflictException conflict) {
            redirect.addFlashAttribute("error", "Revision " + conflict.theirs().getNumber() + " was saved by "
                    + conflict.theirs().getAuthor() + " after you opened this page. Review it, then publish.");
        } catch (InvalidRevisionException invalid) {
            redirect.addFlashAttribute("error", "Revision " + revision + " cannot be published: it has "
                    + invalid.problems().size() + " problems. Open it in the form to correct them.");
        }
        return "redirect:/admin/translations/" + id;
    }

    @PostMapping("/admin/translations/{id}/unpublish")
    String unpublish(@PathVariable long id, Principal editor, RedirectAttributes redirect) {
        mayTranslate(editor, languageOf(id));
        editing.unpublish(id, editor.getName());
        redirect.addFlashAttribute("message", "The translation is withdrawn: readers no longer see it. Its revisions are kept.");
        return "redirect:/admin/translations/" + id;
    }

    /** Editors limited to some languages change translations in those only, here as in the workbench. */
    private void mayTranslate(Principal editor, String language) {
        if (language != null && !access.mayTranslate(editor.getName(), language)) {
            throw new AccessDeniedException("Not an editor of " + language);
        }
    }

    private String languageOf(long id) {
        return translations.find(id).orElseThrow(() -> new TranslationNotFoundException(id)).language();
    }

    private String showForm(TranslationForm form, EditedTranslations.Summary translation, List<ProblemView> problems, Model model) {
        return formPage.show(form, translation, problems, model);
    }

    private String showConflict(TranslationForm form, RevisionConflictException conflict, Model model, HttpServletResponse response) {
        var translation = translations.find(conflict.translationId()).orElseThrow();
        TranslationRevision theirs = conflict.theirs();
        model.addAttribute("theirs", theirs);
        model.addAttribute("diff", LineDiff.between(theirs == null ? "" : theirs.getMarkdown(), form.getMarkdown()));
        // saving again is now a decision taken with their revision in view; it stays in the history
        form.setBaseRevision(translation.headRevision());
        response.setStatus(HttpServletResponse.SC_CONFLICT);
        return showForm(form, translation, List.of(), model);
    }
}
