package org.kzarchive.publishing;

import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;

import org.kzarchive.archive.PublicationStatus;
import org.kzarchive.archive.TranslationChanged;
import org.kzarchive.archive.TranslationRepository;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;
import org.springframework.transaction.event.TransactionPhase;
import org.springframework.transaction.event.TransactionalEventListener;

/**
 * Makes every edition's files in the background after start-up and after each published change,
 * so that the first reader of an edition's page does not wait for its PDF.
 */
@Component
class DownloadsWarmUp {

    private static final Logger log = LoggerFactory.getLogger(DownloadsWarmUp.class);

    private final TranslationRepository translations;
    private final Downloads downloads;
    // one build at a time, at low priority: readers' requests come first
    private final ExecutorService worker = Executors.newSingleThreadExecutor(Thread.ofPlatform().daemon()
            .name("downloads-warm-up").priority(Thread.MIN_PRIORITY).factory());

    DownloadsWarmUp(TranslationRepository translations, Downloads downloads) {
        this.translations = translations;
        this.downloads = downloads;
    }

    @EventListener(ApplicationReadyEvent.class)
    void afterStart() {
        worker.execute(() -> translations.findAllByStatus(PublicationStatus.PUBLISHED)
                .forEach(t -> prepare(t.getLanguage(), t.getWork().getSlug())));
    }

    @TransactionalEventListener(phase = TransactionPhase.AFTER_COMMIT, fallbackExecution = true)
    void afterChange(TranslationChanged event) {
        // the published list fetches each translation's work with it: no lazy loading outside a transaction
        worker.execute(() -> translations.findAllByStatus(PublicationStatus.PUBLISHED).stream()
                .filter(t -> t.getId() == event.translationId())
                .forEach(t -> prepare(t.getLanguage(), t.getWork().getSlug())));
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
