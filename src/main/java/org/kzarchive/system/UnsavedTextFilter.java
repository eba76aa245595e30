package org.kzarchive.system;

import java.io.IOException;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

import org.springframework.web.filter.OncePerRequestFilter;

/**
 * When a form sent to the admin fails because the database is away, keeps the text it carried
 * for {@link DatabaseOutagePage}: once the request has failed, its body can no longer be read on
 * the error page. Runs outside the session filter, whose reading of the session fails first.
 */
class UnsavedTextFilter extends OncePerRequestFilter {

    static final String ATTRIBUTE = UnsavedTextFilter.class.getName() + ".text";
    /** The translation form's text field */
    private static final String TEXT_FIELD = "markdown";

    @Override
    protected boolean shouldNotFilter(HttpServletRequest request) {
        return !"POST".equals(request.getMethod()) || !request.getRequestURI().startsWith(request.getContextPath() + "/admin/");
    }

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        try {
            chain.doFilter(request, response);
        } catch (ServletException | IOException | RuntimeException failure) {
            if (DatabaseOutage.causes(failure)) {
                request.setAttribute(ATTRIBUTE, text(request));
            }
            throw failure;
        }
    }

    private static String text(HttpServletRequest request) {
        try {
            String text = request.getParameter(TEXT_FIELD);
            return text == null || text.isBlank() ? null : text;
        } catch (RuntimeException unreadable) {
            return null;
        }
    }
}
