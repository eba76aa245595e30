package org.kzarchive.workbench;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.security.Principal;
import java.util.ArrayList;
import java.util.List;

import org.kzarchive.accounts.LanguageAccess;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.multipart.MultipartFile;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/**
 * Bringing in a translation made elsewhere: paste or upload plain Markdown, review the proposed
 * alignment row by row (swap, merge, split, detach, or edit the text), then confirm: only then are
 * the rows saved, as drafts, each under its reference key.
 */
@Controller
class ImportController {

    static final String VIEW = "workbench/import";
    /** Bounds one paste: the whole work is about 90 KB. */
    static final int MAX_CHARS = 1_000_000;

    private final Workbench workbench;
    private final LanguageAccess access;

    ImportController(Workbench workbench, LanguageAccess access) {
        this.workbench = workbench;
        this.access = access;
    }

    @GetMapping("/admin/translations/{id}/import")
    String form(@PathVariable long id, Principal editor, Model model) {
        var view = allowed(id, editor);
        model.addAttribute("view", view);
        return VIEW;
    }

    @PostMapping("/admin/translations/{id}/import")
    String propose(@PathVariable long id, @RequestParam(required = false) String markdown,
                   @RequestParam(required = false) MultipartFile upload, Principal editor, Model model) throws IOException {
        var view = allowed(id, editor);
        String text = upload != null && !upload.isEmpty() ? new String(upload.getBytes(), StandardCharsets.UTF_8) : markdown;
        model.addAttribute("view", view);
        if (text == null || text.isBlank()) {
            model.addAttribute("error", "Paste the translation's text or choose a file.");
            return VIEW;
        }
        if (text.length() > MAX_CHARS) {
            model.addAttribute("error", "The text is " + text.length() + " characters long; the limit is " + MAX_CHARS + ".");
            return VIEW;
        }
        var proposal = AlignmentProposal.propose(workbench.referenceUnits(view.reference()), PlainSegments.of(text));
        model.addAttribute("rows", proposal.rows().stream().map(r -> new ImportRow(r.source(), r.text(), r.confidence(), r.move())).toList());
        model.addAttribute("unplaced", proposal.unplaced());
        return VIEW;
    }

    /** The editor's change to the proposal (swap, merge, split, detach), or the confirmation. */
    @PostMapping("/admin/translations/{id}/import/rows")
    String rows(@PathVariable long id, @RequestParam(name = "key") List<String> keys, @RequestParam(name = "text") List<String> texts,
                @RequestParam(name = "confidence") List<Double> confidences, @RequestParam(defaultValue = "") String op,
                @RequestParam(name = "unplaced", required = false) List<String> unplaced, Principal editor, Model model,
                RedirectAttributes redirect) {
        var view = allowed(id, editor);
        if (keys.size() != texts.size() || keys.size() != confidences.size()) {
            model.addAttribute("view", view);
            model.addAttribute("error", "The form was incomplete: paste the text again.");
            return VIEW;
        }
        var source = workbench.referenceUnits(view.reference());
        List<ImportRow> rows = new ArrayList<>();
        for (int i = 0; i < keys.size(); i++) {
            String key = keys.get(i);
            var unit = source.stream().filter(u -> u.key().equals(key)).findFirst().orElse(null);
            if (unit != null) {
                rows.add(new ImportRow(unit, texts.get(i), confidences.get(i), ""));
            }
        }
        List<String> loose = unplaced == null ? new ArrayList<>() : new ArrayList<>(unplaced);
        if (op.equals("confirm")) {
            List<Workbench.Submitted> submitted = new ArrayList<>();
            var current = workbench.view(id);
            for (ImportRow row : rows) {
                if (!row.text().isBlank()) {
                    var existing = current.row(row.source().key());
                    submitted.add(new Workbench.Submitted(row.source().key(), existing == null ? 0 : existing.base(), row.text()));
                }
            }
            var outcome = workbench.save(id, submitted, editor.getName());
            if (!outcome.clean()) {
                model.addAttribute("view", view);
                model.addAttribute("rows", rows);
                model.addAttribute("unplaced", loose);
                model.addAttribute("outcome", outcome);
                model.addAttribute("error", outcome.saved().size() + " rows saved; " + (outcome.problems().size() + outcome.conflicts().size())
                        + " need attention (see beside them). Correct them and confirm again: the saved ones are kept.");
                return VIEW;
            }
            redirect.addFlashAttribute("message", outcome.saved().size() + " passages imported as drafts. Review them, then publish.");
            return "redirect:/admin/translations/" + id + "/workbench";
        }
        ImportRow.apply(op, rows, loose);
        model.addAttribute("view", view);
        model.addAttribute("rows", rows);
        model.addAttribute("unplaced", loose);
        return VIEW;
    }

    private Workbench.View allowed(long id, Principal editor) {
        var view = workbench.view(id);
        if (!access.mayTranslate(editor.getName(), view.edition().language())) {
            throw new AccessDeniedException("Not an editor of " + view.edition().language());
        }
        if (view.edition().isReference()) {
            throw new org.springframework.web.server.ResponseStatusException(org.springframework.http.HttpStatus.BAD_REQUEST,
                    "The reference edition is not translated from anything: revise it in the form.");
        }
        return view;
    }
}
