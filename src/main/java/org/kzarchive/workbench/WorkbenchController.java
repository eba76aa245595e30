package org.kzarchive.workbench;

import java.nio.charset.StandardCharsets;
import java.security.Principal;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.util.Locale;
import java.util.stream.Collectors;

import org.kzarchive.archive.Addresses;
import org.kzarchive.archive.RenderedTranslation;
import org.kzarchive.editing.EditionPreviews;
import org.kzarchive.editing.TranslationCheck;
import org.kzarchive.reading.PassageMarks;
import org.kzarchive.system.PageLanguage;

import org.kzarchive.accounts.LanguageAccess;
import org.kzarchive.archive.Languages;
import org.kzarchive.editing.RevisionConflictException;
import org.kzarchive.editing.TranslationNotFoundException;

import org.springframework.dao.DuplicateKeyException;
import org.springframework.http.ContentDisposition;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.ResponseBody;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/**
 * /admin/translations/{id}/workbench: one section per page, every passage of the reference beside
 * its translation; saving a section (or, with the script, one passage) stores drafts.
 */
@Controller
class WorkbenchController {

    static final String VIEW = "workbench/workbench";
    static final String HISTORY_VIEW = "workbench/history";

    private final Workbench workbench;
    private final LanguageAccess access;
    private final TranslationCheck check;
    private final EditionPreviews previews;

    WorkbenchController(Workbench workbench, LanguageAccess access, TranslationCheck check, EditionPreviews previews) {
        this.workbench = workbench;
        this.access = access;
        this.check = check;
        this.previews = previews;
    }

    enum Filter { ALL, UNTRANSLATED, OUTDATED }

    @GetMapping("/admin/translations/{id}/workbench")
    String show(@PathVariable long id, @RequestParam(required = false) String section,
                @RequestParam(defaultValue = "all") String filter, Principal editor, Model model) {
        var view = workbench.view(id);
        mayTranslate(editor, view.edition().language());
        if (view.edition().isReference()) {
            model.addAttribute("error", "This is the reference edition: the others are translated from it. Revise it in the form.");
        }
        return render(view, section, filter, null, model);
    }

    @PostMapping("/admin/translations/{id}/workbench")
    String save(@PathVariable long id, @RequestParam(required = false) String section, @RequestParam(defaultValue = "all") String filter,
                @RequestParam(name = "key", required = false) List<String> keys, @RequestParam(name = "base", required = false) List<Integer> bases,
                @RequestParam(name = "text", required = false) List<String> texts, Principal editor, Model model,
                HttpServletResponse response, RedirectAttributes redirect) {
        var before = workbench.view(id);
        mayTranslate(editor, before.edition().language());
        if (before.edition().isReference()) {
            redirect.addFlashAttribute("error", "The reference edition is revised in the form, not in the workbench.");
            return "redirect:/admin/translations/" + id + "/edit";
        }
        var outcome = workbench.save(id, submitted(keys, bases, texts), editor.getName());
        if (outcome.clean()) {
            redirect.addFlashAttribute("message", outcome.saved().isEmpty() ? "Nothing changed: no passage was saved."
                    : outcome.saved().size() + (outcome.saved().size() == 1 ? " passage saved" : " passages saved") + " as a draft.");
            return "redirect:/admin/translations/" + id + "/workbench?section=" + (section == null ? "" : section) + "&filter=" + filter;
        }
        response.setStatus(outcome.conflicts().isEmpty() ? 422 : HttpServletResponse.SC_CONFLICT);
        model.addAttribute("error", (outcome.saved().isEmpty() ? "No passage was saved. " : outcome.saved().size() + " passages saved. ")
                + (outcome.problems().size() + outcome.conflicts().size()) + " passages need your attention: see the messages beside them.");
        return render(workbench.view(id), section, filter, outcome, model);
    }

