package org.kzarchive.editing;

import org.kzarchive.accounts.AuditLog;
import org.kzarchive.accounts.AuditAction;
import java.time.Clock;

import org.kzarchive.archive.EditionTextSaved;
import org.kzarchive.archive.PublicationStatus;
import org.kzarchive.archive.TranslationChanged;
import org.kzarchive.archive.TranslationOrigin;
import org.kzarchive.archive.TranslationMetadata;
import org.kzarchive.importing.TranslationWriter;
import org.kzarchive.system.Sha256;

import org.springframework.context.ApplicationEventPublisher;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Everything editors change, each in one transaction: a failure leaves the published text as it
 * was. Every save is a new revision; readers see the published revision, which the translation's
 * sections and blocks hold. A change readers can see is announced with {@link TranslationChanged}
 * once it has committed.
 */
@Service
public class TranslationEditing {

    private final TranslationWriter writer;
    private final EditedTranslations translations;
    private final TranslationRevisionRepository revisions;
    private final TranslationCheck check;
    private final ApplicationEventPublisher events;
    private final AuditLog audit;
    private final Clock clock;

    TranslationEditing(JdbcTemplate jdbc, EditedTranslations translations, TranslationRevisionRepository revisions,
                       TranslationCheck check, ApplicationEventPublisher events, AuditLog audit, Clock clock) {
        this.writer = new TranslationWriter(jdbc);
        this.translations = translations;
        this.revisions = revisions;
        this.check = check;
        this.events = events;
        this.audit = audit;
        this.clock = clock;
    }

    /** What a save did. @param revision the latest revision; @param unchanged the text was the same as it */
    public record Saved(long translationId, int revision, boolean unchanged, boolean published) {
    }

    /**
     * Adds a translation as a draft (or published at once).
     *
     * @throws RevisionConflictException when the work already has a translation in this language
     */
    @Transactional
    public Saved create(TranslationCheck.Outcome text, String author, String message, boolean publish) {
        TranslationMetadata meta = text.rendered().metadata();
        var existing = translations.idOf(meta.work(), meta.language());
        if (existing.isPresent()) {
            throw conflict(existing.get(), 0);
        }
        String hash = Sha256.hex(text.markdown());
        long id = writer.write(text.rendered(), text.markdown(), hash, TranslationOrigin.EDITOR,
                publish ? PublicationStatus.PUBLISHED : PublicationStatus.DRAFT);
        int number = writer.recordRevision(id, text.markdown(), hash, author, messageOr(message, "New translation"), clock.instant());
        audit.record(author, AuditAction.TRANSLATION_CREATED, describe(meta) + ", revision " + number);
        events.publishEvent(new EditionTextSaved(id, text.markdown(), false, false, author));
        if (publish) {
            writer.markPublished(id, number);
            audit.record(author, AuditAction.TRANSLATION_PUBLISHED, describe(meta) + ", revision " + number);
            events.publishEvent(new EditionTextSaved(id, text.markdown(), true, false, author));
            events.publishEvent(new TranslationChanged(id));
        }
        return new Saved(id, number, false, publish);
    }

    /**
     * Saves the editor's text as the next revision, if they started from the latest one. A draft
     * shows the new text at once to editors; a published translation keeps showing readers its
     * published revision until this one is published.
     *
     * @throws RevisionConflictException when someone saved after {@code baseRevision}
     */
    @Transactional
    public Saved save(long id, int baseRevision, TranslationCheck.Outcome text, String author, String message, boolean publish) {
        return save(id, baseRevision, text, author, message, publish, false);
    }

    /** @param minorSourceChange the editor says the change needs no new translation (see {@link EditionTextSaved}) */
    @Transactional
    public Saved save(long id, int baseRevision, TranslationCheck.Outcome text, String author, String message, boolean publish,
                      boolean minorSourceChange) {
        var state = translations.lock(id).orElseThrow(() -> new TranslationNotFoundException(id));
        if (state.headRevision() != baseRevision) {
            throw conflict(id, baseRevision);
        }
        TranslationMetadata meta = text.rendered().metadata();
        if (!meta.work().equals(state.work()) || !meta.language().equals(state.language())) {
            throw new IllegalArgumentException("The text is for " + describe(meta) + ", not " + state.language() + "/" + state.work());
        }
        String hash = Sha256.hex(text.markdown());
        var head = revisions.findFirstByTranslationIdOrderByNumberDesc(id);
        int number;
        boolean unchanged = head.isPresent() && head.get().getContentHash().equals(hash);
        if (unchanged) {
            number = head.get().getNumber();
        } else {
            number = writer.recordRevision(id, text.markdown(), hash, author, messageOr(message, "Revised"), clock.instant());
            audit.record(author, AuditAction.REVISION_SAVED, describe(meta) + ", revision " + number);
        }
        writer.markEdited(id);
        if (!unchanged) {
            events.publishEvent(new EditionTextSaved(id, text.markdown(), false, minorSourceChange, author));
        }
        boolean goesLive = publish && (!state.isPublished() || state.publishedRevision() == null || state.publishedRevision() != number);
        if (goesLive) {
            publishText(id, number, text, author, minorSourceChange);
        } else if (!state.isPublished() && !unchanged) {
            // a draft's own row follows its latest text; a published one keeps what readers see
            writer.write(text.rendered(), text.markdown(), hash, TranslationOrigin.EDITOR, PublicationStatus.DRAFT);
        }
        return new Saved(id, number, unchanged, goesLive);
    }

