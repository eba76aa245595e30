package org.kzarchive.editing;

import java.io.IOException;

import jakarta.servlet.FilterChain;
import jakarta.servlet.RequestDispatcher;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

import org.springframework.http.HttpStatus;
import org.springframework.web.filter.OncePerRequestFilter;
import org.springframework.web.multipart.MaxUploadSizeExceededException;

/**
 * Refuses a form larger than the container will read with 413 and a page that explains it. The
 * form itself checks the 1 MB limit of a text or file and says so beside the field; this catches
 * only requests too large to read at all.
 */
class UploadSizeLimit extends OncePerRequestFilter {

    /** a 1 MB file plus a 1 MB pasted text and the other fields; see spring.servlet.multipart.* */
    static final long MAX_REQUEST_BYTES = 4L * 1024 * 1024;

    private final long maxBytes;

    UploadSizeLimit(long maxBytes) {
        this.maxBytes = maxBytes;
    }

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        if ("POST".equals(request.getMethod()) && request.getContentLengthLong() > maxBytes) {
            // marks the error as already explained, so that the error page does not try to read the body again
            request.setAttribute(RequestDispatcher.ERROR_EXCEPTION, new MaxUploadSizeExceededException(maxBytes));
            response.sendError(HttpStatus.CONTENT_TOO_LARGE.value());
            return;
        }
        chain.doFilter(request, response);
    }
}
