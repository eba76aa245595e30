package org.kzarchive.system;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicReference;
import java.util.concurrent.atomic.LongAdder;
import java.util.function.Consumer;
import java.util.function.Function;
import java.util.function.LongConsumer;
import java.util.stream.Stream;
import java.util.zip.GZIPOutputStream;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.http.HttpHeaders;
import org.springframework.stereotype.Component;

/**
 * Rendered public pages (and the Atom feeds), kept until the archive changes. Every change of any
 * translation starts one new generation (a page also lists the other languages of its work), which
 * changes every ETag: {@code IndexUpdater} starts it once the search index mirrors the change, so
 * search pages and reader pages of a generation agree and the pages are rendered again only once.
 * The new generation keeps the pages of the one it replaces, search pages
 * excepted, as <em>previous versions</em>: a reader who asks for such a page while it is being
 * rendered again is given the previous version at once (with the ETag of the generation it was
 * rendered in) instead of waiting, and {@link PageRefresher} renders them again in the background.
 * Search pages simply expire: a change of the index changes their results. Readers asking together
 * for a page with no version at all wait for one rendering of it ({@link #rendering}). A page is
 * stored only in the generation its rendering began in, so a page rendered while a change commits
 * is never kept as current after it. Current pages are kept plain and gzipped, in memory and, from
 * {@value #SENDFILE_MIN_BYTES} bytes, as files under {@code <data-dir>/page-cache/}, so the server
 * can send them with sendfile like any static file; previous versions are sent from memory, as their
 * generation's files are deleted with it.
 * Only the most recently used pages stay, previous versions included: at most {@value #MAX_ENTRIES},
 * and 32 MB in memory, keys included. Keys are {@link PageCacheKey}s only.
 */
@Component
public class PageCache {

    private static final Logger log = LoggerFactory.getLogger(PageCache.class);
    /**
     * Smaller bodies are sent from memory: measured with the load benchmark, one write of headers and
     * body then costs less than opening, sending and closing a file (search results, 9.6 KB: +15%
     * requests/s), while the full text (176 KB) goes faster with sendfile. Tomcat's own file server
     * draws the line at the same size.
     */
    static final int SENDFILE_MIN_BYTES = 48 * 1024;
    private static final int MAX_ENTRIES = 2_000;
    // plain and gzipped bytes together: many long search result pages must not fill a small heap
    private static final long MAX_BYTES = 32L * 1024 * 1024;
    // objects around each entry: map node, record, arrays' headers, two paths
    private static final long ENTRY_OVERHEAD = 512;

    /**
     * @param plainFile   the same bytes as {@code plain}, on disk, or null when it could not be written or
     *                    belongs to a generation whose files may be gone
     * @param headers     response headers to send again with the page (security headers, language)
     * @param generation  the number of the generation the page was rendered in, which its ETag names
     */
    public record Page(byte[] plain, byte[] gzipped, Path plainFile, Path gzippedFile, HeaderBytes.Header contentTypeHeader,
                       Map<String, List<String>> headers, long generation, HeaderBytes.Header etag,
                       List<HeaderBytes.Header> replayedHeaders) {

        /**
         * The page kept under {@code key}, with its ETag, headers and content type encoded once for every
         * response that sends it.
         */
        static Page of(String key, byte[] plain, byte[] gzipped, Path plainFile, Path gzippedFile, String contentType,
                       Map<String, List<String>> headers, long generation) {
            List<HeaderBytes.Header> replayed = headers.entrySet().stream()
                    .flatMap(h -> h.getValue().stream().map(value -> HeaderBytes.Header.of(h.getKey(), value))).toList();
            return new Page(plain, gzipped, plainFile, gzippedFile, HeaderBytes.Header.of(HttpHeaders.CONTENT_TYPE, contentType),
                    Map.copyOf(headers), generation, HeaderBytes.Header.of(HttpHeaders.ETAG, PageCache.etag(generation, key)),
                    replayed);
        }

        public String contentType() {
            return contentTypeHeader.value();
        }

        /** The bytes sent to a reader who asked for gzip, or not. */
        byte[] body(boolean gzip) {
            return gzip ? gzipped : plain;
        }

        /** The file those bytes are sent from with sendfile, or null when they are sent from memory. */
        Path file(boolean gzip) {
            return gzip ? gzippedFile : plainFile;
        }

        Page withoutFiles() {
            return new Page(plain, gzipped, null, null, contentTypeHeader, headers, generation, etag, replayedHeaders);
        }
    }

