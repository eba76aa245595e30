package org.kzarchive.system;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.RejectedExecutionException;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.kzarchive.archive.Addresses;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.beans.factory.DisposableBean;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.context.event.EventListener;
import org.springframework.core.env.Environment;
import org.springframework.http.HttpHeaders;
import org.springframework.stereotype.Component;

/**
 * After start-up and after every change of the archive, renders the pages the new generation of
 * {@link PageCache} holds only as previous versions (an edition's pages, the home page, the feeds),
 * most recently used first, and then every page the sitemap lists, so that readers find them cached
 * instead of each meeting a cold page. One page at a time,
 * on one thread, so that readers keep the other cores. Each page is asked of this very server over
 * loopback, so it is rendered and kept exactly as for a reader; meanwhile readers are served the
 * previous version ({@link #isRenderingAgain}). A further change abandons the run and starts over
 * with the newer generation.
 */
@Component
public class PageRefresher implements DisposableBean {

    private static final Logger log = LoggerFactory.getLogger(PageRefresher.class);
    // enough for the pages readers actually visit; the rest are rendered when asked for
    private static final int MAX_PAGES_PER_RUN = 500;
    static final int WARM_UP_SEARCHES = 10;
    private static final Duration TIMEOUT = Duration.ofSeconds(30);

    private static final Pattern LOCATION = Pattern.compile("<loc>([^<]+)</loc>");

