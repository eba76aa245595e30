package org.kzarchive.system;

import java.io.IOException;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

import org.springframework.http.HttpHeaders;
import org.springframework.stereotype.Component;
import org.springframework.web.filter.OncePerRequestFilter;
import org.springframework.web.util.ContentCachingResponseWrapper;

/**
 * Serves the public pages (home, texts, search results) from {@link PageCache}, answers
 * conditional requests with 304, and fills the cache from the first successful rendering.
 * Admin pages, errors and anything but GET/HEAD pass straight through.
 */
@Component
class PageCacheFilter extends OncePerRequestFilter {

    private final PageCache cache;

    PageCacheFilter(PageCache cache) {
        this.cache = cache;
    }

    @Override
    protected boolean shouldNotFilter(HttpServletRequest request) {
        String method = request.getMethod();
        if (!method.equals("GET") && !method.equals("HEAD")) {
            return true;
        }
        String path = request.getRequestURI().substring(request.getContextPath().length());
        boolean searchPage = path.equals("/search");
        if (request.getQueryString() != null && !searchPage) {
            return true;
        }
        return !(path.equals("/") || searchPage || path.matches("/[a-z]{2,3}(-[A-Za-z0-9]{2,8})*/[a-z0-9-]+(/(interview|timeline|photos|notes))?"));
    }

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        String key = key(request);
        String etag = cache.etag(key);
        response.setHeader(HttpHeaders.ETAG, etag);
        response.setDateHeader(HttpHeaders.LAST_MODIFIED, cache.lastModified().toEpochMilli());
        response.setHeader(HttpHeaders.CACHE_CONTROL, "no-cache");
        response.setHeader(HttpHeaders.VARY, "Accept-Encoding");
        if (notModified(request, etag)) {
            response.setStatus(HttpServletResponse.SC_NOT_MODIFIED);
            return;
        }
        PageCache.Page page = cache.get(key);
        if (page != null) {
            write(request, response, page);
            return;
        }
        var wrapper = new ContentCachingResponseWrapper(response);
        chain.doFilter(request, wrapper);
        String type = wrapper.getContentType();
        if (wrapper.getStatus() == HttpServletResponse.SC_OK && type != null && type.startsWith("text/html")) {
            cache.put(key, wrapper.getContentAsByteArray(), type);
        } else {
            response.setHeader(HttpHeaders.ETAG, null);
            response.setHeader(HttpHeaders.LAST_MODIFIED, null);
        }
        wrapper.copyBodyToResponse();
    }

    private static String key(HttpServletRequest request) {
        String query = request.getQueryString();
        // the canonical and hreflang links are absolute, so the host the reader used is part of the page
        return request.getScheme() + "://" + request.getHeader(HttpHeaders.HOST) + request.getRequestURI()
                + (query == null ? "" : "?" + query);
    }

    private boolean notModified(HttpServletRequest request, String etag) {
        String ifNoneMatch = request.getHeader(HttpHeaders.IF_NONE_MATCH);
        if (ifNoneMatch != null) {
            return ifNoneMatch.equals("*") || java.util.Arrays.stream(ifNoneMatch.split(","))
                    .map(String::strip).anyMatch(t -> t.equals(etag) || t.equals(etag.substring(2)));
        }
        long since = request.getDateHeader(HttpHeaders.IF_MODIFIED_SINCE);
        return since >= 0 && cache.lastModified().toEpochMilli() <= since;
    }

    private static void write(HttpServletRequest request, HttpServletResponse response, PageCache.Page page) throws IOException {
        String acceptEncoding = request.getHeader(HttpHeaders.ACCEPT_ENCODING);
        boolean gzip = acceptEncoding != null && acceptEncoding.contains("gzip");
        byte[] body = gzip ? page.gzipped() : page.plain();
        response.setContentType(page.contentType());
        if (gzip) {
            response.setHeader(HttpHeaders.CONTENT_ENCODING, "gzip");
        }
        response.setContentLength(body.length);
        if (!request.getMethod().equals("HEAD")) {
            response.getOutputStream().write(body);
        }
    }
}
