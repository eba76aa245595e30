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
    static final int WARM_UP_ANSWERS = 2000;
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
    // written by the worker thread only
    private volatile int cachedPagesAnswered;
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
                warmUp(generation, base, sitemap);
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

    /** The warm-up searches, with the requests for cached pages after the first: what readers meet first and most. */
    private void warmUp(PageCache.Generation generation, String base, List<String> sitemap) {
        List<String> searches = searchesToWarmUp(sitemap);
        for (int i = 0; i < searches.size(); i++) {
            long began = System.nanoTime();
            request(base, searches.get(i));
            pause(Duration.ofNanos(System.nanoTime() - began));
            if (i == 0) {
                answerAgainAndAgain(generation, base, pagesToAnswerAgainAndAgain(sitemap, searches));
            }
        }
    }

    /**
     * A search page (sent from memory) and an edition's page (sent as a file), both cached by now:
     * the two ways a cached page is sent.
     */
    static List<String> pagesToAnswerAgainAndAgain(List<String> sitemap, List<String> searches) {
        List<String> pages = new ArrayList<>();
        searches.stream().findFirst().ifPresent(pages::add);
        sitemap.stream().filter(path -> Addresses.READER_PAGE_PATH.matcher(path).matches()).findFirst().ifPresent(pages::add);
        return pages;
    }

    /**
     * Asks for {@code pages} {@value #WARM_UP_ANSWERS} times in turn, plain and gzipped, once after
     * start-up, pausing as long as each took: the JIT compiles the code that sends a cached page sooner
     * than readers alone would make it. Measured by hand without the AOT cache, 32 readers asking for
     * the interview for 5 s from the first page, then for a new search for 5 s: the search's p99 had a
     * median of 307 ms over 9 starts without these requests (none under 100 ms), 61 ms over 17 starts
     * with them (9 under 100 ms); the interview's 266 ms and 110 ms. What remains is the JIT and the
     * refresher's own work competing with the readers for the CPU.
     */
    private void answerAgainAndAgain(PageCache.Generation generation, String base, List<String> pages) {
        long started = System.nanoTime();
        int answered = 0;
        while (answered < WARM_UP_ANSWERS && !pages.isEmpty() && !isStale(generation)) {
            long began = System.nanoTime();
            var request = HttpRequest.newBuilder(URI.create(base + pages.get(answered % pages.size()))).timeout(TIMEOUT);
            if (answered / pages.size() % 2 == 1) {
                request.header(HttpHeaders.ACCEPT_ENCODING, "gzip");
            }
            if (send(request.build()) == 200) {
                cachedPagesAnswered++;
            }
            answered++;
            pause(Duration.ofNanos(System.nanoTime() - began));
        }
        log.info("Answered {} requests for cached pages in {} ms, so that the code sending them is compiled", answered,
                (System.nanoTime() - started) / 1_000_000);
    }

    /** How many of the requests made after start-up for cached pages were answered with the page. */
    int cachedPagesAnsweredAfterStartUp() {
        return cachedPagesAnswered;
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
        send(request.build());
    }

    /** The status of the answer, or 0 when there was none. */
    private int send(HttpRequest request) {
        try {
            int status = client.send(request, HttpResponse.BodyHandlers.discarding()).statusCode();
            if (status != 200) {
                log.debug("{} answered {}", request.uri(), status);
            }
            return status;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted", e);
        } catch (Exception e) {
            log.debug("{} failed: {}", request.uri(), e.toString());
            return 0;
        }
    }

    @Override
    public void destroy() {
        worker.shutdownNow();
        client.shutdownNow();
    }
}
