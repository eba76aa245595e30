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

class PageCachePreviousVersionsTest {

    private static final long BUDGET = 32L * 1024 * 1024;

    @TempDir
    Path dataDir;

    private PageCache cache() {
        return new PageCache(Clock.systemUTC(), new ArchiveProperties(dataDir, dataDir.resolve("content")));
    }

    private long filesOnDisk() throws Exception {
        try (Stream<Path> files = Files.walk(dataDir.resolve("page-cache"))) {
            return files.filter(Files::isRegularFile).count();
        }
    }

    @Test
    void aPageRenderedBeforeTwoChangesIsStillKeptAsAPreviousVersionAndServedFromMemory() throws Exception {
        var cache = cache();
        long renderedIn = cache.generation().number();
        // large enough to be sent as a file while current
        byte[] html = ("<p>before</p>" + "\n".repeat(PageCache.SENDFILE_MIN_BYTES)).getBytes(StandardCharsets.UTF_8);
        cache.put("/it/work", html, "text/html", Map.of());
        assertThat(filesOnDisk()).isEqualTo(1);
        cache.invalidate();
        cache.invalidate();

        assertThat(cache.get("/it/work")).as("not current").isNull();
        var previous = cache.previousVersion(cache.generation(), "/it/work");
        assertThat(previous).isNotNull();
        assertThat(previous.plain()).isEqualTo(html);
        assertThat(previous.generation()).isEqualTo(renderedIn);
        assertThat(previous.plainFile()).as("its generation's files are gone").isNull();
        assertThat(filesOnDisk()).isZero();
        assertThat(cache.previousVersionKeys(cache.generation())).containsExactly("/it/work");
        assertThat(cache.pagesInMemory()).isZero();
        assertThat(cache.previousVersionsInMemory()).isEqualTo(1);
    }

    @Test
    void aPageRenderedAgainReplacesItsPreviousVersion() {
        var cache = cache();
        cache.put("/it/work", "<p>before</p>".getBytes(StandardCharsets.UTF_8), "text/html", Map.of());
        cache.invalidate();
        cache.put("/it/work", "<p>after</p>".getBytes(StandardCharsets.UTF_8), "text/html", Map.of());
        assertThat(cache.get("/it/work").plain()).isEqualTo("<p>after</p>".getBytes(StandardCharsets.UTF_8));
        assertThat(cache.previousVersion(cache.generation(), "/it/work")).isNull();
        assertThat(cache.previousVersionKeys(cache.generation())).isEmpty();
    }

    @Test
    void searchPagesAreNotKeptAsPreviousVersions() {
        var cache = cache();
        cache.put("/search?q=Almaty it", "<p>results</p>".getBytes(StandardCharsets.UTF_8), "text/html", Map.of());
        cache.put("/ it", "<p>home</p>".getBytes(StandardCharsets.UTF_8), "text/html", Map.of());
        cache.invalidate();
        assertThat(cache.previousVersion(cache.generation(), "/search?q=Almaty it")).isNull();
        assertThat(cache.previousVersionKeys(cache.generation())).containsExactly("/ it");
    }

    @Test
    void aRenderingThatKeepsNoPageDropsThePreviousVersion() {
        var cache = cache();
        cache.put("/it/withdrawn", "<p>withdrawn</p>".getBytes(StandardCharsets.UTF_8), "text/html", Map.of());
        cache.invalidate();
        var generation = cache.generation();
        var rendering = cache.rendering(generation, "/it/withdrawn");
        cache.rendered(generation, "/it/withdrawn", rendering, null); // a 404 now
        assertThat(cache.previousVersion(generation, "/it/withdrawn")).isNull();
    }

    @Test
    void previousVersionsStayWithinTheMemoryBudgetDroppingTheLeastRecentlyUsed() {
        var cache = cache();
        byte[] html = new byte[1024 * 1024]; // 1 MB, gzipped to a few KB
        for (int i = 0; i < 40; i++) {
            cache.put("/it/work-" + i, html, "text/html", Map.of());
        }
        cache.invalidate();
        assertThat(cache.bytesInMemory()).isLessThanOrEqualTo(BUDGET);
        assertThat(cache.previousVersionsInMemory()).isBetween(28, 32);

        for (int i = 0; i < 40; i++) {
            cache.put("/it/new-" + i, html, "text/html", Map.of());
            cache.previousVersion(cache.generation(), "/it/work-39"); // read often: stays
            assertThat(cache.bytesInMemory()).isLessThanOrEqualTo(BUDGET);
        }
        assertThat(cache.previousVersion(cache.generation(), "/it/work-39")).isNotNull();
        assertThat(cache.previousVersion(cache.generation(), "/it/work-38")).isNull();
        assertThat(cache.previousVersionsInMemory()).isEqualTo(1);
        assertThat(cache.previousVersionKeys(cache.generation())).containsExactly("/it/work-39");
    }

    @Test
    void theKeysToRenderAgainComeMostRecentlyUsedFirst() {
        var cache = cache();
        for (String key : new String[] {"/it/a", "/it/b", "/it/c"}) {
            cache.put(key, "<p>page</p>".getBytes(StandardCharsets.UTF_8), "text/html", Map.of());
        }
        cache.get("/it/a");
        cache.invalidate();
        assertThat(cache.previousVersionKeys(cache.generation())).containsExactly("/it/a", "/it/c", "/it/b");
    }
}