    /**
     * The state of the archive pages are rendered from; compare with {@link #generation()} before storing.
     * {@code pages} holds its own pages and the previous versions of others; {@code renderings} the pages
     * being rendered in this generation, by key.
     */
    public record Generation(long number, Path directory, RecentPages pages,
                             Map<String, CompletableFuture<Page>> renderings, long beganMillis) {
    }

    /**
     * The one rendering of a page under way in a generation. {@code ours} says whether the caller
     * is to render it (and then must call {@link #rendered}); otherwise it waits for {@code page},
     * which completes with the page kept, or with null when the rendering kept none.
     */
    public record Rendering(CompletableFuture<Page> page, boolean ours) {
    }

    /** The most recently used pages, of this generation or previous versions, within {@link #MAX_ENTRIES} and {@link #MAX_BYTES}. */
    static final class RecentPages {
        private final LinkedHashMap<String, Page> pages = new LinkedHashMap<>(256, 0.75f, true);
        private long bytes;

        synchronized Page get(String key) {
            return pages.get(key);
        }

        synchronized void put(String key, Page page) {
            Page replaced = pages.put(key, page);
            // a replaced page had the same file names, which now hold the new page, or was a previous version without files
            bytes += size(key, page) - (replaced == null ? 0 : size(key, replaced));
            var eldest = pages.entrySet().iterator();
            while (pages.size() > MAX_ENTRIES || (bytes > MAX_BYTES && pages.size() > 1)) {
                var dropped = eldest.next();
                eldest.remove();
                bytes -= size(dropped.getKey(), dropped.getValue());
                // many distinct addresses (search queries) must not fill the disk: a dropped page's files go too
                deleteFiles(dropped.getValue());
            }
        }

        /** Drops the page under {@code key} if it was rendered in another generation than {@code current}. */
        synchronized void removePrevious(String key, long current) {
            Page page = pages.get(key);
            if (page != null && page.generation() != current) {
                pages.remove(key);
                bytes -= size(key, page);
            }
        }

        /** Every page but the search pages, as previous versions: without files, in the same order of use. */
        synchronized RecentPages previousVersions() {
            var kept = new RecentPages();
            // least recently used first, so that the copy keeps the order
            pages.forEach((key, page) -> {
                if (!PageCacheKey.isSearch(key)) {
                    kept.pages.put(key, page.withoutFiles());
                    kept.bytes += size(key, page);
                }
            });
            return kept;
        }

        /** Keys of the pages rendered in another generation than {@code current}, most recently used first. */
        synchronized List<String> keysOfPrevious(long current) {
            List<String> keys = new ArrayList<>();
            pages.forEach((key, page) -> {
                if (page.generation() != current) {
                    keys.add(key);
                }
            });
            return keys.reversed();
        }

        /** Every page but the search pages, least recently used first. */
        synchronized List<Map.Entry<String, Page>> withoutSearchPages() {
            return pages.entrySet().stream().filter(e -> !PageCacheKey.isSearch(e.getKey()))
                    .map(e -> Map.entry(e.getKey(), e.getValue())).toList();
        }

        synchronized long bytes() {
            return bytes;
        }

        synchronized int count(boolean ofGeneration, long number) {
            return (int) pages.values().stream().filter(p -> (p.generation() == number) == ofGeneration).count();
        }

        /** the page's bytes, its key (twice: map and file name) and the headers kept with it */
        private static long size(String key, Page page) {
            long headers = page.headers().entrySet().stream()
                    .mapToLong(h -> h.getKey().length() + h.getValue().stream().mapToLong(String::length).sum()).sum();
            return page.plain().length + page.gzipped().length + 4L * key.length() + 2 * headers + ENTRY_OVERHEAD;
        }
    }

    private final Clock clock;
    private final Path root;
    private final AtomicReference<Generation> generation;
    private final LongAdder pagesRendered = new LongAdder();
    private final List<Consumer<Generation>> newGenerationListeners = new CopyOnWriteArrayList<>();
    private final List<LongConsumer> beforeNewGenerationListeners = new CopyOnWriteArrayList<>();

    public PageCache(Clock clock, ArchiveProperties properties) {
        this.clock = clock;
        this.root = properties.dataDir().resolve("page-cache").toAbsolutePath();
        deleteBelow(root, null);
        // start from the clock so ETags of one run never match those of an earlier run
        this.generation = new AtomicReference<>(fresh(clock.millis(), new RecentPages()));
    }

    private Generation fresh(long number, RecentPages pages) {
        return new Generation(number, root.resolve(Long.toHexString(number)), pages, new ConcurrentHashMap<>(), clock.millis());
    }

