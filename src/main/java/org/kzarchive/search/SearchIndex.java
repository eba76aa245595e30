package org.kzarchive.search;

import java.io.Closeable;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.locks.ReentrantLock;
import org.apache.lucene.codecs.CodecUtil;
import org.apache.lucene.document.Document;
import org.apache.lucene.index.IndexFileNames;
import org.apache.lucene.index.IndexWriter;
import org.apache.lucene.index.IndexWriterConfig;
import org.apache.lucene.index.IndexWriterConfig.OpenMode;
import org.apache.lucene.index.SegmentInfos;
import org.apache.lucene.search.IndexSearcher;
import org.apache.lucene.search.SearcherManager;
import org.apache.lucene.store.FSDirectory;
import org.apache.lucene.store.IOContext;
import org.apache.lucene.store.IndexInput;
import org.apache.lucene.util.IOUtils;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The search index of all published passages, and the only owner of its {@link IndexWriter}.
 *
 * <p>The index is a cache of the database: call the write methods after the database transaction
 * has committed. Every write commits before it returns and refreshes the searchers, so a published
 * change is searchable as soon as the call returns. Writes are serialised; searches run in
 * parallel on {@link SearcherManager} snapshots and never wait for a write.
 */
public final class SearchIndex implements Closeable {

    /** Bump whenever fields or analysis change: an index with another version is rebuilt. */
    public static final int INDEX_VERSION = 2;

    static final String VERSION_KEY = "kzarchive.index-version";
    static final String FINGERPRINT_KEY = "kzarchive.database-fingerprint";

    private static final Logger log = LoggerFactory.getLogger(SearchIndex.class);
    private static final double RAM_BUFFER_MB = 64;

    private final Path path;
    private final LanguageAnalyzers analyzers = new LanguageAnalyzers();
    private final WriteInProgressMarker marker;
    private final ReentrantLock writeLock = new ReentrantLock();

    private FSDirectory directory;
    private IndexWriter writer;
    private volatile SearcherManager searchers;
    private volatile String committedFingerprint;
    private boolean closed;
    private volatile boolean rebuilding;

    /** @param path the index directory, e.g. {@code <archive.data-dir>/index}; created if missing */
    public SearchIndex(Path path) {
        this.path = path.toAbsolutePath();
        this.marker = new WriteInProgressMarker(this.path);
    }

    /**
     * Opens the index, rebuilding it from the source when it is missing, unreadable, of another
     * {@link #INDEX_VERSION}, or was left behind by a write that did not finish.
     */
    public IndexStartup openOrRebuild(PassageSource source) {
        return openOrRebuild(source, null);
    }

    /**
     * Opens the index like {@link #openOrRebuild(PassageSource)}, and also rebuilds it when it
     * mirrors another state of the database than {@code databaseFingerprint}: the database changed
     * while the index was not listening (a content import at start-up, a restored backup).
     *
     * @param databaseFingerprint identifies the database's current state, or null not to compare;
     *                            recorded in the index when it is rebuilt
     */
    public IndexStartup openOrRebuild(PassageSource source, String databaseFingerprint) {
        writeLock.lock();
        try {
            if (searchers != null || closed) {
                throw new IllegalStateException("The search index at " + path + " is already open or was closed");
            }
            Optional<String> reasonToRebuild = IndexStartupCheck.reasonToRebuild(path, marker, databaseFingerprint);
            Files.createDirectories(path);
            if (reasonToRebuild.isPresent()) {
                log.info("Rebuilding the search index at {} because {}", path, reasonToRebuild.get());
                deleteIndexFiles();
            }
            directory = FSDirectory.open(path);
            OpenMode mode = reasonToRebuild.isPresent() ? OpenMode.CREATE : OpenMode.APPEND;
            writer = new IndexWriter(directory, writerConfig(mode));
            committedFingerprint = recordedFingerprint(writer);
            writer.setLiveCommitData(commitData(databaseFingerprint).entrySet());
            searchers = new SearcherManager(writer, null);
            if (reasonToRebuild.isPresent()) {
                rebuildLocked(source, databaseFingerprint);
            }
            IndexStartup startup = new IndexStartup(
                    reasonToRebuild.isPresent(), reasonToRebuild.orElse(null), passageCount());
            log.info("{}", startup);
            return startup;
        } catch (IOException e) {
            closeQuietly();
            throw new UncheckedIOException("Cannot open the search index at " + path + ": " + e.getMessage(), e);
        } catch (RuntimeException e) {
            closeQuietly(); // e.g. the database failed during the rebuild: leave it possible to try again
            throw e;
        } finally {
            writeLock.unlock();
        }
    }

    /** Replaces everything in the index by the published passages of the source, in one commit. */
    public void rebuild(PassageSource source) {
        rebuild(source, null);
    }

