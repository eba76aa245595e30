package org.kzarchive.system;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import org.springframework.mock.env.MockEnvironment;

/** Pages kept across a restart: taken back as previous versions by the same build for the same address only. */
class PageSnapshotTest {

    private static final String BUILD = "0.1.0@2026-12-02T10:00:00Z";
    private static final String SITE = "https://archivio.example.org";

    @TempDir
    Path dataDir;

    private PageCache cache() {
        return new PageCache(Clock.systemUTC(), new ArchiveProperties(dataDir, dataDir.resolve("content")));
    }

    private PageSnapshot snapshot(PageCache cache, String build, String site) {
        return new PageSnapshot(cache, new ArchiveProperties(dataDir, dataDir.resolve("content")), new ApplicationBuild(build),
                new PublicAddress(new MockEnvironment().withProperty("archive.public-url", site)));
    }

    private Path file() {
        return dataDir.resolve("page-snapshot").resolve("pages.bin");
    }

    /** A run that rendered two pages and a search page, then stopped. */
    private PageCache.Page aRunThatStopped() {
        var before = cache();
        before.put("/it/work", "<p>la prima</p>".getBytes(StandardCharsets.UTF_8), "text/html;charset=UTF-8",
                Map.of("Content-Language", List.of("it"), "X-Frame-Options", List.of("DENY")));
        before.put("/en/work/interview", "<p>the interview</p>".getBytes(StandardCharsets.UTF_8), "text/html;charset=UTF-8", Map.of());
        before.put("/search?q=Almaty it", "<p>results</p>".getBytes(StandardCharsets.UTF_8), "text/html;charset=UTF-8", Map.of());
        snapshot(before, BUILD, SITE).destroy();
        return before.get("/it/work");
    }

    @Test
    void theNextStartOfTheSameBuildTakesThePagesBackAsPreviousVersionsInTheirOrderOfUse() {
        PageCache.Page kept = aRunThatStopped();
        assertThat(file()).exists();

        var after = cache();
        snapshot(after, BUILD, SITE).afterSingletonsInstantiated();
        // to be rendered again, most recently used first; search results are not kept
        assertThat(after.previousVersionKeys(after.generation())).containsExactly("/en/work/interview", "/it/work");
        assertThat(after.get("/it/work")).as("not current: the database may have changed meanwhile").isNull();
        PageCache.Page previous = after.previousVersion(after.generation(), "/it/work");
        assertThat(previous.plain()).isEqualTo(kept.plain());
        assertThat(previous.gzipped()).isEqualTo(kept.gzipped());
        assertThat(previous.contentType()).isEqualTo(kept.contentType());
        assertThat(previous.headers()).isEqualTo(kept.headers());
        assertThat(after.etag(previous.generation(), "/it/work")).as("its own ETag, of the run that rendered it")
                .isEqualTo(after.etag(kept.generation(), "/it/work"));
        assertThat(file()).as("taken once").doesNotExist();
    }

    @Test
    void anotherBuildOrAnotherAddressTakesNothing() {
        aRunThatStopped();
        var newBuild = cache();
        snapshot(newBuild, "0.1.0@2026-12-03T10:00:00Z", SITE).afterSingletonsInstantiated();
        assertThat(newBuild.previousVersionsInMemory()).isZero();

        aRunThatStopped();
        var movedSite = cache();
        snapshot(movedSite, BUILD, "https://archive.example.net").afterSingletonsInstantiated();
        assertThat(movedSite.previousVersionsInMemory()).isZero();
    }

    @Test
    void aDamagedFileIsIgnoredAndTheStartGoesOn() throws Exception {
        aRunThatStopped();
        byte[] whole = Files.readAllBytes(file());
        for (byte[] damaged : List.of(java.util.Arrays.copyOf(whole, whole.length / 2), "not a snapshot".getBytes(StandardCharsets.UTF_8),
                new byte[0])) {
            Files.write(file(), damaged);
            var after = cache();
            snapshot(after, BUILD, SITE).afterSingletonsInstantiated();
            assertThat(after.previousVersionsInMemory()).isZero();
        }
        // a length saying 2 GB: refused before anything that large is allocated
        var out = new java.io.ByteArrayOutputStream();
        try (var data = new java.io.DataOutputStream(out)) {
            data.writeInt(PageSnapshot.FORMAT);
            data.writeUTF(BUILD + "\n" + SITE);
            data.writeInt(1);
            data.writeUTF("/it/work");
            data.writeUTF("text/html");
            data.writeLong(1);
            data.writeInt(0);
            data.writeInt(Integer.MAX_VALUE);
        }
        Files.write(file(), out.toByteArray());
        assertThat(snapshot(cache(), BUILD, SITE).read()).isEmpty();
    }

    @Test
    void aStopWithNoPagesWritesNothing() {
        snapshot(cache(), BUILD, SITE).destroy();
        assertThat(file()).doesNotExist();
    }
}