    /** The current generation: take it before rendering a page, and give it back to {@link #put}. */
    public Generation generation() {
        return generation.get();
    }

    /** How long ago {@code generation} began. */
    public Duration age(Generation generation) {
        return Duration.ofMillis(Math.max(0, clock.millis() - generation.beganMillis()));
    }

    /** Changes with every generation, so a page rendered before a change is never confirmed with 304 after it. */
    public String etag(Generation of, String key) {
        return etag(of.number(), key);
    }

    /** The ETag of a page rendered in the generation numbered {@code generation} ({@link Page#generation()}). */
    public static String etag(long generation, String key) {
        return "W/\"" + Long.toHexString(generation) + "-" + Sha256.hex(key).substring(0, 16) + "\"";
    }

    /** The page as rendered in {@code of}, or null. */
    public Page get(Generation of, String key) {
        Page page = of.pages().get(key);
        return page != null && page.generation() == of.number() ? page : null;
    }

    public Page get(String key) {
        return get(generation(), key);
    }

    /** The page as rendered in an earlier generation, kept in {@code of} until it is rendered again; or null. */
    public Page previousVersion(Generation of, String key) {
        Page page = of.pages().get(key);
        return page != null && page.generation() != of.number() ? page : null;
    }

    /** The keys of the previous versions {@code of} still holds, most recently used first: the pages to render again. */
    public List<String> previousVersionKeys(Generation of) {
        return of.pages().keysOfPrevious(of.number());
    }

    /**
     * Claims the rendering of a page not cached in {@code of}: the first caller renders it, whoever
     * asks for the same page meanwhile is given that rendering to wait for, so that readers arriving
     * together cost one rendering, not one each.
     */
    public Rendering rendering(Generation of, String key) {
        var mine = new CompletableFuture<Page>();
        var underWay = of.renderings().putIfAbsent(key, mine);
        return underWay == null ? new Rendering(mine, true) : new Rendering(underWay, false);
    }

    /**
     * Ends a rendering claimed with {@link #rendering}; {@code kept} is what {@link #put} returned, or null.
     * A rendering that kept no page (a withdrawn edition's 404, a redirect) also drops the page's previous
     * version: it must not be served again in place of what the page now says.
     */
    public void rendered(Generation of, String key, Rendering rendering, Page kept) {
        if (kept == null) {
            of.pages().removePrevious(key, of.number());
        }
        end(of, key, rendering, kept);
    }

    /**
     * Ends a rendering claimed with {@link #rendering} that failed (an exception, a server error such as
     * the database away): it says nothing of what the page now says, so the previous version stays for
     * the readers who may be given it. Those waiting for the rendering render the page themselves.
     */
    public void renderingFailed(Generation of, String key, Rendering rendering) {
        end(of, key, rendering, null);
    }

    private static void end(Generation of, String key, Rendering rendering, Page kept) {
        rendering.page().complete(kept);
        of.renderings().remove(key, rendering.page());
    }

    /** Counts a rendering of a cacheable page by the application, for the log and the tests. */
    void countRendering() {
        pagesRendered.increment();
    }

    /** How many times a cacheable page was rendered since start-up (hits and waits for another rendering not counted). */
    public long pagesRendered() {
        return pagesRendered.sum();
    }

    /** Keeps a page rendered from the archive as it is now. */
    public void put(String key, byte[] html, String contentType, Map<String, List<String>> headers) {
        put(generation(), key, html, contentType, headers);
    }

    /** Keeps a page rendered in {@code renderedIn}, unless the archive changed meanwhile; returns it, or null when not kept. */
    public Page put(Generation renderedIn, String key, byte[] html, String contentType, Map<String, List<String>> headers) {
        return put(renderedIn, key, html, gzip(html), contentType, headers);
    }

    private Page put(Generation renderedIn, String key, byte[] html, byte[] gzipped, String contentType,
                     Map<String, List<String>> headers) {
        Generation current = generation.get();
        if (current != renderedIn) {
            return null;
        }
        String name = Sha256.hex(key);
        Path plainFile = sentAsFile(html) ? write(current.directory().resolve(name + ".html"), html) : null;
        Path gzippedFile = sentAsFile(gzipped) ? write(current.directory().resolve(name + ".html.gz"), gzipped) : null;
        Page page = Page.of(key, html, gzipped, plainFile, gzippedFile, contentType, headers, current.number());
        current.pages().put(key, page);
        return page;
    }

    /** The pages to keep across a restart ({@link PageSnapshot}): every page but the search pages, least recently used first. */
    List<Map.Entry<String, Page>> pagesToKeep() {
        return generation.get().pages().withoutSearchPages();
    }