    /** The script's save of one passage: the answer says its state, or why it was refused. */
    @PostMapping(value = "/admin/translations/{id}/workbench/passage", produces = MediaType.APPLICATION_JSON_VALUE)
    @ResponseBody
    ResponseEntity<Map<String, Object>> savePassage(@PathVariable long id, @RequestParam String key, @RequestParam int base,
                                                    @RequestParam String text, Principal editor) {
        var before = workbench.view(id);
        mayTranslate(editor, before.edition().language());
        if (before.edition().isReference()) {
            return ResponseEntity.unprocessableEntity().body(Map.of("key", key, "message", "The reference edition is revised in the form."));
        }
        var outcome = workbench.save(id, List.of(new Workbench.Submitted(key, base, text)), editor.getName());
        var row = workbench.view(id).row(key);
        if (outcome.conflicts().containsKey(key)) {
            var theirs = outcome.conflicts().get(key);
            return ResponseEntity.status(409).body(Map.of("key", key, "conflict", true, "theirs", theirs.theirs(),
                    "author", theirs.theirAuthor(), "message", "Saved meanwhile by " + theirs.theirAuthor()
                            + ": their text is shown below yours. Nothing was saved; merge the two and save again.", "base", theirs.theirVersion()));
        }
        if (outcome.problems().containsKey(key)) {
            return ResponseEntity.unprocessableEntity().body(Map.of("key", key, "message", outcome.problems().get(key)));
        }
        return ResponseEntity.ok(Map.of("key", key, "state", row == null ? "MISSING" : row.state().name(), "base", row == null ? 0 : row.base(),
                "message", outcome.saved().isEmpty() ? "Unchanged." : "Saved as a draft."));
    }

    @GetMapping("/admin/translations/{id}/workbench/history")
    String history(@PathVariable long id, @RequestParam String key, Principal editor, Model model) {
        var view = workbench.view(id);
        mayTranslate(editor, view.edition().language());
        var row = view.row(key);
        if (row == null) {
            throw new TranslationNotFoundException(id);
        }
        model.addAttribute("view", view);
        model.addAttribute("row", row);
        model.addAttribute("history", workbench.history(id, key));
        return HISTORY_VIEW;
    }

    @PostMapping("/admin/translations/{id}/workbench/publish")
    String publish(@PathVariable long id, @RequestParam(defaultValue = "false") boolean partial, Principal editor,
                   RedirectAttributes redirect) {
        var view = workbench.view(id);
        mayTranslate(editor, view.edition().language());
        try {
            var saved = workbench.publish(id, partial, editor.getName());
            redirect.addFlashAttribute("message", "Published as revision " + saved.revision() + " (" + view.progress().percent()
                    + "% translated). Readers see untranslated passages in " + Languages.nameIn(view.reference().language(), java.util.Locale.ENGLISH) + ".");
        } catch (IllegalStateException | RevisionConflictException refused) {
            redirect.addFlashAttribute("error", refused instanceof RevisionConflictException
                    ? "Someone saved the whole text meanwhile: reload and publish again." : refused.getMessage());
        }
        return "redirect:/admin/translations/" + id + "/workbench";
    }

    /** One section as readers would see it, through the public templates, untranslated passages marked. */
    @GetMapping("/admin/translations/{id}/workbench/preview")
    String preview(@PathVariable long id, @RequestParam(required = false) String section, Principal editor, Model model,
                   HttpServletRequest request, RedirectAttributes redirect) {
        var view = workbench.view(id);
        mayTranslate(editor, view.edition().language());
        var written = workbench.file(id);
        var text = check.check(written.markdown());
        if (!text.ok()) {
            redirect.addFlashAttribute("error", "The text cannot be previewed: " + text.problems().getFirst().message());
            return "redirect:/admin/translations/" + id + "/workbench";
        }
        var rendered = text.rendered();
        var only = rendered.sections().stream().filter(s -> s.anchor().equals(section)).toList();
        var shown = new RenderedTranslation(rendered.metadata(), only.isEmpty() ? rendered.sections() : only, rendered.footnotes(),
                rendered.timeline());
        Locale locale = Locale.forLanguageTag(view.edition().language());
        PageLanguage.set(request, locale);
        model.addAttribute("edition", previews.of(shown));
        model.addAttribute("locale", locale);
        model.addAttribute("page", "text");
        model.addAttribute("passages", PassageMarks.of(view.reference().language(), view.edition().work(),
                written.fallbacks().stream().map(k -> k.matches("t?\\d+") ? Addresses.note(k) : k).collect(Collectors.toSet()),
                Map.of(), view.progress().total()));
        model.addAttribute("preview", EditionPreviews.banner("a section of the workbench's text, not published", null, "text",
                "/admin/translations/" + id + "/workbench?section=" + (section == null ? "" : section)));
        return "reading/text";
    }

