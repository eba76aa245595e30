package org.kzarchive.editing;

import java.security.Principal;

import jakarta.servlet.http.HttpServletRequest;

import org.springframework.web.bind.annotation.ControllerAdvice;
import org.springframework.web.bind.annotation.ModelAttribute;

/** Tells every admin page who is signed in, for the admin header. */
@ControllerAdvice(basePackages = {"org.kzarchive.editing", "org.kzarchive.accounts", "org.kzarchive.workbench"})
class SignedInEditor {

    @ModelAttribute("signedIn")
    String signedIn(Principal principal) {
        return principal == null ? null : principal.getName();
    }

    @ModelAttribute("administrator")
    boolean administrator(HttpServletRequest request) {
        return request.isUserInRole("ADMIN");
    }
}
