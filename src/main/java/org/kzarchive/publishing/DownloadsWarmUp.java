package org.kzarchive.publishing;

import java.time.Duration;
import java.util.concurrent.Executors;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;

import org.kzarchive.archive.PublicationStatus;
import org.kzarchive.archive.TranslationChanged;
import org.kzarchive.archive.TranslationRepository;
import org.kzarchive.system.PageRefresher;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;
import org.springframework.transaction.event.TransactionPhase;
import org.springframework.transaction.event.TransactionalEventListener;

/**
 * Makes every edition's files in the background after start-up and after each published change,
 * so that the first reader of an edition's page does not wait for its PDF. Builds take whole seconds
 * of CPU (a PDF about one), and Java's thread priorities change nothing on Linux: so they begin
 * {@link #QUIET} after the start or the change, once the page refresher has rendered the pages, when
 * the JIT has compiled what readers use and the first readers of a new edition have been served.
 * A reader asking earlier has the file made on demand.
 */
@Component
class DownloadsWarmUp {

    private static final Logger log = LoggerFactory.getLogger(DownloadsWarmUp.class);

    static final Duration QUIET = Duration.ofSeconds(30);

    private final TranslationRepository translations;
    private final Downloads downloads;
    private final PageRefresher pages;
    // one build at a time
    private final ScheduledExecutorService worker = Executors.newSingleThreadScheduledExecutor(Thread.ofPlatform().daemon()
            .name("downloads-warm-up").factory());

    DownloadsWarmUp(TranslationRepository translations, Downloads downloads, PageRefresher pages) {
        this.translations = translations;
        this.downloads = downloads;
        this.pages = pages;
    }

    @EventListener(ApplicationReadyEvent.class)
    void afterStart() {
        later(() -> translations.findAllByStatus(PublicationStatus.PUBLISHED)
                .forEach(t -> prepare(t.getLanguage(), t.getWork().getSlug())));
    }

    @TransactionalEventListener(phase = TransactionPhase.AFTER_COMMIT, fallbackExecution = true)
    void afterChange(TranslationChanged event) {
        // the published list fetches each translation's work with it: no lazy loading outside a transaction
        later(() -> translations.findAllByStatus(PublicationStatus.PUBLISHED).stream()
                .filter(t -> t.getId() == event.translationId())
                .forEach(t -> prepare(t.getLanguage(), t.getWork().getSlug())));
    }

    /** Runs {@code build} on the worker after {@link #QUIET}, once the page refresher is idle. */
    private void later(Runnable build) {
        try {
            worker.schedule(() -> {
                pages.idle().join();
                build.run();
            }, QUIET.toMillis(), TimeUnit.MILLISECONDS);
        } catch (RejectedExecutionException shuttingDown) {
            log.debug("Not preparing downloads: shutting down");
        }
    }

    private void prepare(String language, String work) {
        try {
            downloads.allPublished(language, work);
        } catch (RuntimeException e) {
            log.warn("Could not prepare the downloads of {}/{}: {}", language, work, e.toString());
        }
    }

    @jakarta.annotation.PreDestroy
    void stop() {
        worker.shutdownNow();
    }
}
