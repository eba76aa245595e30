package org.kzarchive.system;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicReference;
import java.util.concurrent.atomic.LongAdder;
import java.util.stream.Stream;
import java.util.zip.GZIPOutputStream;

import org.kzarchive.archive.TranslationChanged;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.stereotype.Component;
import org.springframework.transaction.event.TransactionPhase;
import org.springframework.transaction.event.TransactionalEventListener;

/**
 * Rendered public pages, kept until the archive changes. Every change of any translation starts a
 * new generation (a page also lists the other languages of its work), which empties the cache and
 * changes every ETag. Readers asking together for a page not yet cached wait for one rendering
 * of it ({@link #rendering}). A page is stored only in the generation its rendering began in, so a page rendered while a
 * change commits is never kept after it. Each page is kept plain and gzipped, in memory and as
 * files under {@code <data-dir>/page-cache/}, so the server can send it with sendfile like any
 * static file. Only the most recently used pages stay: at most
 * {@value #MAX_ENTRIES}, and 32 MB in memory, keys included. Keys are {@link PageCacheKey}s only.
 */
@Component
public class PageCache {

    private static final Logger log = LoggerFactory.getLogger(PageCache.class);
    private static final int MAX_ENTRIES = 2_000;
    // plain and gzipped bytes together: many long search result pages must not fill a small heap
    private static final long MAX_BYTES = 32L * 1024 * 1024;
    // objects around each entry: map node, record, arrays' headers, two paths
    private static final long ENTRY_OVERHEAD = 512;

    /**
     * @param plainFile   the same bytes as {@code plain}, on disk, or null when it could not be written
     * @param headers     response headers to send again with the page (security headers, language)
     */
    public record Page(byte[] plain, byte[] gzipped, Path plainFile, Path gzippedFile, String contentType,
                       Map<String, List<String>> headers) {
    }

    /**
     * The state of the archive pages are rendered from; compare with {@link #generation()} before storing.
     * {@code renderings} holds the pages being rendered in this generation, by key.
     */
    public record Generation(long number, Path directory, RecentPages pages,
                             Map<String, CompletableFuture<Page>> renderings) {
    }

    /**
     * The one rendering of a page under way in a generation. {@code ours} says whether the caller
     * is to render it (and then must call {@link #rendered}); otherwise it waits for {@code page},
     * which completes with the page kept, or with null when the rendering kept none.
     */
    public record Rendering(CompletableFuture<Page> page, boolean ours) {
    }

    /** The most recently used pages, within {@link #MAX_ENTRIES} and {@link #MAX_BYTES}. */
    static final class RecentPages {
        private final LinkedHashMap<String, Page> pages = new LinkedHashMap<>(256, 0.75f, true);
        private long bytes;

        synchronized Page get(String key) {
            return pages.get(key);
        }

        synchronized void put(String key, Page page) {
            Page replaced = pages.put(key, page);
            // a replaced page had the same file names, which now hold the new page
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

        synchronized long bytes() {
            return bytes;
        }

        synchronized int size() {
            return pages.size();
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

    public PageCache(Clock clock, ArchiveProperties properties) {
        this.clock = clock;
        this.root = properties.dataDir().resolve("page-cache").toAbsolutePath();
        deleteBelow(root, null);
        // start from the clock so ETags of one run never match those of an earlier run
        this.generation = new AtomicReference<>(fresh(clock.millis()));
    }

    private Generation fresh(long number) {
        return new Generation(number, root.resolve(Long.toHexString(number)), new RecentPages(), new ConcurrentHashMap<>());
    }

    /** The current generation: take it before rendering a page, and give it back to {@link #put}. */
    public Generation generation() {
        return generation.get();
    }

    /** Changes with every generation, so a page rendered before a change is never confirmed with 304 after it. */
    public String etag(Generation of, String key) {
        return "W/\"" + Long.toHexString(of.number()) + "-" + Sha256.hex(key).substring(0, 16) + "\"";
    }

    public Page get(Generation of, String key) {
        return of.pages().get(key);
    }

    public Page get(String key) {
        return get(generation(), key);
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

    /** Ends a rendering claimed with {@link #rendering}; {@code kept} is what {@link #put} returned, or null. */
    public void rendered(Generation of, String key, Rendering rendering, Page kept) {
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
        Generation current = generation.get();
        if (current != renderedIn) {
            return null;
        }
        byte[] gzipped = gzip(html);
        String name = Sha256.hex(key);
        Path plainFile = write(current.directory().resolve(name + ".html"), html);
        Path gzippedFile = write(current.directory().resolve(name + ".html.gz"), gzipped);
        Page page = new Page(html, gzipped, plainFile, gzippedFile, contentType, Map.copyOf(headers));
        current.pages().put(key, page);
        return page;
    }

    /** bytes the current generation's pages count against the budget */
    public long bytesInMemory() {
        return generation.get().pages().bytes();
    }

    public int pagesInMemory() {
        return generation.get().pages().size();
    }

    @TransactionalEventListener(phase = TransactionPhase.AFTER_COMMIT, fallbackExecution = true)
    public void onTranslationChanged(TranslationChanged event) {
        invalidate();
    }

    public void invalidate() {
        Generation previous = generation.getAndUpdate(g -> fresh(Math.max(g.number() + 1, clock.millis())));
        // the generation just replaced may still be sending; older ones are done with
        deleteBelow(root, List.of(previous.directory(), generation.get().directory()));
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

    private static Path write(Path file, byte[] bytes) {
        try {
            Files.createDirectories(file.getParent());
            Path partial = file.resolveSibling(file.getFileName() + ".partial");
            Files.write(partial, bytes);
            return Files.move(partial, file, java.nio.file.StandardCopyOption.ATOMIC_MOVE, java.nio.file.StandardCopyOption.REPLACE_EXISTING);
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
