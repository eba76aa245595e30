package org.kzarchive.search;

import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.locks.ReentrantLock;

import org.kzarchive.archive.ArchiveMayHaveChanged;
import org.kzarchive.archive.TranslationChanged;
import org.kzarchive.system.PageCache;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.beans.factory.DisposableBean;
import org.springframework.beans.factory.SmartInitializingSingleton;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;
import org.springframework.transaction.event.TransactionPhase;
import org.springframework.transaction.event.TransactionalEventListener;

/**
 * Keeps the search index in step with the database. At start-up (after Flyway, which may just have
 * imported the content folder) it opens the index, rebuilding it when the index is missing, broken
 * or mirrors another state of the database. After every committed change of a translation it
 * re-indexes that translation, then starts a new page-cache generation so that no cached search page
 * shows results from before the change. When the database may have changed elsewhere (another instance)
 * it compares every translation's state with what the index mirrors and catches up. An index
 * whose files were deleted or damaged while the site runs is recreated in the background.
 */
@Component
class IndexUpdater implements SmartInitializingSingleton, DisposableBean {

    private static final Logger log = LoggerFactory.getLogger(IndexUpdater.class);

    private final SearchIndex index;
    private final DatabasePassageSource passages;
    private final TranslationStates states;
    private final PageCache pageCache;
    // Reading a translation and writing it to the index happen as one step, one change at a time:
    // the later of two changes is always read later, so it is the one the index ends up with.
    private final ReentrantLock updates = new ReentrantLock();
    private final ExecutorService repairs = Executors.newSingleThreadExecutor(r -> {
        Thread thread = new Thread(r, "search-index-repair");
        thread.setDaemon(true);
        return thread;
    });
    private final AtomicBoolean repairPending = new AtomicBoolean();

    private DatabaseFingerprint mirrored;
    private volatile IndexStartup startup;

    IndexUpdater(SearchIndex index, DatabasePassageSource passages, TranslationStates states, PageCache pageCache) {
        this.index = index;
        this.passages = passages;
        this.states = states;
        this.pageCache = pageCache;
    }

    /** Runs once every singleton exists, Flyway's migrations included, before the web server takes requests. */
    @Override
    public void afterSingletonsInstantiated() {
        updates.lock();
        try {
            long started = System.nanoTime();
            // Read before the passages: if a change slips in between, the fingerprint is older than
            // the index and the next start-up rebuilds once too often, never once too few.
            DatabaseFingerprint database = DatabaseFingerprint.of(states.all());
            String fingerprint = database.value();
            startup = index.openOrRebuild(passages, fingerprint);
            mirrored = database;
            log.info("Search index ready in {} ms: {}; it mirrors {} translations (database fingerprint {})",
                    millisSince(started), startup.rebuilt() ? "rebuilt because " + startup.rebuildReason()
                            : "reused, the database has not changed since it was written",
                    database.translations(), fingerprint.substring(0, 12));
        } finally {
            updates.unlock();
        }
    }

    /** What happened at start-up: reused or rebuilt, and why. */
    IndexStartup startup() {
        return startup;
    }

    @TransactionalEventListener(phase = TransactionPhase.AFTER_COMMIT, fallbackExecution = true)
    void onTranslationChanged(TranslationChanged event) {
        updates.lock();
        try {
            if (mirrored == null) {
                throw new IllegalStateException("the index is not open yet");
            }
            bringUpToDate(event.translationId());
        } finally {
            updates.unlock();
            // the change's one new generation of pages, begun once search pages can show the change too
            pageCache.invalidate();
        }
    }

    /**
     * Re-indexes every translation whose state in the database differs from what the index
     * mirrors, and recreates the index if its files were deleted or damaged. Throws when the
     * database cannot be read: the caller tries again later.
     */
    @EventListener
    void onArchiveMayHaveChanged(ArchiveMayHaveChanged event) {
        index.damage().ifPresent(this::repairInBackground);
        Set<Long> differing;
        updates.lock();
        try {
            if (mirrored == null) {
                return;
            }
            Map<Long, TranslationStates.TranslationState> database = states.all();
            differing = mirrored.translationsDifferingFrom(database);
            if (!differing.isEmpty()) {
                log.info("Search index: {} translations changed elsewhere ({}): {}", differing.size(), event.reason(),
                        differing);
                differing.forEach(this::bringUpToDate);
            }
        } finally {
            updates.unlock();
        }
        if (!differing.isEmpty()) {
            pageCache.invalidate();
        }
    }

    /** With {@link #updates} held. */
    private void bringUpToDate(long id) {
        long started = System.nanoTime();
        try {
            Optional<TranslationStates.TranslationState> state = states.of(id);
            DatabaseFingerprint next = state.map(mirrored::with).orElseGet(() -> mirrored.without(id));
            if (state.isPresent() && state.get().published()) {
                List<Passage> published = passages.passagesOf(id);
                index.replaceTranslation(id, published, next.value());
                log.info("Search index: translation {} re-indexed with {} passages in {} ms", id, published.size(),
                        millisSince(started));
            } else {
                index.removeTranslation(id, next.value());
                log.info("Search index: translation {} removed ({}) in {} ms", id,
                        state.isPresent() ? "not published" : "deleted", millisSince(started));
            }
            mirrored = next;
        } catch (RuntimeException e) {
            // The recorded fingerprint still describes the old state (or a write marker was left):
            // the next catch-up or start-up tries again. Readers keep searching the index as it was.
            log.error("Search index: translation {} could not be re-indexed; it will be tried again", id, e);
            index.damage().ifPresent(this::repairInBackground);
        }
    }

    private void repairInBackground(String damage) {
        if (!repairPending.compareAndSet(false, true)) {
            return;
        }
        log.warn("Search index: recreating it in the background because {}", damage);
        repairs.execute(() -> {
            try {
                recreate();
            } catch (RuntimeException e) {
                log.error("Search index: recreating it failed; the next check tries again", e);
            } finally {
                repairPending.set(false);
            }
        });
    }

    private void recreate() {
        updates.lock();
        try {
            long started = System.nanoTime();
            DatabaseFingerprint database = DatabaseFingerprint.of(states.all());
            index.recreate(passages, database.value());
            mirrored = database;
            log.info("Search index recreated in {} ms", millisSince(started));
        } finally {
            updates.unlock();
        }
        // search pages cached while the index was damaged said so
        pageCache.invalidate();
    }

    @Override
    public void destroy() {
        repairs.shutdownNow();
    }

    private static long millisSince(long nanoTime) {
        return TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - nanoTime);
    }
}
