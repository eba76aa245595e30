package org.kzarchive.search;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;
import java.util.stream.Stream;
import org.apache.lucene.index.IndexWriter;
import org.apache.lucene.index.IndexWriterConfig;
import org.apache.lucene.store.FSDirectory;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Start-up, rebuild and updates of the index on disk. */
class SearchIndexTest {

    @TempDir
    Path dataDir;

    Path indexDir;
    SearchIndex index;

    @BeforeEach
    void locateIndex() {
        indexDir = dataDir.resolve("index");
    }

    @AfterEach
    void closeIndex() {
        if (index != null) {
            index.close();
        }
    }

    IndexStartup open(PassageSource source) {
        index = new SearchIndex(indexDir);
        return index.openOrRebuild(source);
    }

    void closeAndForget() {
        index.close();
        index = null;
    }

    long hits(String q) {
        return new PassageSearch(index).search(SearchRequest.of(q)).totalHits();
    }

    static final PassageSource ARCHIVE = ArchivePassages.source(ArchivePassages.all());

    /** A database that must not be read: proves the existing index was reused. */
    static final PassageSource UNTOUCHABLE = new PassageSource() {
        @Override
        public void forEachPublished(Consumer<Passage> sink) {
            throw new AssertionError("the index should have been reused, not rebuilt");
        }

        @Override
        public List<Passage> passagesOf(long translationId) {
            throw new AssertionError("not expected");
        }
    };

    @Test
    void buildsTheIndexWhenThereIsNone() {
        IndexStartup startup = open(ARCHIVE);

        assertThat(startup.rebuilt()).isTrue();
        assertThat(startup.rebuildReason()).contains("no index directory");
        assertThat(startup.passages()).isEqualTo(ArchivePassages.all().size());
        assertThat(hits("Zhanaozen")).isEqualTo(1);
    }

    @Test
    void reusesAHealthyIndexWithoutReadingTheDatabase() throws IOException {
        open(ARCHIVE);
        closeAndForget();

        IndexStartup startup = open(UNTOUCHABLE);

        assertThat(startup.rebuilt()).isFalse();
        assertThat(index.passageCount()).isEqualTo(ArchivePassages.all().size());
        assertThat(hits("Zhanaozen")).isEqualTo(1);
    }

    @Test
    void rebuildsWhenTheDirectoryWasDeleted() throws IOException {
        open(ARCHIVE);
        closeAndForget();
        deleteRecursively(indexDir);

        IndexStartup startup = open(ARCHIVE);

        assertThat(startup.rebuilt()).isTrue();
        assertThat(hits("Zhanaozen")).isEqualTo(1);
    }

    @Test
    void rebuildsWhenTheDirectoryIsEmpty() throws IOException {
        Files.createDirectories(indexDir);

        IndexStartup startup = open(ARCHIVE);

        assertThat(startup.rebuilt()).isTrue();
        assertThat(startup.rebuildReason()).contains("holds no index");
    }

    @Test
    void rebuildsFromTheDatabaseAfterAWriteWasInterrupted() throws IOException {
        open(ArchivePassages.source(ArchivePassages.italian()));
        closeAndForget();
        // As if the process died between the database commit and the index commit.
        Files.writeString(indexDir.resolve(WriteInProgressMarker.FILE_NAME), "replace translation 2");

        IndexStartup startup = open(ARCHIVE);

        assertThat(startup.rebuilt()).isTrue();
        assertThat(startup.rebuildReason()).contains("did not finish");
        assertThat(hits("resignation")).isEqualTo(1);
        assertThat(indexDir.resolve(WriteInProgressMarker.FILE_NAME)).doesNotExist();
    }

    @Test
    void rebuildsWhenTheIndexWasWrittenWithAnOlderVersion() throws IOException {
        open(ArchivePassages.source(ArchivePassages.italian()));
        closeAndForget();
        recordIndexVersion(SearchIndex.INDEX_VERSION - 1);

        IndexStartup startup = open(ARCHIVE);

        assertThat(startup.rebuilt()).isTrue();
        assertThat(startup.rebuildReason()).contains("version " + (SearchIndex.INDEX_VERSION - 1));
        assertThat(hits("resignation")).isEqualTo(1);
        closeAndForget();
        assertThat(open(UNTOUCHABLE).rebuilt()).as("the rebuilt index records the current version").isFalse();
    }

    @Test
    void rebuildsWhenTheIndexIsCorrupt() throws IOException {
        open(ARCHIVE);
        closeAndForget();
        try (Stream<Path> files = Files.list(indexDir)) {
            for (Path file : files.filter(f -> f.getFileName().toString().startsWith("segments")).toList()) {
                Files.write(file, new byte[] {1, 2, 3, 4, 5, 6, 7, 8});
            }
        }

        IndexStartup startup = open(ARCHIVE);

        assertThat(startup.rebuilt()).isTrue();
        assertThat(startup.rebuildReason()).contains("cannot be read");
        assertThat(hits("Zhanaozen")).isEqualTo(1);
    }