    /**
     * Rebuilds like {@link #rebuild(PassageSource)} and records the database state it mirrors.
     *
     * @param databaseFingerprint the database's state, read no later than the passages; null if unknown
     */
    public void rebuild(PassageSource source, String databaseFingerprint) {
        writeLock.lock();
        try {
            requireOpen();
            rebuildLocked(source, databaseFingerprint);
        } catch (IOException e) {
            throw new UncheckedIOException("Rebuilding the search index failed: " + e.getMessage(), e);
        } finally {
            writeLock.unlock();
        }
    }

    /**
     * Builds the index anew from the source, for an index whose files were deleted or damaged while
     * it was open. Searches keep using the snapshot they had (its files stay readable while open)
     * until the new index is committed; {@link #isRebuilding()} says so meanwhile.
     *
     * @param databaseFingerprint the database's state, read no later than the passages
     */
    public void recreate(PassageSource source, String databaseFingerprint) {
        writeLock.lock();
        rebuilding = true;
        try {
            requireOpen();
            List<Document> documents = readAll(source);
            SearcherManager previous = searchers;
            try {
                writer.rollback(); // lets go of the write lock, which a new writer takes
            } catch (IOException | RuntimeException e) {
                log.warn("Closing the damaged search index writer: {}", e.toString());
            }
            IOUtils.closeWhileHandlingException(directory);
            Files.createDirectories(path);
            deleteIndexFiles();
            directory = FSDirectory.open(path);
            writer = new IndexWriter(directory, writerConfig(OpenMode.CREATE));
            marker.set("recreate");
            writer.addDocuments(documents);
            writer.setLiveCommitData(commitData(databaseFingerprint).entrySet());
            writer.commit();
            marker.clear();
            searchers = new SearcherManager(writer, null);
            committedFingerprint = databaseFingerprint;
            IOUtils.closeWhileHandlingException(previous);
            log.info("Search index recreated at {}: {} passages", path, documents.size());
        } catch (IOException e) {
            throw new UncheckedIOException("Recreating the search index at " + path + " failed: " + e.getMessage(), e);
        } finally {
            rebuilding = false;
            writeLock.unlock();
        }
    }

    /** Whether {@link #recreate} is running: searches answer from the index as it was before. */
    public boolean isRebuilding() {
        return rebuilding;
    }

    /**
     * Why the index on disk can no longer be trusted, or empty when it looks whole: its directory
     * was deleted, or a file of its last commit is missing or does not end as Lucene writes files.
     * Cheap (reads each file's last bytes), so it can run every few seconds.
     */
    public Optional<String> damage() {
        writeLock.lock();
        try {
            if (searchers == null) {
                return Optional.empty();
            }
            if (!Files.isDirectory(path)) {
                return Optional.of("its directory " + path + " no longer exists");
            }
            SegmentInfos commit = SegmentInfos.readLatestCommit(directory);
            for (String file : commit.files(true)) {
                try (IndexInput in = directory.openInput(file, IOContext.READONCE)) {
                    CodecUtil.retrieveChecksum(in);
                }
            }
            return Optional.empty();
        } catch (IOException | RuntimeException e) {
            return Optional.of("its files cannot be read (" + e + ")");
        } finally {
            writeLock.unlock();
        }
    }

    /** Makes the index hold exactly these passages for the translation (after it was published or edited). */
    public void replaceTranslation(long translationId, List<Passage> passages) {
        replaceTranslation(translationId, passages, null);
    }

    /**
     * Replaces the translation's passages and records, in the same commit, the database state the
     * index mirrors afterwards. A write without a fingerprint records none, so the next start-up
     * that compares fingerprints rebuilds rather than trusting an index of unknown state.
     */
    public void replaceTranslation(long translationId, List<Passage> passages, String databaseFingerprint) {
        List<Document> documents = new ArrayList<>(passages.size());
        for (Passage passage : passages) {
            if (passage.translationId() != translationId) {
                throw new IllegalArgumentException("Passage " + passage.id() + " belongs to translation "
                        + passage.translationId() + ", not to translation " + translationId);
            }
            documents.add(PassageDocuments.toDocument(passage));
        }
        write("replace translation " + translationId, databaseFingerprint,
                // Delete and add in one atomic step: searchers never see the translation half replaced.
                () -> writer.updateDocuments(PassageDocuments.translationTerm(translationId), documents));
    }

    /** Removes a translation from the index (after it was unpublished or deleted). */
    public void removeTranslation(long translationId) {
        removeTranslation(translationId, null);
    }

    /** Removes a translation and records the database state the index mirrors afterwards (see above). */
    public void removeTranslation(long translationId, String databaseFingerprint) {
        write("remove translation " + translationId, databaseFingerprint,
                () -> writer.deleteDocuments(PassageDocuments.translationTerm(translationId)));
    }

    /** The database state recorded with the last commit, if any; see {@link #openOrRebuild(PassageSource, String)}. */
    public Optional<String> databaseFingerprint() {
        return Optional.ofNullable(committedFingerprint);
    }

    /** Runs a search on a current snapshot of the index; the snapshot is released afterwards. */
    public <T> T withSearcher(SearcherWork<T> work) throws IOException {
        SearcherManager manager = searchers;
        if (manager == null) {
            throw new IllegalStateException("The search index at " + path + " is not open");
        }
        IndexSearcher searcher = manager.acquire();
        try {
            return work.apply(searcher);
        } finally {
            manager.release(searcher);
        }
    }

