package org.kzarchive.system;

import java.io.IOException;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.http.HttpHeaders;
import org.springframework.stereotype.Component;
import org.springframework.web.filter.OncePerRequestFilter;
import org.springframework.web.util.ContentCachingResponseWrapper;

/**
 * Serves the public pages (home, texts, search results, Atom feeds) from {@link PageCache}, answers
 * conditional requests (If-None-Match) with 304, and fills the cache from the first successful
 * rendering. A GET for a page not cached in the current generation is served the page's previous
 * version at once, if the cache holds one (a page of a generation before the last change, or of the
 * run before a restart) and the request may take it (see {@link #takesPreviousVersion}), while the
 * {@link PageRefresher} renders the previous versions again or another request renders this page;
 * otherwise it claims the page's rendering, or waits for that rendering (at most
 * {@link #WAIT_FOR_RENDERING}) rather than rendering it too. A page kept in the current generation
 * is answered before the filters, by {@link KeptPagesValve}, where Tomcat's pipeline leads here (not
 * in MockMvc). Only requests that reduce to a
 * {@link PageCacheKey} touch the cache; admin pages, errors, other addresses and anything but
 * GET/HEAD pass straight through.
 */
@Component
@Order(Ordered.HIGHEST_PRECEDENCE) // first of all: a hit replays the headers stored with the page and ends there
class PageCacheFilter extends OncePerRequestFilter {

    // headers this filter sets itself, or that belong to one response only
    private static final Set<String> NOT_REPLAYED = Set.of("set-cookie", "etag", "last-modified", "content-length",
            "content-encoding", "content-type", "vary", "cache-control", "date", "transfer-encoding", "expires", "pragma");

    // Tomcat's request attributes for sending a file with sendfile (org.apache.catalina.Globals)
    private static final String SENDFILE_SUPPORTED = "org.apache.tomcat.sendfile.support";
    private static final String SENDFILE_FILENAME = "org.apache.tomcat.sendfile.filename";
    private static final String SENDFILE_START = "org.apache.tomcat.sendfile.start";
    private static final String SENDFILE_END = "org.apache.tomcat.sendfile.end";

    // pages and feeds; other answers to a cacheable address (a download, a redirect) are not kept
    private static final List<String> KEPT_TYPES = List.of("text/html", "application/atom+xml");

    // a reader waiting for another request's rendering of the same page renders it itself after this
    private static final Duration WAIT_FOR_RENDERING = Duration.ofSeconds(10);

    // how long after a change (or a start) readers may be given previous versions without anyone rendering
    // the page: what a change removed (a withdrawn edition) must not stay on view longer
    static final Duration PREVIOUS_VERSIONS_AT_MOST = Duration.ofSeconds(30);

    static final HeaderBytes.Header NO_CACHE = HeaderBytes.Header.of(HttpHeaders.CACHE_CONTROL, "no-cache");
    static final HeaderBytes.Header VARY_ENCODING = HeaderBytes.Header.of(HttpHeaders.VARY, "Accept-Encoding");
    private static final HeaderBytes.Header VARY_ENCODING_AND_LANGUAGE =
            HeaderBytes.Header.of(HttpHeaders.VARY, "Accept-Encoding, Accept-Language");
    static final HeaderBytes.Header GZIP = HeaderBytes.Header.of(HttpHeaders.CONTENT_ENCODING, "gzip");

    private final PageCache cache;
    private final PageRefresher refresher;

    PageCacheFilter(PageCache cache, PageRefresher refresher) {
        this.cache = cache;
        this.refresher = refresher;
    }