    @Test
    void leavesFilesThatAreNotLucenesAlone() throws IOException {
        Files.createDirectories(indexDir);
        Path stranger = Files.writeString(indexDir.resolve("notes.txt"), "not an index file");

        open(ARCHIVE);

        assertThat(stranger).hasContent("not an index file");
    }

    @Test
    void replacedTranslationIsSearchableAsSoonAsTheCallReturns() {
        open(ARCHIVE);
        List<Passage> edited = new ArrayList<>(ArchivePassages.italian().subList(0, 3));
        edited.add(ArchivePassages.it("nuovo-1", PassageKind.ANALYSIS, "Aggiunte",
                "Una frase aggiunta dall'editore che nomina Semey e Taraz."));

        index.replaceTranslation(ArchivePassages.ITALIAN, edited);

        assertThat(hits("Semey")).isEqualTo(1);
        assertThat(hits("Zhanaozen")).as("passage no longer in the translation").isZero();
        assertThat(hits("resignation")).as("other translations untouched").isEqualTo(1);
        assertThat(indexDir.resolve(WriteInProgressMarker.FILE_NAME)).doesNotExist();
    }

    @Test
    void replacedTranslationSurvivesARestart() throws IOException {
        open(ARCHIVE);
        index.replaceTranslation(ArchivePassages.ITALIAN, List.of(ArchivePassages.it("nuovo-1", PassageKind.ANALYSIS,
                null, "Soltanto Semey.")));
        closeAndForget();

        assertThat(open(UNTOUCHABLE).rebuilt()).isFalse();
        assertThat(hits("Semey")).isEqualTo(1);
        assertThat(hits("Zhanaozen")).isZero();
    }

    @Test
    void removedTranslationIsNoLongerFound() {
        open(ARCHIVE);

        index.removeTranslation(ArchivePassages.ENGLISH);

        assertThat(hits("resignation")).isZero();
        assertThat(hits("manifestanti")).isPositive();
    }

    @Test
    void rebuildReplacesEverything() throws IOException {
        open(ARCHIVE);

        index.rebuild(ArchivePassages.source(ArchivePassages.russian()));

        assertThat(index.passageCount()).isEqualTo(ArchivePassages.russian().size());
        assertThat(hits("Zhanaozen")).isZero();
    }

    @Test
    void failingDatabaseDuringRebuildLeavesTheIndexServing() throws IOException {
        open(ARCHIVE);
        PassageSource failing = new PassageSource() {
            @Override
            public void forEachPublished(Consumer<Passage> sink) {
                sink.accept(ArchivePassages.russian().getFirst());
                throw new IllegalStateException("connection lost");
            }

            @Override
            public List<Passage> passagesOf(long translationId) {
                return List.of();
            }
        };

        assertThatThrownBy(() -> index.rebuild(failing)).hasMessage("connection lost");

        assertThat(index.passageCount()).isEqualTo(ArchivePassages.all().size());
        assertThat(indexDir.resolve(WriteInProgressMarker.FILE_NAME)).doesNotExist();
    }

    @Test
    void startUpCanBeRetriedWhenTheDatabaseFailedDuringTheFirstBuild() {
        index = new SearchIndex(indexDir);
        PassageSource down = new PassageSource() {
            @Override
            public void forEachPublished(Consumer<Passage> sink) {
                throw new IllegalStateException("database not reachable");
            }

            @Override
            public List<Passage> passagesOf(long translationId) {
                return List.of();
            }
        };
        assertThatThrownBy(() -> index.openOrRebuild(down)).hasMessage("database not reachable");

        IndexStartup retry = index.openOrRebuild(ARCHIVE);

        assertThat(retry.rebuilt()).isTrue();
        assertThat(hits("Zhanaozen")).isEqualTo(1);
    }

    @Test
    void refusesPassagesOfAnotherTranslation() {
        open(ARCHIVE);

        assertThatThrownBy(() -> index.replaceTranslation(ArchivePassages.ITALIAN, ArchivePassages.english()))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("belongs to translation 2");
    }

    @Test
    void searchBeforeOpeningIsAPoliteNoticeNotAnError() {
        index = new SearchIndex(indexDir);

        SearchResults results = new PassageSearch(index).search(SearchRequest.of("Almaty"));

        assertThat(results.notices()).contains(QueryNotice.SEARCH_UNAVAILABLE);
        assertThatThrownBy(() -> index.removeTranslation(1)).isInstanceOf(IllegalStateException.class);
    }

