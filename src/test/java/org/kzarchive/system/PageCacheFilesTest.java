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

    @Test
    void aFloodOfDistinctAddressesKeepsABoundedNumberOfFilesOnDisk() throws Exception {
        var cache = new PageCache(Clock.systemUTC(), new ArchiveProperties(dataDir, dataDir.resolve("content")));
        byte[] html = "<p>page</p>".getBytes(StandardCharsets.UTF_8);
        for (int i = 0; i < 2_500; i++) {
            cache.put("http://localhost/search?q=" + i, html, "text/html", Map.of());
        }
        assertThat(filesOnDisk()).isEqualTo(2 * 2_000);
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
        assertThat(filesOnDisk()).isLessThanOrEqualTo(2 * 32).isGreaterThanOrEqualTo(2 * 28);
    }

    @Test
    void aPageCachedAgainUnderTheSameAddressKeepsItsFiles() throws Exception {
        var cache = new PageCache(Clock.systemUTC(), new ArchiveProperties(dataDir, dataDir.resolve("content")));
        cache.put("http://localhost/", "<p>one</p>".getBytes(StandardCharsets.UTF_8), "text/html", Map.of());
        cache.put("http://localhost/", "<p>two</p>".getBytes(StandardCharsets.UTF_8), "text/html", Map.of());
        assertThat(cache.get("http://localhost/").plainFile()).hasContent("<p>two</p>");
        assertThat(filesOnDisk()).isEqualTo(2);
    }

    @Test
    void anInvalidationDropsTheCachedPagesAndTheirFiles() throws Exception {
        var cache = new PageCache(Clock.systemUTC(), new ArchiveProperties(dataDir, dataDir.resolve("content")));
        cache.put("http://localhost/", "<p>home</p>".getBytes(StandardCharsets.UTF_8), "text/html", Map.of());
        cache.invalidate();
        cache.invalidate();
        assertThat(cache.get("http://localhost/")).isNull();
        assertThat(filesOnDisk()).isZero();
    }
}
