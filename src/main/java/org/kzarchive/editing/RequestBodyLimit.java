package org.kzarchive.editing;

import java.io.IOException;

import jakarta.servlet.FilterChain;
import jakarta.servlet.RequestDispatcher;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import jakarta.servlet.http.HttpSession;

import org.springframework.http.HttpStatus;
import org.springframework.security.core.context.SecurityContext;
import org.springframework.security.web.context.HttpSessionSecurityContextRepository;
import org.springframework.web.filter.OncePerRequestFilter;
import org.springframework.web.multipart.MaxUploadSizeExceededException;

/**
 * Refuses a form too large to read with 413 and a page that explains it, before anything reads it:
 * Tomcat reads a form's body whole into memory, in an array of the declared length, as soon as a
 * parameter is asked for (the CSRF check asks for one). An editor's form may be up to 4 MB (the form
 * itself checks the 1 MB limit of a text or file and says so beside the field). A visitor who is not
 * signed in has one form to send, the sign-in, so theirs may be at most 16 KB and must declare its
 * length: 60 anonymous connections each declaring 2 MB and then sending slowly held 120 MB of a
 * 200 MB heap.
 */
class RequestBodyLimit extends OncePerRequestFilter {

    /** a 1 MB file plus a 1 MB pasted text and the other fields; see spring.servlet.multipart.* */
    static final long EDITORS_MAX_BYTES = 4L * 1024 * 1024;
    /** the sign-in form, with a long pass phrase and the page to go back to */
    static final long ANONYMOUS_MAX_BYTES = 16 * 1024;
    /** set on a refusal of an anonymous form, for the page's wording */
    static final String ANONYMOUS_REFUSED = "anonymousFormRefused";

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        if ("POST".equals(request.getMethod())) {
            long declared = request.getContentLengthLong();
            boolean undeclared = declared < 0 && request.getHeader("Transfer-Encoding") != null;
            if (declared > EDITORS_MAX_BYTES) {
                refuse(request, response, EDITORS_MAX_BYTES);
                return;
            }
            if ((undeclared || declared > ANONYMOUS_MAX_BYTES) && !signedIn(request)) {
                request.setAttribute(ANONYMOUS_REFUSED, true);
                refuse(request, response, ANONYMOUS_MAX_BYTES);
                return;
            }
        }
        chain.doFilter(request, response);
    }

    /** Spring Security has not looked yet: the session (Spring Session's, already read) says it. */
    private static boolean signedIn(HttpServletRequest request) {
        HttpSession session = request.getSession(false);
        return session != null
                && session.getAttribute(HttpSessionSecurityContextRepository.SPRING_SECURITY_CONTEXT_KEY) instanceof SecurityContext context
                && context.getAuthentication() != null && context.getAuthentication().isAuthenticated();
    }

    private static void refuse(HttpServletRequest request, HttpServletResponse response, long limit) throws IOException {
        // marks the error as already explained, so that the error page does not try to read the body again
        request.setAttribute(RequestDispatcher.ERROR_EXCEPTION, new MaxUploadSizeExceededException(limit));
        response.sendError(HttpStatus.CONTENT_TOO_LARGE.value());
    }
}
