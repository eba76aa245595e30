package org.kzarchive.search;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The index's files are deleted or damaged while it is open: searches go on, the index is recreated. */
class DamagedIndexTest {

    static final PassageSource ARCHIVE = ArchivePassages.source(ArchivePassages.all());

    @TempDir
    Path indexDir;

    SearchIndex index;

    @AfterEach
    void close() {
        if (index != null) {
            index.close();
        }
    }

    private long hits(String q) {
        return new PassageSearch(index).search(SearchRequest.of(q)).totalHits();
    }

    @Test
    void aDeletedIndexDirectoryIsReportedAndRecreatedWhileSearchesKeepAnswering() throws Exception {
        index = new SearchIndex(indexDir);
        index.openOrRebuild(ARCHIVE, "fingerprint");
        long before = hits("Almaty");
        assertThat(before).isPositive();
        assertThat(index.damage()).isEmpty();

        deleteTree(indexDir);

        assertThat(index.damage()).hasValueSatisfying(reason -> assertThat(reason).contains("no longer exists"));
        assertThat(hits("Almaty")).as("the open snapshot still answers").isEqualTo(before);
        index.recreate(ARCHIVE, "fingerprint");
        assertThat(index.damage()).isEmpty();
        assertThat(hits("Almaty")).isEqualTo(before);
        assertThat(index.databaseFingerprint()).hasValue("fingerprint");
    }

    @Test
    void aDamagedIndexFileIsReported() throws Exception {
        index = new SearchIndex(indexDir);
        index.openOrRebuild(ARCHIVE, "fingerprint");
        try (Stream<Path> files = Files.list(indexDir)) {
            for (Path file : files.filter(f -> f.getFileName().toString().endsWith(".si")).toList()) {
                // a new file in its place: the open snapshot keeps the old one
                Files.delete(file);
                Files.write(file, new byte[] {1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11, 12, 13, 14, 15, 16, 17, 18});
            }
        }
        assertThat(index.damage()).isPresent();
        assertThat(hits("Almaty")).isPositive();
    }

    @Test
    void whileTheIndexIsRecreatedSearchesAnswerFromTheIndexAsItWasAndSaySo() throws Exception {
        index = new SearchIndex(indexDir);
        index.openOrRebuild(ARCHIVE, "fingerprint");
        long before = hits("Almaty");
        CountDownLatch reading = new CountDownLatch(1);
        CountDownLatch release = new CountDownLatch(1);
        PassageSource slow = new PassageSource() {
            @Override
            public void forEachPublished(java.util.function.Consumer<Passage> sink) {
                reading.countDown();
                try {
                    release.await(10, TimeUnit.SECONDS);
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                }
                ARCHIVE.forEachPublished(sink);
            }

            @Override
            public java.util.List<Passage> passagesOf(long translationId) {
                return ARCHIVE.passagesOf(translationId);
            }
        };
        var recreating = CompletableFuture.runAsync(() -> index.recreate(slow, "fingerprint"));
        assertThat(reading.await(10, TimeUnit.SECONDS)).isTrue();

        assertThat(new PassageSearch(index).indexRebuilding()).isTrue();
        assertThat(hits("Almaty")).isEqualTo(before);

        release.countDown();
        recreating.get(10, TimeUnit.SECONDS);
        assertThat(index.isRebuilding()).isFalse();
        assertThat(hits("Almaty")).isEqualTo(before);
    }

    static void deleteTree(Path root) throws Exception {
        try (Stream<Path> files = Files.walk(root)) {
            for (Path p : files.sorted(Comparator.reverseOrder()).toList()) {
                Files.delete(p);
            }
        }
    }
}