    public int passageCount() throws IOException {
        return withSearcher(searcher -> searcher.getIndexReader().numDocs());
    }

    Path path() {
        return path;
    }

    LanguageAnalyzers analyzers() {
        return analyzers;
    }

    /** Closes searchers and writer; safe to call more than once (e.g. from {@code @PreDestroy}). */
    @Override
    public void close() {
        writeLock.lock();
        try {
            closeQuietly();
            if (!closed) {
                closed = true;
                analyzers.close();
            }
        } finally {
            writeLock.unlock();
        }
    }

    @FunctionalInterface
    public interface SearcherWork<T> {
        T apply(IndexSearcher searcher) throws IOException;
    }

    @FunctionalInterface
    private interface IndexChange {
        void apply() throws IOException;
    }

    private void write(String operation, String databaseFingerprint, IndexChange change) {
        writeLock.lock();
        try {
            requireOpen();
            marker.set(operation);
            change.apply();
            writer.setLiveCommitData(commitData(databaseFingerprint).entrySet());
            commitAndRefresh();
            committedFingerprint = databaseFingerprint;
        } catch (IOException e) {
            // The marker stays: the next start-up rebuilds from the database.
            throw new UncheckedIOException("Search index: " + operation + " failed: " + e.getMessage(), e);
        } finally {
            writeLock.unlock();
        }
    }

    private void rebuildLocked(PassageSource source, String databaseFingerprint) throws IOException {
        // Read the whole source before touching the index: if the database fails halfway, the
        // old index keeps serving. The archive is small enough to hold in memory.
        List<Document> documents = readAll(source);
        marker.set("rebuild");
        writer.deleteAll();
        writer.addDocuments(documents);
        writer.setLiveCommitData(commitData(databaseFingerprint).entrySet());
        commitAndRefresh();
        committedFingerprint = databaseFingerprint;
        log.info("Search index rebuilt: {} passages", documents.size());
    }

    private static List<Document> readAll(PassageSource source) {
        List<Document> documents = new ArrayList<>();
        Set<String> ids = new HashSet<>();
        source.forEachPublished(passage -> {
            if (ids.add(passage.id())) {
                documents.add(PassageDocuments.toDocument(passage));
            } else {
                log.warn("Passage id {} occurs twice in the published passages; indexed once", passage.id());
            }
        });
        return documents;
    }

    private void commitAndRefresh() throws IOException {
        writer.commit();
        marker.clear();
        searchers.maybeRefreshBlocking();
    }

    /** The fingerprint of the commit the writer opened, which is what its live commit data starts as. */
    private static String recordedFingerprint(IndexWriter writer) {
        Iterable<Map.Entry<String, String>> data = writer.getLiveCommitData();
        if (data != null) {
            for (Map.Entry<String, String> entry : data) {
                if (entry.getKey().equals(FINGERPRINT_KEY)) {
                    return entry.getValue();
                }
            }
        }
        return null;
    }

    private static Map<String, String> commitData(String databaseFingerprint) {
        return databaseFingerprint == null
                ? Map.of(VERSION_KEY, String.valueOf(INDEX_VERSION))
                : Map.of(VERSION_KEY, String.valueOf(INDEX_VERSION), FINGERPRINT_KEY, databaseFingerprint);
    }

    private IndexWriterConfig writerConfig(OpenMode mode) {
        IndexWriterConfig config = new IndexWriterConfig(analyzers.forIndexing());
        config.setOpenMode(mode);
        config.setRAMBufferSizeMB(RAM_BUFFER_MB);
        // Every successful write commits; anything uncommitted at close belongs to a failed write.
        config.setCommitOnClose(false);
        return config;
    }

    private void requireOpen() {
        if (searchers == null) {
            throw new IllegalStateException("The search index at " + path + " is not open; call openOrRebuild first");
        }
    }

    /**
     * Removes what Lucene wrote, so that a corrupt index does not stop a new one being created.
     * Only Lucene's own file names are touched, in case the directory was misconfigured to one
     * that holds other files.
     */
    private void deleteIndexFiles() throws IOException {
        try (DirectoryStream<Path> files = Files.newDirectoryStream(path)) {
            for (Path file : files) {
                String name = file.getFileName().toString();
                if (name.startsWith(IndexFileNames.SEGMENTS)
                        || name.startsWith(IndexFileNames.PENDING_SEGMENTS)
                        || IndexFileNames.CODEC_FILE_PATTERN.matcher(name).matches()) {
                    Files.deleteIfExists(file);
                }
            }
        }
    }

    private void closeQuietly() {
        SearcherManager manager = searchers;
        searchers = null;
        try {
            IOUtils.close(manager, writer, directory);
        } catch (IOException e) {
            log.warn("Closing the search index at {} failed: {}", path, e.toString());
        } finally {
            writer = null;
            directory = null;
        }
    }
}
