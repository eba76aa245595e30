package org.kzarchive.editing;

import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

import org.kzarchive.archive.TranslationChanged;

import org.springframework.context.ApplicationListener;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.transaction.event.TransactionPhase;
import org.springframework.transaction.event.TransactionalApplicationListener;

/** Listens to TranslationChanged the way the search index will: only after the transaction commits. */
final class RecordedEvents implements AutoCloseable {

    private final ConfigurableApplicationContext context;
    private final List<Long> committed = new CopyOnWriteArrayList<>();
    private final ApplicationListener<?> listener;

    RecordedEvents(ConfigurableApplicationContext context) {
        this.context = context;
        this.listener = TransactionalApplicationListener.<TranslationChanged>forPayload(TransactionPhase.AFTER_COMMIT,
                event -> committed.add(event.translationId()));
        context.addApplicationListener(listener);
    }

    /** ids of the translations announced after a commit, in order */
    List<Long> committed() {
        return committed;
    }

    @Override
    public void close() {
        context.removeApplicationListener(listener);
    }
}
