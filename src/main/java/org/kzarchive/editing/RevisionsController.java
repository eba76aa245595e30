package org.kzarchive.editing;

import java.nio.charset.StandardCharsets;
import java.security.Principal;

import org.springframework.http.ContentDisposition;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/** A translation's history: its revisions, the differences between any two, restoring one, export. */
@Controller
class RevisionsController {

    static final String HISTORY_VIEW = "editing/history";
    static final String DIFF_VIEW = "editing/diff";

    private final EditedTranslations translations;
    private final TranslationRevisionRepository revisions;
    private final TranslationEditing editing;

    RevisionsController(EditedTranslations translations, TranslationRevisionRepository revisions, TranslationEditing editing) {
        this.translations = translations;
        this.revisions = revisions;
        this.editing = editing;
    }

    @GetMapping("/admin/translations/{id}/history")
    String history(@PathVariable long id, Model model) {
        model.addAttribute("translation", translations.find(id).orElseThrow(() -> new TranslationNotFoundException(id)));
        model.addAttribute("revisions", revisions.findByTranslationIdOrderByNumberDesc(id));
        return HISTORY_VIEW;
    }

    /** From one revision to another; by default what the latest revision changed. */
    @GetMapping("/admin/translations/{id}/diff")
    String diff(@PathVariable long id, @RequestParam(required = false) Integer from, @RequestParam(required = false) Integer to,
                Model model) {
        var translation = translations.find(id).orElseThrow(() -> new TranslationNotFoundException(id));
        int newer = to == null ? translation.headRevision() : to;
        int older = from == null ? Math.max(1, newer - 1) : from;
        var first = revision(id, older);
        var second = revision(id, newer);
        model.addAttribute("translation", translation);
        model.addAttribute("from", first);
        model.addAttribute("to", second);
        model.addAttribute("revisions", revisions.findByTranslationIdOrderByNumberDesc(id));
        model.addAttribute("diff", LineDiff.between(first.getMarkdown(), second.getMarkdown()));
        return DIFF_VIEW;
    }

    @PostMapping("/admin/translations/{id}/revisions/{number}/restore")
    String restore(@PathVariable long id, @PathVariable int number, @RequestParam int base, Principal editor,
                   RedirectAttributes redirect) {
        try {
            var saved = editing.restore(id, number, base, editor.getName());
            redirect.addFlashAttribute("message", saved.unchanged()
                    ? "Revision " + number + " is already the latest."
                    : "The text of revision " + number + " is now revision " + saved.revision()
                    + ". Publish it to show it to readers.");
            return "redirect:/admin/translations/" + id;
        } catch (RevisionConflictException conflict) {
            redirect.addFlashAttribute("error", "Revision " + conflict.theirs().getNumber() + " was saved by "
                    + conflict.theirs().getAuthor() + " after you opened the history; nothing was restored. Look again.");
        } catch (InvalidRevisionException invalid) {
            redirect.addFlashAttribute("error", "Revision " + number + " no longer passes the checks ("
                    + invalid.problems().size() + " problems); nothing was restored. Copy its text into the form and correct it.");
        }
        return "redirect:/admin/translations/" + id + "/history";
    }

    /** The Markdown exactly as stored, by default the latest revision's. */
    @GetMapping("/admin/translations/{id}/export")
    ResponseEntity<byte[]> export(@PathVariable long id, @RequestParam(required = false) Integer revision) {
        var translation = translations.find(id).orElseThrow(() -> new TranslationNotFoundException(id));
        var stored = revision(id, revision == null ? translation.headRevision() : revision);
        String name = translation.work() + "." + translation.language()
                + (revision == null ? "" : ".r" + stored.getNumber()) + ".md";
        return ResponseEntity.ok()
                .contentType(new MediaType("text", "markdown", StandardCharsets.UTF_8))
                .header(HttpHeaders.CONTENT_DISPOSITION, ContentDisposition.attachment().filename(name).build().toString())
                .body(stored.getMarkdown().getBytes(StandardCharsets.UTF_8));
    }

    private TranslationRevision revision(long id, int number) {
        return revisions.findByTranslationIdAndNumber(id, number).orElseThrow(() -> new TranslationNotFoundException(id));
    }
}
