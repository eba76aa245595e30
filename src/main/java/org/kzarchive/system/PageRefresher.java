package org.kzarchive.system;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.RejectedExecutionException;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.beans.factory.DisposableBean;
import org.springframework.core.env.Environment;
import org.springframework.http.HttpHeaders;
import org.springframework.stereotype.Component;

/**
 * After every change of the archive, renders again the pages the new generation of {@link PageCache}
 * holds only as previous versions (an edition's pages, the home page, the feeds), most recently used
 * first, so that readers find them current instead of each meeting a cold page. One page at a time,
 * on one thread, so that readers keep the other cores. Each page is asked of this very server over
 * loopback, so it is rendered and kept exactly as for a reader; meanwhile readers are served the
 * previous version. A further change abandons the run and starts over with the newer generation.
 */
@Component
public class PageRefresher implements DisposableBean {

    private static final Logger log = LoggerFactory.getLogger(PageRefresher.class);
    // enough for the pages readers actually visit; the rest are rendered when asked for
    private static final int MAX_PAGES_PER_RUN = 500;
    private static final Duration TIMEOUT = Duration.ofSeconds(30);

    private final PageCache cache;
    private final Environment environment;
    private final ExecutorService worker = Executors.newSingleThreadExecutor(r -> {
        Thread thread = new Thread(r, "page-refresher");
        thread.setDaemon(true);
        return thread;
    });
    private final HttpClient client = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1)
            .connectTimeout(Duration.ofSeconds(5)).build();

    // guarded by this: the newest generation not yet refreshed, whether a run is under way, and its end
    private PageCache.Generation waiting;
    private boolean running;
    private CompletableFuture<Void> idle = CompletableFuture.completedFuture(null);

    PageRefresher(PageCache cache, Environment environment) {
        this.cache = cache;
        this.environment = environment;
        cache.onNewGeneration(this::refresh);
    }

    /** Completes when no page is being rendered again and none is waiting to be. */
    public synchronized CompletableFuture<Void> idle() {
        return idle;
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
        List<String> keys = cache.previousVersionKeys(generation);
        if (base == null || keys.isEmpty()) {
            return;
        }
        long started = System.nanoTime();
        int rendered = 0;
        for (String key : keys.subList(0, Math.min(keys.size(), MAX_PAGES_PER_RUN))) {
            if (isStale(generation)) {
                log.debug("Rendering pages again: abandoned after {} pages, the archive changed again", rendered);
                return;
            }
            // a reader may have asked for it first
            if (cache.previousVersion(generation, key) != null) {
                request(base, key);
                rendered++;
            }
        }
        log.info("Rendered {} of {} pages again after a change in {} ms", rendered, keys.size(),
                (System.nanoTime() - started) / 1_000_000);
    }

    private synchronized boolean isStale(PageCache.Generation generation) {
        return waiting != null || cache.generation() != generation;
    }

    /**
     * Asks for the page under {@code key}: a path, or for the home and search pages
     * {@code path?query} and the interface language after a space ({@link PageCacheKey}).
     */
    private void request(String base, String key) {
        int space = key.lastIndexOf(' ');
        String address = space < 0 ? key : key.substring(0, space);
        var request = HttpRequest.newBuilder(URI.create(base + address)).timeout(TIMEOUT);
        if (space >= 0 && !address.contains("?" + InterfaceLanguage.PARAMETER + "=") && !address.contains("&" + InterfaceLanguage.PARAMETER + "=")) {
            // without hl=, the language comes from the browser's preference
            request.header(HttpHeaders.ACCEPT_LANGUAGE, key.substring(space + 1));
        }
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