    /** Takes pages rendered by an earlier run of the application, from the very same archive, as current pages. */
    void restoreCurrent(List<Map.Entry<String, Page>> earlier) {
        Generation current = generation.get();
        for (var page : earlier) {
            Page kept = page.getValue();
            put(current, page.getKey(), kept.plain(), kept.gzipped(), kept.contentType(), kept.headers());
        }
    }

    /**
     * Takes pages rendered by an earlier run of the application as previous versions of the current
     * generation (in the order given, the last the most recently used), for {@link PageRefresher} to render again.
     */
    void restorePreviousVersions(List<Map.Entry<String, Page>> earlier) {
        Generation current = generation.get();
        for (var page : earlier) {
            // only what is older than the current generation can be told apart from its pages (a clock set back: dropped)
            if (page.getValue().generation() < current.number() && !PageCacheKey.isSearch(page.getKey())) {
                current.pages().put(page.getKey(), page.getValue().withoutFiles());
            }
        }
    }

    /** bytes the current generation's pages and previous versions count against the budget */
    public long bytesInMemory() {
        return generation.get().pages().bytes();
    }

    /** pages rendered in the current generation */
    public int pagesInMemory() {
        Generation current = generation.get();
        return current.pages().count(true, current.number());
    }

    public int previousVersionsInMemory() {
        Generation current = generation.get();
        return current.pages().count(false, current.number());
    }

    /**
     * Calls {@code listener} with the number of every generation about to start, before any page can
     * be rendered in it: what it reads from the database is older than every page of that generation.
     */
    void beforeNewGeneration(LongConsumer listener) {
        beforeNewGenerationListeners.add(listener);
    }

    /** Calls {@code listener} with every generation started after this call, on the thread that started it. */
    public void onNewGeneration(Consumer<Generation> listener) {
        newGenerationListeners.add(listener);
    }

    /** Starts a new generation, which keeps the pages of this one, search pages excepted, as previous versions. */
    public void invalidate() {
        begin(current -> current.pages().previousVersions(), true);
    }

    /**
     * Starts a new generation with no pages at all, as at start-up: nothing rendered before is served
     * again, and nothing is rendered in the background until a change (or {@link PageRefresher#renderPagesAfterStartUp}).
     */
    void clear() {
        begin(current -> new RecentPages(), false);
    }

    // one at a time: two generations started together must not both copy the same one
    private synchronized void begin(Function<Generation, RecentPages> kept, boolean announce) {
        Generation previous = generation.get();
        long number = Math.max(previous.number() + 1, clock.millis());
        beforeNewGenerationListeners.forEach(listener -> listener.accept(number));
        Generation next = fresh(number, kept.apply(previous));
        generation.set(next);
        // the generation just replaced may still be sending; older ones are done with
        deleteBelow(root, List.of(previous.directory(), next.directory()));
        if (announce) {
            newGenerationListeners.forEach(listener -> listener.accept(next));
        }
    }

    private static void deleteFiles(Page page) {
        for (Path file : new Path[] {page.plainFile(), page.gzippedFile()}) {
            try {
                if (file != null) {
                    Files.deleteIfExists(file);
                }
            } catch (IOException e) {
                log.debug("Cannot delete the cached page {}: {}", file, e.getMessage());
            }
        }
    }

    private static boolean sentAsFile(byte[] body) {
        return body.length >= SENDFILE_MIN_BYTES;
    }

    private static Path write(Path file, byte[] bytes) {
        try {
            return AtomicFiles.write(file, bytes);
        } catch (IOException e) {
            log.warn("Cannot keep a cached page on disk ({}); serving it from memory", e.getMessage());
            return null;
        }
    }

    private static void deleteBelow(Path root, List<Path> keep) {
        if (!Files.isDirectory(root)) {
            return;
        }
        try (Stream<Path> generations = Files.list(root)) {
            for (Path directory : generations.toList()) {
                if (keep != null && keep.contains(directory)) {
                    continue;
                }
                try (Stream<Path> files = Files.walk(directory)) {
                    for (Path p : files.sorted(java.util.Comparator.reverseOrder()).toList()) {
                        Files.deleteIfExists(p);
                    }
                }
            }
        } catch (IOException e) {
            log.warn("Cannot clear old cached pages in {}: {}", root, e.getMessage());
        }
    }

    private static byte[] gzip(byte[] bytes) {
        try {
            var out = new ByteArrayOutputStream(bytes.length / 4);
            try (var gzip = new GZIPOutputStream(out)) {
                gzip.write(bytes);
            }
            return out.toByteArray();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
