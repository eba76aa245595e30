package org.kzarchive.system;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.time.Clock;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.concurrent.atomic.AtomicReference;
import java.util.zip.GZIPOutputStream;

import org.kzarchive.archive.TranslationChanged;

import org.springframework.stereotype.Component;
import org.springframework.transaction.event.TransactionPhase;
import org.springframework.transaction.event.TransactionalEventListener;

/**
 * Rendered public pages, kept until the archive changes. Every change of any translation starts a
 * new generation (a page also lists the other languages of its work), which empties the cache and
 * changes every ETag. Entries hold the HTML both plain and gzipped, so a hit costs no rendering and
 * no compression.
 */
@Component
public class PageCache {

    private static final int MAX_ENTRIES = 2_000;

    public record Page(byte[] plain, byte[] gzipped, String contentType) {
    }

    private record Generation(long number, Instant since, Map<String, Page> pages) {
    }

    private final Clock clock;
    private final AtomicReference<Generation> generation;

    public PageCache(Clock clock) {
        this.clock = clock;
        // start from the clock so ETags of one run never match those of an earlier run
        this.generation = new AtomicReference<>(fresh(clock.millis()));
    }

    private Generation fresh(long number) {
        return new Generation(number, clock.instant().truncatedTo(ChronoUnit.SECONDS), lru());
    }

    private static Map<String, Page> lru() {
        return java.util.Collections.synchronizedMap(new LinkedHashMap<>(256, 0.75f, true) {
            @Override
            protected boolean removeEldestEntry(Map.Entry<String, Page> eldest) {
                return size() > MAX_ENTRIES;
            }
        });
    }

    public String etag(String key) {
        return "W/\"" + Long.toHexString(generation.get().number()) + "-" + Integer.toHexString(key.hashCode()) + "\"";
    }

    public Instant lastModified() {
        return generation.get().since();
    }

    public Page get(String key) {
        return generation.get().pages().get(key);
    }

    public void put(String key, byte[] html, String contentType) {
        generation.get().pages().put(key, new Page(html, gzip(html), contentType));
    }

    @TransactionalEventListener(phase = TransactionPhase.AFTER_COMMIT, fallbackExecution = true)
    public void onTranslationChanged(TranslationChanged event) {
        invalidate();
    }

    public void invalidate() {
        generation.updateAndGet(g -> fresh(Math.max(g.number() + 1, clock.millis())));
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
