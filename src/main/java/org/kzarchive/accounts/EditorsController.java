package org.kzarchive.accounts;

import java.security.Principal;

import jakarta.validation.Valid;

import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.validation.BindingResult;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/** Administrators add editors and disable (or re-enable) their accounts. Accounts are never deleted. */
@Controller
class EditorsController {

    static final String EDITORS_VIEW = "editing/editors";

    private final EditorAccounts accounts;
    private final LanguageAccess languageAccess;
    private final AuditLog audit;

    EditorsController(EditorAccounts accounts, LanguageAccess languageAccess, AuditLog audit) {
        this.accounts = accounts;
        this.languageAccess = languageAccess;
        this.audit = audit;
    }

    @GetMapping("/admin/editors")
    String list(Model model) {
        return show(new EditorForm(), model);
    }

    @PostMapping("/admin/editors")
    String add(@Valid @ModelAttribute("editorForm") EditorForm form, BindingResult result, Principal admin, Model model,
               RedirectAttributes redirect) {
        if (result.hasErrors()) {
            return show(form, model);
        }
        try {
            var editor = accounts.create(form.getUsername(), form.getPassword(), form.isAdministrator(), admin.getName());
            redirect.addFlashAttribute("message", "Added " + (editor.isAdministrator() ? "the administrator " : "the editor ")
                    + editor.getUsername() + ". Give them their password in person or by a private channel.");
            return "redirect:/admin/editors";
        } catch (AccountRuleException refused) {
            result.reject("refused", refused.getMessage());
            form.setPassword(null);
            return show(form, model);
        }
    }

    /** Limits an editor to the languages they translate (codes separated by spaces or commas; empty for all). */
    @PostMapping("/admin/editors/{id}/languages")
    String languages(@PathVariable long id, @org.springframework.web.bind.annotation.RequestParam(defaultValue = "") String languages,
                     Principal admin, RedirectAttributes redirect) {
        if (languageAccess.limit(id, languages, admin.getName(), audit)) {
            redirect.addFlashAttribute("message", "The editor's languages are saved.");
        } else {
            redirect.addFlashAttribute("error", "There is no such editor.");
        }
        return "redirect:/admin/editors";
    }

    @PostMapping("/admin/editors/{id}/disable")
    String disable(@PathVariable long id, Principal admin, RedirectAttributes redirect) {
        return change(id, false, admin, redirect);
    }

    @PostMapping("/admin/editors/{id}/enable")
    String enable(@PathVariable long id, Principal admin, RedirectAttributes redirect) {
        return change(id, true, admin, redirect);
    }

    private String change(long id, boolean enabled, Principal admin, RedirectAttributes redirect) {
        try {
            accounts.setEnabled(id, enabled, admin.getName());
            redirect.addFlashAttribute("message", enabled ? "The account is enabled again."
                    : "The account is disabled and signed out. Its revisions and audit lines stay.");
        } catch (AccountRuleException refused) {
            redirect.addFlashAttribute("error", refused.getMessage());
        }
        return "redirect:/admin/editors";
    }

    private String show(EditorForm form, Model model) {
        model.addAttribute("editorForm", form);
        model.addAttribute("editors", accounts.all());
        return EDITORS_VIEW;
    }
}
