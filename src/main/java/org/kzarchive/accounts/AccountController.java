package org.kzarchive.accounts;

import java.security.Principal;

import jakarta.servlet.http.HttpSession;

import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.validation.BindingResult;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/** An editor's own account: changing the password (the first administrator's is generated). */
@Controller
class AccountController {

    static final String ACCOUNT_VIEW = "editing/account";

    private final EditorAccounts accounts;

    AccountController(EditorAccounts accounts) {
        this.accounts = accounts;
    }

    @GetMapping("/admin/account")
    String account(Model model) {
        model.addAttribute("passwordForm", new PasswordForm());
        return ACCOUNT_VIEW;
    }

    @PostMapping("/admin/account/password")
    String changePassword(@ModelAttribute("passwordForm") PasswordForm form, BindingResult result, Principal editor,
                          HttpSession session, RedirectAttributes redirect) {
        if (form.getPassword() == null || !form.getPassword().equals(form.getRepeated())) {
            result.rejectValue("repeated", "different", "The two new passwords are not the same. Type it twice the same way.");
        } else {
            try {
                accounts.changePassword(editor.getName(), form.getCurrent(), form.getPassword(), session.getId());
                redirect.addFlashAttribute("message", "Your password is changed; your other sessions are signed out.");
                return "redirect:/admin/account";
            } catch (AccountRuleException refused) {
                result.reject("refused", refused.getMessage());
            }
        }
        form.setCurrent(null);
        form.setPassword(null);
        form.setRepeated(null);
        return ACCOUNT_VIEW;
    }
}
