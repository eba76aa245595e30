package org.kzarchive.editing;

import java.security.Principal;

import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;

/** The sign-in page; Spring Security handles the form it posts (see EditingSecurityConfiguration). */
@Controller
class SignInController {

    static final String SIGN_IN_VIEW = "editing/sign-in";

    @GetMapping(EditingSecurityConfiguration.SIGN_IN)
    String signIn(Principal principal, @RequestParam(name = ContinuePath.PARAMETER, required = false) String onward, Model model) {
        ContinuePath.of(onward).ifPresent(path -> model.addAttribute("continuePath", path));
        return principal == null ? SIGN_IN_VIEW : "redirect:" + ContinuePath.of(onward).orElse("/admin");
    }
}