    @Test
    void closingTwiceIsHarmless() {
        open(ARCHIVE);
        index.close();
        index.close();
    }

    @Test
    void searchesKeepWorkingWhileTranslationsAreReplaced() throws Exception {
        open(ARCHIVE);
        PassageSearch search = new PassageSearch(index);
        List<Throwable> failures = java.util.Collections.synchronizedList(new ArrayList<>());
        Thread reader = Thread.ofPlatform().start(() -> {
            for (int i = 0; i < 200; i++) {
                SearchResults results = search.search(SearchRequest.of("Almaty OR manifestanti"));
                if (results.notices().contains(QueryNotice.SEARCH_UNAVAILABLE) || results.totalHits() == 0) {
                    failures.add(new AssertionError("search failed during writes: " + results));
                }
            }
        });
        for (int i = 0; i < 20; i++) {
            index.replaceTranslation(ArchivePassages.ITALIAN, ArchivePassages.italian());
        }
        reader.join();

        assertThat(failures).isEmpty();
        assertThat(index.passageCount()).isEqualTo(ArchivePassages.all().size());
    }

    @Test
    void reusesTheIndexWhenTheDatabaseIsInTheStateItMirrors() {
        index = new SearchIndex(indexDir);
        index.openOrRebuild(ARCHIVE, "state-1");
        closeAndForget();

        index = new SearchIndex(indexDir);
        IndexStartup startup = index.openOrRebuild(UNTOUCHABLE, "state-1");

        assertThat(startup.rebuilt()).isFalse();
        assertThat(index.databaseFingerprint()).contains("state-1");
    }

    @Test
    void rebuildsWhenTheDatabaseChangedWhileTheIndexWasNotListening() {
        index = new SearchIndex(indexDir);
        index.openOrRebuild(ArchivePassages.source(ArchivePassages.italian()), "state-1");
        closeAndForget();

        index = new SearchIndex(indexDir);
        IndexStartup startup = index.openOrRebuild(ARCHIVE, "state-2");

        assertThat(startup.rebuilt()).isTrue();
        assertThat(startup.rebuildReason()).contains("the database changed while the index was not listening");
        assertThat(hits("resignation")).isEqualTo(1);
        assertThat(index.databaseFingerprint()).contains("state-2");
    }

    @Test
    void everyWriteRecordsTheDatabaseStateItBringsTheIndexTo() {
        index = new SearchIndex(indexDir);
        index.openOrRebuild(ARCHIVE, "state-1");
        index.replaceTranslation(ArchivePassages.ITALIAN, ArchivePassages.italian(), "state-2");
        assertThat(index.databaseFingerprint()).contains("state-2");
        index.removeTranslation(ArchivePassages.ENGLISH, "state-3");
        assertThat(index.databaseFingerprint()).contains("state-3");
        closeAndForget();

        index = new SearchIndex(indexDir);
        assertThat(index.openOrRebuild(UNTOUCHABLE, "state-3").rebuilt()).isFalse();
        assertThat(hits("resignation")).isZero();
    }

    @Test
    void aWriteThatDoesNotKnowTheDatabaseStateMakesTheNextStartUpRebuild() {
        index = new SearchIndex(indexDir);
        index.openOrRebuild(ARCHIVE, "state-1");
        index.removeTranslation(ArchivePassages.ENGLISH);
        assertThat(index.databaseFingerprint()).isEmpty();
        closeAndForget();

        index = new SearchIndex(indexDir);
        IndexStartup startup = index.openOrRebuild(ARCHIVE, "state-1");

        assertThat(startup.rebuilt()).isTrue();
        assertThat(startup.rebuildReason()).contains("unknown state");
    }

    @Test
    void withoutAFingerprintTheDatabaseStateIsNotCompared() {
        index = new SearchIndex(indexDir);
        index.openOrRebuild(ARCHIVE, "state-1");
        closeAndForget();

        assertThat(open(UNTOUCHABLE).rebuilt()).isFalse();
    }

    private void recordIndexVersion(int version) throws IOException {
        try (FSDirectory directory = FSDirectory.open(indexDir);
                IndexWriter writer = new IndexWriter(directory,
                        new IndexWriterConfig().setOpenMode(IndexWriterConfig.OpenMode.APPEND))) {
            writer.setLiveCommitData(Map.of(SearchIndex.VERSION_KEY, String.valueOf(version)).entrySet());
            writer.commit();
        }
    }

    private static void deleteRecursively(Path dir) throws IOException {
        try (Stream<Path> paths = Files.walk(dir)) {
            for (Path path : paths.sorted(Comparator.reverseOrder()).toList()) {
                Files.delete(path);
            }
        }
    }
}
