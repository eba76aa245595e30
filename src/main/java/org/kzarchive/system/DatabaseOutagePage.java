package org.kzarchive.system;

import java.util.Map;

import jakarta.servlet.http.HttpServletRequest;

import org.springframework.boot.autoconfigure.web.WebProperties;
import org.springframework.boot.webmvc.autoconfigure.error.DefaultErrorViewResolver;
import org.springframework.boot.webmvc.autoconfigure.error.ErrorViewResolver;
import org.springframework.context.ApplicationContext;
import org.springframework.boot.webmvc.error.ErrorAttributes;
import org.springframework.boot.web.servlet.FilterRegistrationBean;
import org.springframework.context.annotation.Bean;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Component;
import org.springframework.web.context.request.ServletWebRequest;
import org.springframework.session.web.http.SessionRepositoryFilter;
import org.springframework.web.servlet.ModelAndView;

/**
 * While PostgreSQL cannot be reached, a page that needs it answers 503 with a page saying so,
 * instead of a 500 ({@link DatabaseOutageFilter} sets the status). An editor's form that was being saved is shown back, so no text is lost.
 */
@Component
class DatabaseOutagePage implements ErrorViewResolver {

    static final String VIEW = "error/503";
    private final ErrorAttributes errors;
    // a resolver of our own replaces Boot's: it still answers error/<status>.html (404, 413)
    private final DefaultErrorViewResolver byStatus;

    DatabaseOutagePage(ErrorAttributes errors, ApplicationContext context, WebProperties web) {
        this.errors = errors;
        this.byStatus = new DefaultErrorViewResolver(context, web.getResources());
    }

    @Override
    public ModelAndView resolveErrorView(HttpServletRequest request, HttpStatus status, Map<String, Object> model) {
        Throwable failure = errors.getError(new ServletWebRequest(request));
        if (status != HttpStatus.SERVICE_UNAVAILABLE && (failure == null || !DatabaseOutage.causes(failure))) {
            return byStatus.resolveErrorView(request, status, model);
        }
        var page = new ModelAndView(VIEW, model, HttpStatus.SERVICE_UNAVAILABLE);
        page.addObject("unsavedText", request.getAttribute(DatabaseOutageFilter.UNSAVED_TEXT) instanceof String text ? text : null);
        return page;
    }

    /** Just before the session filter (Spring Session's default order), so that it sees the session's failure too. */
    @Bean
    static FilterRegistrationBean<DatabaseOutageFilter> databaseOutageFilter() {
        var registration = new FilterRegistrationBean<>(new DatabaseOutageFilter());
        registration.setOrder(SessionRepositoryFilter.DEFAULT_ORDER - 1);
        return registration;
    }
}