    /**
     * Publishes the latest revision, the one the editor reviewed.
     *
     * @throws RevisionConflictException when a newer revision was saved meanwhile
     * @throws InvalidRevisionException  when the revision no longer passes the checks
     */
    @Transactional
    public void publish(long id, int revision, String author) {
        var state = translations.lock(id).orElseThrow(() -> new TranslationNotFoundException(id));
        if (state.headRevision() != revision) {
            throw conflict(id, revision);
        }
        TranslationRevision head = revisions.findByTranslationIdAndNumber(id, revision).orElseThrow();
        var text = check.check(head.getMarkdown());
        if (!text.ok()) {
            throw new InvalidRevisionException(revision, text.problems());
        }
        publishText(id, revision, text, author, false);
    }

    /** Takes the translation away from readers (and from search); its revisions stay. */
    @Transactional
    public void unpublish(long id, String author) {
        var state = translations.lock(id).orElseThrow(() -> new TranslationNotFoundException(id));
        if (!state.isPublished()) {
            return;
        }
        writer.withdraw(id);
        audit.record(author, AuditAction.TRANSLATION_UNPUBLISHED, state.language() + "/" + state.work());
        events.publishEvent(new TranslationChanged(id));
    }

    /**
     * Makes an old revision's text the latest again, as a new revision: history only grows.
     *
     * @throws RevisionConflictException when someone saved after {@code baseRevision}
     */
    @Transactional
    public Saved restore(long id, int number, int baseRevision, String author) {
        var state = translations.lock(id).orElseThrow(() -> new TranslationNotFoundException(id));
        if (state.headRevision() != baseRevision) {
            throw conflict(id, baseRevision);
        }
        TranslationRevision old = revisions.findByTranslationIdAndNumber(id, number)
                .orElseThrow(() -> new TranslationNotFoundException(id));
        var text = check.check(old.getMarkdown());
        if (!text.ok()) {
            throw new InvalidRevisionException(number, text.problems());
        }
        if (old.getNumber() == state.headRevision()) {
            return new Saved(id, number, true, false);
        }
        int restored = writer.recordRevision(id, old.getMarkdown(), old.getContentHash(), author,
                "Restored revision " + number, clock.instant());
        writer.markEdited(id);
        events.publishEvent(new EditionTextSaved(id, old.getMarkdown(), false, false, author));
        if (!state.isPublished()) {
            writer.write(text.rendered(), text.markdown(), old.getContentHash(), TranslationOrigin.EDITOR, PublicationStatus.DRAFT);
        }
        audit.record(author, AuditAction.REVISION_RESTORED, state.language() + "/" + state.work() + ": revision " + number
                + " restored as revision " + restored);
        return new Saved(id, restored, false, false);
    }

    private void publishText(long id, int number, TranslationCheck.Outcome text, String author, boolean minorSourceChange) {
        writer.write(text.rendered(), text.markdown(), Sha256.hex(text.markdown()), TranslationOrigin.EDITOR,
                PublicationStatus.PUBLISHED);
        writer.markPublished(id, number);
        audit.record(author, AuditAction.TRANSLATION_PUBLISHED, describe(text.rendered().metadata()) + ", revision " + number);
        events.publishEvent(new EditionTextSaved(id, text.markdown(), true, minorSourceChange, author));
        events.publishEvent(new TranslationChanged(id));
    }

    private RevisionConflictException conflict(long id, int expected) {
        return new RevisionConflictException(id, expected, revisions.findFirstByTranslationIdOrderByNumberDesc(id).orElse(null));
    }

    private static String describe(TranslationMetadata meta) {
        return meta.language() + "/" + meta.work();
    }

    private static String messageOr(String message, String otherwise) {
        return message == null || message.isBlank() ? otherwise : message.strip();
    }
}