    private final PageCache cache;
    private final Environment environment;
    private final PublicAddress address;
    private final ExecutorService worker = Executors.newSingleThreadExecutor(r -> {
        Thread thread = new Thread(r, "page-refresher");
        thread.setDaemon(true);
        return thread;
    });
    private final HttpClient client = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1)
            .connectTimeout(Duration.ofSeconds(5)).build();

    // guarded by this: the newest generation not yet refreshed, whether a run is under way and for which, and its end
    private PageCache.Generation waiting;
    private PageCache.Generation underWay;
    private boolean running;
    // only the worker thread reads and writes it
    private boolean searchedOnce;
    private CompletableFuture<Void> idle = CompletableFuture.completedFuture(null);

    PageRefresher(PageCache cache, Environment environment, PublicAddress address) {
        this.cache = cache;
        this.environment = environment;
        this.address = address;
        cache.onNewGeneration(this::refresh);
        synchronized (this) {
            // the run after start-up (renderPagesAfterStartUp) is due: pages kept from before a restart are
            // previous versions readers may be given from the moment the server accepts requests
            waiting = cache.generation();
        }
    }

    /** Completes when no page is being rendered again and none is waiting to be. */
    public synchronized CompletableFuture<Void> idle() {
        return idle;
    }

    /** Whether the previous versions {@code generation} holds are being rendered again, or are about to be. */
    public synchronized boolean isRenderingAgain(PageCache.Generation generation) {
        return waiting == generation || underWay == generation;
    }

    private synchronized void refresh(PageCache.Generation generation) {
        waiting = generation;
        if (running) {
            return;
        }
        running = true;
        if (idle.isDone()) {
            idle = new CompletableFuture<>();
        }
        try {
            worker.execute(this::run);
        } catch (RejectedExecutionException shuttingDown) {
            running = false;
            waiting = null;
            idle.complete(null);
        }
    }

    private void run() {
        while (true) {
            PageCache.Generation generation;
            CompletableFuture<Void> done;
            synchronized (this) {
                generation = waiting;
                waiting = null;
                underWay = generation;
                done = idle;
                if (generation == null) {
                    running = false;
                    done.complete(null);
                    return;
                }
            }
            try {
                refresh(generation, baseAddress());
            } catch (RuntimeException e) {
                log.info("Rendering pages again after a change stopped: {}", e.toString());
            } finally {
                synchronized (this) {
                    underWay = null;
                }
            }
        }
    }

    /** http://127.0.0.1:{port}{context path}, or null when no web server listens (tests without one, start-up). */
    private String baseAddress() {
        String port = environment.getProperty("local.server.port");
        if (port == null || port.equals("0") || port.equals("-1")) {
            return null;
        }
        return "http://127.0.0.1:" + port + environment.getProperty("server.servlet.context-path", "");
    }

    private void refresh(PageCache.Generation generation, String base) {
        if (base == null) {
            return;
        }
        long started = System.nanoTime();
        // pages readers had, most recently used first, every one (meanwhile readers are given their previous
        // versions); then those of the sitemap (a new edition's too), within the run's budget
        List<String> previous = cache.previousVersionKeys(generation);
        int rendered = renderMissing(generation, base, previous, 0, Integer.MAX_VALUE);
        if (rendered >= 0) {
            List<String> sitemap = sitemapPaths(base);
            rendered = renderMissing(generation, base, sitemap, rendered, MAX_PAGES_PER_RUN);
            if (rendered >= 0 && !searchedOnce) {
                searchedOnce = true;
                for (String search : searchesToWarmUp(sitemap)) {
                    long began = System.nanoTime();
                    request(base, search);
                    pause(Duration.ofNanos(System.nanoTime() - began));
                }
            }
        }
        if (rendered < 0) {
            log.debug("Rendering pages: abandoned, the archive changed again");
        } else {
            log.info("Rendered {} pages after a change or the start in {} ms", rendered, (System.nanoTime() - started) / 1_000_000);
        }
    }

    /** Renders those of {@code keys} not cached yet, within the run's budget; the count so far, or -1 when abandoned. */
    private int renderMissing(PageCache.Generation generation, String base, List<String> keys, int renderedSoFar, int budget) {
        int rendered = renderedSoFar;
        for (String key : keys) {
            if (isStale(generation)) {
                return -1;
            }
            // a reader may have asked for it first
            if (rendered < budget && cache.get(generation, key) == null) {
                long started = System.nanoTime();
                request(base, key);
                rendered++;
                // at most half of one core: readers, served previous versions meanwhile, keep the rest
                pause(Duration.ofNanos(System.nanoTime() - started));
            }
        }
        return rendered;
    }

    /**
     * Searches for the first work's title (the words of its address, e.g. "kazakistan dopo la
     * rivolta"): the whole title, then in each edition's language, then its longer words one by one,
     * at most {@value #WARM_UP_SEARCHES}. Made once after start-up, so that the first reader's search
     * does not meet the search's code (analysers, transliteration, excerpts) cold. Measured by hand
     * with the AOT cache, 32 readers asking for a new search at once, 5 s after start-up as the load
     * bench asks: p99 14–79 ms after these searches, 18–187 ms after one (four starts each).
     */
    static List<String> searchesToWarmUp(List<String> paths) {
        List<String[]> editions = paths.stream().map(Addresses.READER_PAGE_PATH::matcher).filter(Matcher::matches)
                .map(m -> m.group().split("/")).toList();
        if (editions.isEmpty()) {
            return List.of();
        }
        String work = editions.getFirst()[2];
        String title = "/search?q=" + work.replace('-', '+');
        Set<String> searches = new LinkedHashSet<>();
        searches.add(title);
        editions.forEach(edition -> searches.add(title + "&lang=" + edition[1]));
        Arrays.stream(work.split("-")).filter(word -> word.length() >= 4).forEach(word -> searches.add("/search?q=" + word));
        return searches.stream().limit(WARM_UP_SEARCHES).toList();
    }

    /** After start-up, every page the sitemap lists is rendered before readers ask for it. */
    @EventListener(ApplicationReadyEvent.class)
    void renderPagesAfterStartUp() {
        refresh(cache.generation());
    }

    /** The paths of the pages /sitemap.xml lists (the home page and every edition's pages), and the feed. */
    private List<String> sitemapPaths(String base) {
        try {
            var response = client.send(HttpRequest.newBuilder(URI.create(base + "/sitemap.xml")).timeout(TIMEOUT).build(),
                    HttpResponse.BodyHandlers.ofString());
            if (response.statusCode() != 200) {
                return List.of();
            }
            String site = address.base();
            List<String> paths = new ArrayList<>();
            Matcher loc = LOCATION.matcher(response.body());
            while (loc.find()) {
                String url = loc.group(1).replace("&amp;", "&");
                if (url.startsWith(site + "/")) {
                    paths.add(url.substring(site.length()));
                }
            }
            paths.add("/feed.atom");
            return paths;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted", e);
        } catch (Exception e) {
            log.debug("Cannot read the sitemap: {}", e.toString());
            return List.of();
        }
    }

    private static void pause(Duration duration) {
        try {
            Thread.sleep(duration);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted", e);
        }
    }

    private synchronized boolean isStale(PageCache.Generation generation) {
        return waiting != null || cache.generation() != generation;
    }

    /** Asks for the page under {@code key} as a reader would ({@link PageCacheKey#address}, {@link PageCacheKey#browserLanguage}). */
    private void request(String base, String key) {
        String address = PageCacheKey.address(key);
        // no-cache: the page as it is now, never its previous version
        var request = HttpRequest.newBuilder(URI.create(base + address)).timeout(TIMEOUT).header(HttpHeaders.CACHE_CONTROL, "no-cache");
        PageCacheKey.browserLanguage(key).ifPresent(language -> request.header(HttpHeaders.ACCEPT_LANGUAGE, language));
        try {
            int status = client.send(request.build(), HttpResponse.BodyHandlers.discarding()).statusCode();
            if (status != 200) {
                log.debug("Rendering {} again answered {}", address, status);
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted", e);
        } catch (Exception e) {
            log.debug("Rendering {} again failed: {}", address, e.toString());
        }
    }

    @Override
    public void destroy() {
        worker.shutdownNow();
        client.shutdownNow();
    }
}
