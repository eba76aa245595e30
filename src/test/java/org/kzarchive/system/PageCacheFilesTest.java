package org.kzarchive.system;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.util.Map;
import java.util.stream.Stream;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class PageCacheFilesTest {

    @TempDir
    Path dataDir;

    private long filesOnDisk() throws Exception {
        try (Stream<Path> files = Files.walk(dataDir.resolve("page-cache"))) {
            return files.filter(Files::isRegularFile).count();
        }
    }

    /** a page large enough to be sent as a file: {@code html} followed by blank lines */
    private static byte[] page(String html) {
        return (html + "\n".repeat(PageCache.SENDFILE_MIN_BYTES)).getBytes(StandardCharsets.UTF_8);
    }

    @Test
    void aSmallPageIsSentFromMemoryAndALargeOneAlsoFromAFile() throws Exception {
        var cache = new PageCache(Clock.systemUTC(), new ArchiveProperties(dataDir, dataDir.resolve("content")));
        cache.put("/it/small", "<p>small</p>".getBytes(StandardCharsets.UTF_8), "text/html", Map.of());
        cache.put("/it/large", page("<p>large</p>"), "text/html", Map.of());
        assertThat(cache.get("/it/small").plainFile()).isNull();
        assertThat(cache.get("/it/small").gzippedFile()).isNull();
        assertThat(cache.get("/it/large").plainFile()).hasBinaryContent(page("<p>large</p>"));
        assertThat(cache.get("/it/large").gzippedFile()).as("a few hundred bytes gzipped").isNull();
        assertThat(filesOnDisk()).isEqualTo(1);
    }

    @Test
    void aFloodOfDistinctAddressesKeepsABoundedNumberOfFilesOnDisk() throws Exception {
        var cache = new PageCache(Clock.systemUTC(), new ArchiveProperties(dataDir, dataDir.resolve("content")));
        byte[] html = page("<p>page</p>");
        for (int i = 0; i < 2_500; i++) {
            cache.put("http://localhost/search?q=" + i, html, "text/html", Map.of());
        }
        // the pages within the 32 MB budget, plain only (gzipped they are small enough to be sent from memory)
        assertThat(filesOnDisk()).isEqualTo(cache.pagesInMemory()).isBetween(500L, 2_000L);
        assertThat(cache.get("http://localhost/search?q=2499").plainFile()).exists();
        assertThat(cache.get("http://localhost/search?q=0")).isNull();
    }

    @Test
    void largePagesAreKeptWithinAByteBudgetDroppingTheLeastRecentlyUsed() throws Exception {
        var cache = new PageCache(Clock.systemUTC(), new ArchiveProperties(dataDir, dataDir.resolve("content")));
        byte[] html = new byte[1024 * 1024]; // 1 MB, gzipped to a few KB
        for (int i = 0; i < 40; i++) {
            cache.put("http://localhost/search?q=" + i, html, "text/html", Map.of());
            cache.get("http://localhost/search?q=0"); // read often: stays
        }
        assertThat(cache.get("http://localhost/search?q=0")).isNotNull();
        assertThat(cache.get("http://localhost/search?q=39")).isNotNull();
        assertThat(cache.get("http://localhost/search?q=1")).isNull();
        assertThat(filesOnDisk()).as("plain files only: gzipped, zeros are small").isBetween(28L, 32L);
    }

    @Test
    void aPageCachedAgainUnderTheSameAddressKeepsItsFiles() throws Exception {
        var cache = new PageCache(Clock.systemUTC(), new ArchiveProperties(dataDir, dataDir.resolve("content")));
        cache.put("http://localhost/", page("<p>one</p>"), "text/html", Map.of());
        cache.put("http://localhost/", page("<p>two</p>"), "text/html", Map.of());
        assertThat(cache.get("http://localhost/").plainFile()).hasBinaryContent(page("<p>two</p>"));
        assertThat(filesOnDisk()).isEqualTo(1);
    }

    @Test
    void anInvalidationDropsTheCachedPagesAndTheirFiles() throws Exception {
        var cache = new PageCache(Clock.systemUTC(), new ArchiveProperties(dataDir, dataDir.resolve("content")));
        cache.put("http://localhost/", page("<p>home</p>"), "text/html", Map.of());
        assertThat(filesOnDisk()).isEqualTo(1);
        cache.invalidate();
        cache.invalidate();
        assertThat(cache.get("http://localhost/")).isNull();
        assertThat(filesOnDisk()).isZero();
    }
}