    /** The whole file as the workbench holds it, to edit offline and bring back through the form. */
    @GetMapping("/admin/translations/{id}/workbench/export")
    ResponseEntity<byte[]> export(@PathVariable long id, Principal editor) {
        var view = workbench.view(id);
        mayTranslate(editor, view.edition().language());
        byte[] body = workbench.file(id).markdown().getBytes(StandardCharsets.UTF_8);
        return ResponseEntity.ok().contentType(new MediaType("text", "markdown", StandardCharsets.UTF_8))
                .header(HttpHeaders.CONTENT_DISPOSITION, ContentDisposition.attachment()
                        .filename(view.edition().language() + "-" + view.edition().work() + ".md").build().toString())
                .body(body);
    }

    /** Starts a new language of the reference's work and opens its workbench. */
    @PostMapping("/admin/workbench/start")
    String start(@RequestParam long reference, @RequestParam String language, Principal editor, RedirectAttributes redirect) {
        String code = Languages.canonical(language == null ? "" : language.strip());
        if (code == null || !code.matches(Addresses.LANGUAGE_PATTERN) || !Languages.isKnown(code)) {
            redirect.addFlashAttribute("error", "'" + language + "' is not a language code: write one like de, pt-BR or uk.");
            return "redirect:/admin";
        }
        mayTranslate(editor, code);
        try {
            long id = workbench.start(reference, code, editor.getName());
            redirect.addFlashAttribute("message", "The " + Languages.nameIn(code, java.util.Locale.ENGLISH) + " translation is started as a draft.");
            return "redirect:/admin/translations/" + id + "/workbench";
        } catch (RevisionConflictException | DuplicateKeyException exists) {
            redirect.addFlashAttribute("error", "The work already has a translation in '" + code + "'.");
            return "redirect:/admin";
        }
    }

    private String render(Workbench.View view, String section, String filter, Workbench.Outcome outcome, Model model) {
        Filter chosen = switch (filter) {
            case "untranslated" -> Filter.UNTRANSLATED;
            case "outdated" -> Filter.OUTDATED;
            default -> Filter.ALL;
        };
        var current = view.section(section);
        model.addAttribute("view", view);
        model.addAttribute("current", current);
        model.addAttribute("filter", chosen.name().toLowerCase());
        model.addAttribute("rows", current == null ? List.of() : current.rows().stream().filter(r -> switch (chosen) {
            case ALL -> true;
            case UNTRANSLATED -> r.state() == PassageState.MISSING;
            case OUTDATED -> r.state() == PassageState.OUTDATED;
        }).toList());
        int index = view.sections().indexOf(current);
        model.addAttribute("previous", index > 0 ? view.sections().get(index - 1) : null);
        model.addAttribute("next", index >= 0 && index < view.sections().size() - 1 ? view.sections().get(index + 1) : null);
        model.addAttribute("outcome", outcome);
        model.addAttribute("languageName", Languages.nameIn(view.edition().language(), java.util.Locale.ENGLISH));
        model.addAttribute("referenceName", Languages.nameIn(view.reference().language(), java.util.Locale.ENGLISH));
        return VIEW;
    }

    private void mayTranslate(Principal editor, String language) {
        if (!access.mayTranslate(editor.getName(), language)) {
            throw new AccessDeniedException("Not an editor of " + language);
        }
    }

    private static List<Workbench.Submitted> submitted(List<String> keys, List<Integer> bases, List<String> texts) {
        List<Workbench.Submitted> submitted = new ArrayList<>();
        if (keys == null || bases == null || texts == null || keys.size() != bases.size() || keys.size() != texts.size()) {
            return submitted;
        }
        for (int i = 0; i < keys.size(); i++) {
            submitted.add(new Workbench.Submitted(keys.get(i), bases.get(i), texts.get(i)));
        }
        return submitted;
    }
}
