package org.kzarchive.search;

import org.kzarchive.archive.PublicationStatus;
import org.kzarchive.archive.TranslationChanged;
import org.kzarchive.archive.TranslationOrigin;
import org.kzarchive.archive.WorkFacts;
import org.kzarchive.importing.KeyAssignment;
import org.kzarchive.importing.TranslationParser;
import org.kzarchive.importing.TranslationRenderer;
import org.kzarchive.importing.TranslationWriter;
import org.kzarchive.system.Sha256;

import org.springframework.context.ApplicationContext;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Changes the running archive's database the way the editing feature does: the Markdown pipeline
 * and {@link TranslationWriter} inside a transaction that publishes {@link TranslationChanged}, so
 * listeners run after the commit.
 */
public final class ArchiveWrites {

    private final TranslationParser parser;
    private final TranslationRenderer renderer;
    private final JdbcTemplate jdbc;
    private final TransactionTemplate transaction;
    private final ApplicationEventPublisher events;

    public ArchiveWrites(ApplicationContext context) {
        this.parser = context.getBean(TranslationParser.class);
        this.renderer = context.getBean(TranslationRenderer.class);
        this.jdbc = context.getBean(JdbcTemplate.class);
        this.transaction = new TransactionTemplate(context.getBean(PlatformTransactionManager.class));
        this.events = context;
    }

    /**
     * Stores and publishes the translation (replacing one of the same work and language); returns its id.
     * Blocks without keys get them as the key-assigning command would give them.
     */
    public long publish(String markdown) {
        return transaction.execute(status -> {
            long id = new TranslationWriter(jdbc).write(renderer.render(parser.parse("test.md", KeyAssignment.assign("test.md", markdown))), markdown,
                    Sha256.hex(markdown), TranslationOrigin.EDITOR, PublicationStatus.PUBLISHED);
            events.publishEvent(new TranslationChanged(id));
            return id;
        });
    }

    /** Writes a work's facts (author, date, reference edition), as the content import does from content/works/. */
    public void work(WorkFacts facts) {
        transaction.executeWithoutResult(status -> new TranslationWriter(jdbc).writeWork(facts));
    }

    public void withdraw(long translationId) {
        transaction.executeWithoutResult(status -> {
            jdbc.update("update translation set status = 'DRAFT', version = version + 1 where id = ?", translationId);
            events.publishEvent(new TranslationChanged(translationId));
        });
    }

    /** Deletes the translation, and its work if no other translation has it. */
    public void delete(long translationId) {
        transaction.executeWithoutResult(status -> {
            Long work = jdbc.query("select work_id from translation where id = ?", rs -> rs.next() ? rs.getLong(1) : null,
                    translationId);
            jdbc.update("delete from translation where id = ?", translationId);
            if (work != null) {
                jdbc.update("delete from work w where w.id = ? and not exists (select 1 from translation t where t.work_id = w.id)",
                        work);
            }
            events.publishEvent(new TranslationChanged(translationId));
        });
    }
}
