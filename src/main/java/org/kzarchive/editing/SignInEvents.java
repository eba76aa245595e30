package org.kzarchive.editing;

import org.kzarchive.accounts.AuditLog;
import org.kzarchive.accounts.AuditAction;
import java.io.IOException;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

import org.springframework.security.core.Authentication;
import org.springframework.security.core.AuthenticationException;
import org.springframework.security.web.authentication.AuthenticationFailureHandler;
import org.springframework.security.web.authentication.AuthenticationSuccessHandler;
import org.springframework.security.web.authentication.logout.LogoutHandler;

/**
 * Writes sign-ins, refusals and sign-outs to the audit log, and sends the editor on: to the page
 * asked for before signing in ({@link ContinuePath}), otherwise to /admin.
 */
class SignInEvents implements AuthenticationSuccessHandler, AuthenticationFailureHandler, LogoutHandler {

    private final AuditLog audit;

    SignInEvents(AuditLog audit) {
        this.audit = audit;
    }

    @Override
    public void onAuthenticationSuccess(HttpServletRequest request, HttpServletResponse response, Authentication authentication)
            throws IOException {
        audit.record(authentication.getName(), AuditAction.SIGNED_IN, "signed in", request.getRemoteAddr());
        String onward = ContinuePath.of(request.getParameter(ContinuePath.PARAMETER)).orElse("/admin");
        response.sendRedirect(request.getContextPath() + onward);
    }

    @Override
    public void onAuthenticationFailure(HttpServletRequest request, HttpServletResponse response, AuthenticationException exception)
            throws IOException {
        String username = request.getParameter("username");
        String where;
        if (exception instanceof SignInThrottledException throttled) {
            audit.record(username, AuditAction.SIGN_IN_REFUSED, "too many failed sign-ins", request.getRemoteAddr());
            where = throttled.isAccountBusy() ? "/admin/sign-in?busy" : "/admin/sign-in?throttled=" + throttled.minutes();
        } else {
            // one message for unknown name, wrong password and disabled account: nothing to learn from it
            audit.record(username, AuditAction.SIGN_IN_FAILED, exception.getClass().getSimpleName(), request.getRemoteAddr());
            where = "/admin/sign-in?error";
        }
        String onward = ContinuePath.of(request.getParameter(ContinuePath.PARAMETER)).map(path -> "&continue=" + path).orElse("");
        response.sendRedirect(request.getContextPath() + where + onward);
    }

    @Override
    public void logout(HttpServletRequest request, HttpServletResponse response, Authentication authentication) {
        if (authentication != null) {
            audit.record(authentication.getName(), AuditAction.SIGNED_OUT, "signed out", request.getRemoteAddr());
        }
    }
}
