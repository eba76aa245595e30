package org.kzarchive.system;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import org.springframework.mock.env.MockEnvironment;

/**
 * Pages kept across a restart: taken back by the same build for the same address only, as current
 * pages when the archive has not changed since they were rendered, else as previous versions.
 */
class PageSnapshotTest {

    private static final String BUILD = "0.1.0@2026-12-02T10:00:00Z";
    private static final String SITE = "https://archivio.example.org";

    @TempDir
    Path dataDir;

    /** What the database holds, as {@link ArchiveFingerprint} would digest it; empty when it cannot be read. */
    private String archive = "archive as published on Monday";

    private final ArchiveFingerprint fingerprint = new ArchiveFingerprint(null) {
        @Override
        public Optional<String> now() {
            return Optional.ofNullable(archive);
        }
    };

    // each start a minute after the last, as a restart takes seconds: generations are numbered from the clock
    private Duration uptime = Duration.ZERO;

    private PageCache cache() {
        uptime = uptime.plusMinutes(1);
        return new PageCache(Clock.offset(Clock.systemUTC(), uptime), new ArchiveProperties(dataDir, dataDir.resolve("content")));
    }

    private PageSnapshot snapshot(PageCache cache, String build, String site) {
        return new PageSnapshot(cache, new ArchiveProperties(dataDir, dataDir.resolve("content")), new ApplicationBuild(build),
                new PublicAddress(new MockEnvironment().withProperty("archive.public-url", site)), fingerprint);
    }

    /** A started application: the snapshot takes what the last stop kept, before any page is rendered. */
    private PageCache started(String build, String site) {
        var cache = cache();
        snapshot(cache, build, site).afterSingletonsInstantiated();
        return cache;
    }

    private Path file() {
        return dataDir.resolve("page-snapshot").resolve("pages.bin");
    }

    private static byte[] html(String text) {
        return text.getBytes(StandardCharsets.UTF_8);
    }

    /**
     * A run that rendered a page, then saw the archive change and rendered two pages and a search page
     * again, and stopped: the notes page is still the previous version.
     */
    private PageCache aRunThatStopped() {
        var before = cache();
        var snapshot = snapshot(before, BUILD, SITE);
        snapshot.afterSingletonsInstantiated();
        before.put("/it/work/notes", html("<p>le note</p>"), "text/html;charset=UTF-8", Map.of());
        archive = "archive as published on Tuesday";
        before.invalidate();
        before.put("/it/work", html("<p>la prima</p>"), "text/html;charset=UTF-8",
                Map.of("Content-Language", List.of("it"), "X-Frame-Options", List.of("DENY")));
        before.put("/en/work/interview", html("<p>the interview</p>"), "text/html;charset=UTF-8", Map.of());
        before.put("/search?q=Almaty it", html("<p>results</p>"), "text/html;charset=UTF-8", Map.of());
        snapshot.destroy();
        return before;
    }

    @Test
    void whenTheArchiveIsAsItWasThePagesRenderedForItAreCurrentAtOnce() {
        PageCache.Page kept = aRunThatStopped().get("/it/work");
        assertThat(file()).exists();

        var after = started(BUILD, SITE);
        PageCache.Page current = after.get("/it/work");
        assertThat(current).as("current: nothing to render again").isNotNull();
        assertThat(current.plain()).isEqualTo(kept.plain());
        assertThat(current.gzipped()).isEqualTo(kept.gzipped());
        assertThat(current.contentType()).isEqualTo(kept.contentType());
        assertThat(current.headers()).isEqualTo(kept.headers());
        assertThat(after.get("/en/work/interview")).isNotNull();
        // what was a previous version at the stop stays one, to be rendered again; search results are not kept
        assertThat(after.previousVersionKeys(after.generation())).containsExactly("/it/work/notes");
        assertThat(after.get("/search?q=Almaty it")).isNull();
        assertThat(file()).as("taken once").doesNotExist();
    }

    @Test
    void whenTheArchiveChangedWhileStoppedThePagesArePreviousVersionsToBeRenderedAgain() {
        PageCache.Page kept = aRunThatStopped().get("/it/work");
        archive = "archive as changed by another instance";

        var after = started(BUILD, SITE);
        assertThat(after.get("/it/work")).as("not current").isNull();
        PageCache.Page previous = after.previousVersion(after.generation(), "/it/work");
        assertThat(previous.plain()).isEqualTo(kept.plain());
        assertThat(after.etag(previous.generation(), "/it/work")).as("its own ETag, of the run that rendered it")
                .isEqualTo(after.etag(kept.generation(), "/it/work"));
        assertThat(after.previousVersionKeys(after.generation())).containsExactlyInAnyOrder("/it/work", "/en/work/interview", "/it/work/notes");
    }

    @Test
    void whenTheDatabaseCannotBeReadNothingIsTakenAsCurrent() {
        aRunThatStopped();
        archive = null;
        var after = started(BUILD, SITE);
        assertThat(after.get("/it/work")).isNull();
        assertThat(after.previousVersionsInMemory()).isEqualTo(3);
    }

    @Test
    void anotherBuildOrAnotherAddressTakesNothing() {
        aRunThatStopped();
        assertThat(started("0.1.0@2026-12-03T10:00:00Z", SITE).previousVersionsInMemory()).isZero();
        aRunThatStopped();
        PageCache movedSite = started(BUILD, "https://archive.example.net");
        assertThat(movedSite.previousVersionsInMemory()).isZero();
        assertThat(movedSite.get("/it/work")).isNull();
    }

    @Test
    void aDamagedFileIsIgnoredAndTheStartGoesOn() throws Exception {
        aRunThatStopped();
        byte[] whole = Files.readAllBytes(file());
        for (byte[] damaged : List.of(java.util.Arrays.copyOf(whole, whole.length / 2), html("not a snapshot"), new byte[0])) {
            Files.write(file(), damaged);
            var after = started(BUILD, SITE);
            assertThat(after.previousVersionsInMemory() + after.pagesInMemory()).isZero();
        }
        // a length saying 2 GB: refused before anything that large is allocated
        var out = new java.io.ByteArrayOutputStream();
        try (var data = new java.io.DataOutputStream(out)) {
            data.writeInt(PageSnapshot.FORMAT);
            data.writeUTF(BUILD + "\n" + SITE);
            data.writeUTF(archive);
            data.writeInt(1);
            data.writeUTF("/it/work");
            data.writeBoolean(true);
            data.writeUTF("text/html");
            data.writeLong(1);
            data.writeInt(0);
            data.writeInt(Integer.MAX_VALUE);
        }
        Files.write(file(), out.toByteArray());
        assertThat(snapshot(cache(), BUILD, SITE).read().size()).isZero();
    }

    @Test
    void aStopWithNoPagesWritesNothing() {
        snapshot(cache(), BUILD, SITE).destroy();
        assertThat(file()).doesNotExist();
    }
}
