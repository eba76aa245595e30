package org.kzarchive.system;

import java.io.IOException;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

import org.springframework.web.filter.OncePerRequestFilter;

/**
 * Turns a request the database failed (it is away) into a 503 for every client, browsers or not,
 * before the failure can become a 500. A form sent to the admin keeps its text for the 503 page
 * ({@link DatabaseOutagePage}): once the request has failed, its body can no longer be read
 * there. Runs outside the session filter, whose reading of the session is what fails first.
 */
class DatabaseOutageFilter extends OncePerRequestFilter {

    static final String UNSAVED_TEXT = DatabaseOutageFilter.class.getName() + ".unsaved-text";
    /** The translation form's text field */
    private static final String TEXT_FIELD = "markdown";

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        try {
            chain.doFilter(request, response);
        } catch (ServletException | IOException | RuntimeException failure) {
            if (!DatabaseOutage.causes(failure) || response.isCommitted()) {
                throw failure;
            }
            logger.warn("The database is not answering: " + request.getMethod() + " " + request.getRequestURI()
                    + " answered 503 (" + failure.getMessage() + ")");
            if ("POST".equals(request.getMethod()) && request.getRequestURI().startsWith(request.getContextPath() + "/admin/")) {
                request.setAttribute(UNSAVED_TEXT, text(request));
            }
            response.resetBuffer();
            response.sendError(HttpServletResponse.SC_SERVICE_UNAVAILABLE);
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
