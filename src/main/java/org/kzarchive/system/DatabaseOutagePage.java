package org.kzarchive.system;

import java.util.Map;

import jakarta.servlet.http.HttpServletRequest;

import org.springframework.boot.webmvc.autoconfigure.error.ErrorViewResolver;
import org.springframework.boot.webmvc.error.ErrorAttributes;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Component;
import org.springframework.web.context.request.ServletWebRequest;
import org.springframework.web.servlet.ModelAndView;

/**
 * While PostgreSQL cannot be reached, a page that needs it answers 503 with a page saying so,
 * instead of a 500. An editor's form that was being saved is shown back, so no text is lost.
 */
@Component
@Order(Ordered.HIGHEST_PRECEDENCE) // before the resolver of error/<status>.html
class DatabaseOutagePage implements ErrorViewResolver {

    static final String VIEW = "error/503";
    /** The translation form's text field */
    private static final String TEXT_FIELD = "markdown";

    private final ErrorAttributes errors;

    DatabaseOutagePage(ErrorAttributes errors) {
        this.errors = errors;
    }

    @Override
    public ModelAndView resolveErrorView(HttpServletRequest request, HttpStatus status, Map<String, Object> model) {
        Throwable failure = errors.getError(new ServletWebRequest(request));
        if (failure == null || !DatabaseOutage.causes(failure)) {
            return null;
        }
        var page = new ModelAndView(VIEW, model, HttpStatus.SERVICE_UNAVAILABLE);
        page.addObject("unsavedText", unsavedText(request));
        return page;
    }

    private static String unsavedText(HttpServletRequest request) {
        if (!"POST".equals(request.getMethod())) {
            return null;
        }
        try {
            String text = request.getParameter(TEXT_FIELD);
            return text == null || text.isBlank() ? null : text;
        } catch (RuntimeException e) {
            return null; // an unreadable body: nothing to show back
        }
    }
}
