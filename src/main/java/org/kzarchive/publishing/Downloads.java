package org.kzarchive.publishing;

import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.atomic.AtomicLong;

import org.kzarchive.archive.TranslationChanged;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.stereotype.Service;
import org.springframework.transaction.event.TransactionPhase;
import org.springframework.transaction.event.TransactionalEventListener;

/**
 * The downloadable files of every published edition, each made once per revision: readers who ask
 * at the same moment wait for the one build in progress (single flight), later readers get the
 * kept bytes, and after a restart they are read from {@link DownloadFiles} instead of made again. A newer revision gets new files; files of older revisions are dropped when the
 * translation changes, and the files kept in memory take at most an eighth of the heap (and never more than
 * {@value #MAX_BYTES} bytes), least recently made first out: a file dropped from memory is read back from disk.
 */
@Service
public class Downloads {

    private static final Logger log = LoggerFactory.getLogger(Downloads.class);
    static final long MAX_BYTES = 96L * 1024 * 1024;
    // with the recommended -Xmx200m, 25 MB: the page cache (32 MB), the live set (about 65 MB) and G1's headroom need the rest
    private static final int HEAP_SHARE = 8;

    private record Key(long translationId, long version, java.time.Instant updatedAt, DownloadFormat format) {
    }

    private final EditionRevisions revisions;
    private final EpubWriter epub;
    private final PdfEditions pdf;
    private final DownloadFiles kept;
    private final Map<Key, CompletableFuture<Download>> files = new LinkedHashMap<>();
    private final AtomicLong builds = new AtomicLong();
    private final long maxBytes;
    private long keptBytes;

    @Autowired
    Downloads(EditionRevisions revisions, EpubWriter epub, PdfEditions pdf, DownloadFiles kept) {
        this(revisions, epub, pdf, kept, Math.min(MAX_BYTES, Runtime.getRuntime().maxMemory() / HEAP_SHARE));
    }

    Downloads(EditionRevisions revisions, EpubWriter epub, PdfEditions pdf, DownloadFiles kept, long maxBytes) {
        this.revisions = revisions;
        this.epub = epub;
        this.pdf = pdf;
        this.kept = kept;
        this.maxBytes = maxBytes;
    }

    /** The file of the published edition, or empty when there is no such edition. */
    public Optional<Download> published(String language, String work, DownloadFormat format) {
        var stamp = revisions.publishedStamp(language, work);
        if (stamp.isEmpty()) {
            return Optional.empty();
        }
        // a file already made answers after one query; only a new revision loads the whole text
        CompletableFuture<Download> kept;
        synchronized (files) {
            kept = files.get(new Key(stamp.get().translationId(), stamp.get().version(), stamp.get().updatedAt(), format));
        }
        if (kept != null && kept.isDone() && !kept.isCompletedExceptionally()) {
            return Optional.of(kept.join());
        }
        return revisions.published(language, work).map(revision -> of(revision, format));
    }

    /** Every file of the published edition, in the order the edition's page lists them. */
    public java.util.List<Download> allPublished(String language, String work) {
        return revisions.published(language, work)
                .map(revision -> java.util.Arrays.stream(DownloadFormat.values()).map(format -> of(revision, format)).toList())
                .orElse(java.util.List.of());
    }

    /** The file of this revision, made now unless it is kept or being made. */
    public Download of(EditionRevision revision, DownloadFormat format) {
        Key key = new Key(revision.translationId(), revision.version(), revision.updatedAt(), format);
        CompletableFuture<Download> mine = new CompletableFuture<>();
        CompletableFuture<Download> existing;
        synchronized (files) {
            existing = files.putIfAbsent(key, mine);
        }
        if (existing != null) {
            try {
                return existing.join();
            } catch (CompletionException e) {
                throw e.getCause() instanceof RuntimeException r ? r : e;
            }
        }
        try {
            Download made = kept.read(revision, format).map(bytes -> Download.of(format, revision, bytes, 0)).orElseGet(() -> {
                Download built = build(revision, format);
                kept.write(revision, format, built.bytes());
                return built;
            });
            mine.complete(made);
            keep(made.size());
            return made;
        } catch (RuntimeException | Error e) {
            synchronized (files) {
                files.remove(key, mine);
            }
            mine.completeExceptionally(e);
            throw e;
        }
    }

    private Download build(EditionRevision revision, DownloadFormat format) {
        long start = System.nanoTime();
        byte[] bytes = switch (format) {
            case EPUB -> epub.write(revision);
            case PDF -> pdf.a4(revision);
            case BOOKLET -> BookletImposition.impose(pdf.a5(revision));
            case MARKDOWN -> revision.markdown().getBytes(java.nio.charset.StandardCharsets.UTF_8);
        };
        long millis = (System.nanoTime() - start) / 1_000_000;
        builds.incrementAndGet();
        log.info("Made {} of {}/{} (version {}): {} bytes in {} ms", format, revision.language(), revision.work(),
                revision.version(), bytes.length, millis);
        return Download.of(format, revision, bytes, millis);
    }

    private void keep(long size) {
        synchronized (files) {
            keptBytes += size;
            Iterator<CompletableFuture<Download>> oldest = files.values().iterator();
            while (keptBytes > maxBytes && oldest.hasNext()) {
                CompletableFuture<Download> file = oldest.next();
                if (file.isDone() && !file.isCompletedExceptionally()) {
                    keptBytes -= file.join().size();
                    oldest.remove();
                }
            }
        }
    }

    /** How many files were made since the start: a test's measure of single flight and caching. */
    long builds() {
        return builds.get();
    }

    /** At most this many bytes of files are kept in memory. */
    long maxBytes() {
        return maxBytes;
    }

    /** The bytes of the files kept in memory. */
    long keptBytes() {
        synchronized (files) {
            return keptBytes;
        }
    }

    @TransactionalEventListener(phase = TransactionPhase.AFTER_COMMIT, fallbackExecution = true)
    public void onTranslationChanged(TranslationChanged event) {
        synchronized (files) {
            files.entrySet().removeIf(entry -> {
                if (entry.getKey().translationId() != event.translationId() || !entry.getValue().isDone()) {
                    return false;
                }
                if (!entry.getValue().isCompletedExceptionally()) {
                    keptBytes -= entry.getValue().join().size();
                }
                return true;
            });
        }
    }
}