    @Override
    protected boolean shouldNotFilter(HttpServletRequest request) {
        String method = request.getMethod();
        return !method.equals("GET") && !method.equals("HEAD");
    }

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        Optional<String> cacheable = PageCacheKey.of(request);
        if (cacheable.isEmpty()) {
            chain.doFilter(request, response);
            return;
        }
        String key = cacheable.get();
        PageCache.Generation generation = cache.generation();
        PageCache.Page page = cache.get(generation, key);
        if (page != null) {
            send(request, response, key, page);
            return;
        }
        String etag = cache.etag(generation, key);
        response.setHeader(HttpHeaders.ETAG, etag);
        response.setHeader(HttpHeaders.CACHE_CONTROL, NO_CACHE.value());
        response.setHeader(HttpHeaders.VARY, vary(request, key).value());
        if (notModified(request, etag)) {
            response.setStatus(HttpServletResponse.SC_NOT_MODIFIED);
            return;
        }
        if (!request.getMethod().equals("GET")) {
            renderAndKeep(request, response, chain, generation, key, null, null);
            return;
        }
        PageCache.Page previous = takesPreviousVersion(request) ? cache.previousVersion(generation, key) : null;
        // while the page refresher renders the previous versions again, readers do not wait for it; but a page
        // the refresher has not reached soon after the change is rendered by its reader, as it would be
        boolean soonAfterTheChange = cache.age(generation).compareTo(PREVIOUS_VERSIONS_AT_MOST) < 0;
        if (previous != null && refresher.isRenderingAgain(generation) && soonAfterTheChange) {
            send(request, response, key, previous);
            return;
        }
        PageCache.Rendering rendering = cache.rendering(generation, key);
        if (!rendering.ours()) {
            if (previous != null) {
                send(request, response, key, previous);
                return;
            }
            PageCache.Page rendered = await(rendering);
            // a change committed while waiting: the page may show what is gone, so it is rendered again; and a
            // previous version handed over (the database away) is not for those who wait for the page as it is now
            if (rendered != null && cache.generation() == generation && rendered.generation() == generation.number()) {
                send(request, response, key, rendered);
            } else {
                renderAndKeep(request, response, chain, generation, key, null, null);
            }
            return;
        }
        try {
            // while the database is away, a reader who may take the previous version soon after the change gets it
            renderAndKeep(request, response, chain, generation, key, rendering, soonAfterTheChange ? previous : null);
        } catch (Throwable failed) {
            // those waiting render the page themselves and meet the error as this request did
            cache.renderingFailed(generation, key, rendering);
            throw failed;
        }
    }

    /**
     * Anonymous readers may be given a page's previous version; a signed-in editor (readers carry no
     * cookie) waits, so that who just published sees the change, and so does whoever asks for the page
     * as it is now ({@code Cache-Control: no-cache}: a browser's hard reload, the page refresher).
     */
    private static boolean takesPreviousVersion(HttpServletRequest request) {
        if (request.getHeader(HttpHeaders.COOKIE) != null) {
            return false;
        }
        String cacheControl = request.getHeader(HttpHeaders.CACHE_CONTROL);
        return cacheControl == null || !cacheControl.toLowerCase(java.util.Locale.ROOT).contains("no-cache");
    }

    /** The page another request is rendering, or null when it kept none, failed or took too long: then this request renders it itself. */
    private static PageCache.Page await(PageCache.Rendering rendering) {
        try {
            return rendering.page().get(WAIT_FOR_RENDERING.toMillis(), TimeUnit.MILLISECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return null;
        } catch (ExecutionException | TimeoutException e) {
            return null;
        }
    }

    /**
     * Renders the page through the application and keeps it when it is a page every reader gets;
     * hands it to those waiting for {@code rendering} (when not null) before sending it. When the
     * rendering answers 503 because the database is away ({@link DatabaseOutageFilter}) and
     * {@code previous} is not null, sends that instead.
     */
    private void renderAndKeep(HttpServletRequest request, HttpServletResponse response, FilterChain chain,
                               PageCache.Generation generation, String key, PageCache.Rendering rendering,
                               PageCache.Page previous) throws ServletException, IOException {
        cache.countRendering();
        var wrapper = new RenderedResponse(response, previous != null);
        chain.doFilter(request, wrapper);
        if (wrapper.databaseAway) {
            if (rendering != null) {
                // those waiting are given it too, and it stays for the next reader
                cache.rendered(generation, key, rendering, previous);
            }
            response.reset();
            send(request, response, key, previous);
            return;
        }
        PageCache.Page kept = null;
        String type = wrapper.getContentType();
        if (wrapper.getStatus() == HttpServletResponse.SC_OK && type != null && KEPT_TYPES.stream().anyMatch(type::startsWith)
                && wrapper.getHeader(HttpHeaders.SET_COOKIE) == null) {
            Map<String, List<String>> headers = new LinkedHashMap<>();
            for (String name : wrapper.getHeaderNames()) {
                if (!NOT_REPLAYED.contains(name.toLowerCase(Locale.ROOT))) {
                    headers.put(name, List.copyOf(wrapper.getHeaders(name)));
                }
            }
            if (wrapper.locale != null) {
                // the container writes it from setLocale, not from the headers: given again with the kept page
                headers.put(HttpHeaders.CONTENT_LANGUAGE, List.of(wrapper.locale.toLanguageTag()));
            }
            // stored only if no change of the archive began since: otherwise it may show what is gone
            kept = cache.put(generation, key, wrapper.getContentAsByteArray(), type, headers);
        } else {
            response.setHeader(HttpHeaders.ETAG, null);
        }
        if (rendering != null) {
            if (wrapper.getStatus() >= HttpServletResponse.SC_INTERNAL_SERVER_ERROR) {
                // the database away for the refresher or an editor: readers may still be given the previous version
                cache.renderingFailed(generation, key, rendering);
            } else {
                cache.rendered(generation, key, rendering, kept);
            }
        }
        wrapper.copyBodyToResponse();
    }

    /**
     * The rendering's body, kept to be stored, and the locale the view gave it (sent as
     * Content-Language); when {@code previousInstead}, a 503 is not sent but noted in {@link #databaseAway}.
     */
    private static final class RenderedResponse extends ContentCachingResponseWrapper {

        private final boolean previousInstead;
        private Locale locale;
        private boolean databaseAway;

        RenderedResponse(HttpServletResponse response, boolean previousInstead) {
            super(response);
            this.previousInstead = previousInstead;
        }

        @Override
        public void sendError(int status) throws IOException {
            if (previousInstead && status == HttpServletResponse.SC_SERVICE_UNAVAILABLE) {
                databaseAway = true;
            } else {
                super.sendError(status);
            }
        }

        @Override
        public void setLocale(Locale locale) {
            super.setLocale(locale);
            this.locale = locale;
        }
    }

    /** Only the ETag decides: Last-Modified has one-second steps, and a page can change twice in one second. */
    private static boolean notModified(HttpServletRequest request, String etag) {
        return notModified(request.getHeader(HttpHeaders.IF_NONE_MATCH), etag);
    }

    /** Whether a request's If-None-Match header (null when none) names {@code etag}. */
    static boolean notModified(String ifNoneMatch, String etag) {
        return ifNoneMatch != null && (ifNoneMatch.equals("*") || java.util.Arrays.stream(ifNoneMatch.split(","))
                .map(String::strip).anyMatch(t -> t.equals(etag) || t.equals(etag.substring(2))));
    }

    /**
     * Sends a kept page (of this generation, or a previous version) with its own ETag, or 304 when the
     * reader has it; its headers go to Tomcat as bytes encoded once ({@link HeaderBytes}).
     */
    static void send(HttpServletRequest request, HttpServletResponse response, String key, PageCache.Page page)
            throws IOException {
        HeaderBytes.set(request, response, page.etag());
        HeaderBytes.set(request, response, NO_CACHE);
        HeaderBytes.set(request, response, vary(request, key));
        HeaderBytes.date(request, response);
        if (notModified(request, page.etag().value())) {
            response.setStatus(HttpServletResponse.SC_NOT_MODIFIED);
            return;
        }
        String acceptEncoding = request.getHeader(HttpHeaders.ACCEPT_ENCODING);
        boolean gzip = acceptsGzip(acceptEncoding);
        byte[] body = page.body(gzip);
        java.nio.file.Path file = page.file(gzip);
        HeaderBytes.contentType(request, response, page.contentTypeHeader());
        for (HeaderBytes.Header header : page.replayedHeaders()) {
            HeaderBytes.add(request, response, header);
        }
        if (gzip) {
            HeaderBytes.set(request, response, GZIP);
        }
        response.setContentLength(body.length);
        if (request.getMethod().equals("HEAD")) {
            return;
        }
        if (file != null && Boolean.TRUE.equals(request.getAttribute(SENDFILE_SUPPORTED))) {
            // the container sends the file itself, without copying it through the JVM (large pages only: PageCache)
            request.setAttribute(SENDFILE_FILENAME, file.toString());
            request.setAttribute(SENDFILE_START, 0L);
            request.setAttribute(SENDFILE_END, (long) body.length);
        } else {
            HeaderBytes.sentAsKept(request);
            response.getOutputStream().write(body);
        }
    }

    /** Whether a request's Accept-Encoding header (null when none) asks for a kept page's gzipped bytes. */
    static boolean acceptsGzip(String acceptEncoding) {
        return acceptEncoding != null && acceptEncoding.contains("gzip");
    }

    /** Without hl=, the home and search pages speak the browser's language: a cached copy must not say otherwise. */
    private static HeaderBytes.Header vary(HttpServletRequest request, String key) {
        return PageCacheKey.hasInterfaceLanguage(key) && InterfaceLanguage.followsTheBrowser(request)
                ? VARY_ENCODING_AND_LANGUAGE : VARY_ENCODING;
    }
}
