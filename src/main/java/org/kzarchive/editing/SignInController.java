package org.kzarchive.editing;

import java.security.Principal;

import org.springframework.stereotype.Controller;
import org.springframework.web.bind.annotation.GetMapping;

/** The sign-in page; Spring Security handles the form it posts (see EditingSecurityConfiguration). */
@Controller
class SignInController {

    static final String SIGN_IN_VIEW = "editing/sign-in";

    @GetMapping(EditingSecurityConfiguration.SIGN_IN)
    String signIn(Principal principal) {
        return principal == null ? SIGN_IN_VIEW : "redirect:/admin";
    }
}
