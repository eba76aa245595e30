package org.kzarchive.cluster;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

import org.springframework.web.servlet.HandlerInterceptor;

/**
 * Marks the handling of a reader's page (GET or HEAD, outside /admin) as one that may read from
 * the replica. Only the controller and its view run marked: the filters around them (sessions,
 * sign-in) keep reading and writing the primary.
 */
final class PublicReads implements HandlerInterceptor {

    private static final ThreadLocal<Boolean> ACTIVE = new ThreadLocal<>();

    static boolean active() {
        return Boolean.TRUE.equals(ACTIVE.get());
    }

    @Override
    public boolean preHandle(HttpServletRequest request, HttpServletResponse response, Object handler) {
        String method = request.getMethod();
        if (method.equals("GET") || method.equals("HEAD")) {
            ACTIVE.set(Boolean.TRUE);
        }
        return true;
    }

    @Override
    public void afterCompletion(HttpServletRequest request, HttpServletResponse response, Object handler, Exception failure) {
        ACTIVE.remove();
    }
}
