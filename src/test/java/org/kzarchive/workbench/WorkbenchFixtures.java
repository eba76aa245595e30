package org.kzarchive.workbench;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;

import org.kzarchive.archive.EditionTextSaved;
import org.kzarchive.archive.PublicationStatus;
import org.kzarchive.archive.TranslationChanged;
import org.kzarchive.archive.TranslationOrigin;
import org.kzarchive.editing.TranslationCheck;
import org.kzarchive.editing.TranslationEditing;
import org.kzarchive.importing.TranslationParser;
import org.kzarchive.importing.TranslationRenderer;
import org.kzarchive.importing.TranslationWriter;
import org.kzarchive.system.Sha256;

import org.springframework.context.ApplicationContext;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

/** Small works with an Italian reference, made and removed by the workbench tests. */
final class WorkbenchFixtures {

    private static final AtomicInteger WORKS = new AtomicInteger();

    static String italian(String work) {
        return """
                ---
                work: %s
                language: it
                title: Prova del banco
                ---

                Primo paragrafo della prova, con una nota.[^1] {#apertura-1}

                ::: figure date=2022-01-05 credit="Qualcuno" id=apertura-2
                Didascalia della foto di prova.
                :::

                ## Una sezione {#sezione}

                Il secondo paragrafo parla della piazza e della folla. {#sezione-1}

                > Una citazione di prova. {#sezione-2}

                ## Intervista {#intervista}

                Q: Prima domanda di prova? {#intervista-1}

                A: Prima risposta di prova. {#intervista-2}

                ::: timeline
                - 2022-01-05 | Evento di prova | intervista-2 {#ev-2022-01-05}
                :::

                [^1]: Nota di prova.
                """.formatted(work);
    }

    private final JdbcTemplate jdbc;
    private final TransactionTemplate transaction;
    private final TranslationParser parser;
    private final TranslationRenderer renderer;
    private final ApplicationContext context;
    private final TranslationEditing editing;
    private final TranslationCheck check;
    private final List<String> works = new ArrayList<>();

    WorkbenchFixtures(ApplicationContext context) {
        this.context = context;
        this.jdbc = context.getBean(JdbcTemplate.class);
        this.transaction = new TransactionTemplate(context.getBean(PlatformTransactionManager.class));
        this.parser = context.getBean(TranslationParser.class);
        this.renderer = context.getBean(TranslationRenderer.class);
        this.editing = context.getBean(TranslationEditing.class);
        this.check = context.getBean(TranslationCheck.class);
    }

    /** A new work whose Italian reference is published as the content import would, its passages recorded. */
    String newWork() {
        String work = "zz-banco-" + WORKS.incrementAndGet() + "-" + Long.toString(System.nanoTime() % 100000, 36);
        works.add(work);
        jdbc.update("insert into work (slug, reference_language, author) values (?, 'it', 'Redazione')", work);
        String markdown = italian(work);
        transaction.executeWithoutResult(tx -> {
            var writer = new TranslationWriter(jdbc);
            long id = writer.write(renderer.render(parser.parse("fixture", markdown)), markdown, Sha256.hex(markdown),
                    TranslationOrigin.CONTENT, PublicationStatus.PUBLISHED);
            writer.markPublished(id, writer.recordRevision(id, markdown, Sha256.hex(markdown), "content/", "fixture", Instant.now()));
            context.publishEvent(new EditionTextSaved(id, markdown, true, false, "content/"));
        });
        return work;
    }

    long id(String work, String language) {
        return jdbc.queryForObject("select t.id from translation t join work w on w.id = t.work_id where w.slug = ? and t.language = ?",
                Long.class, work, language);
    }

    /** An editor revises the reference through the whole-file form and publishes it. */
    void reviseReference(String work, java.util.function.UnaryOperator<String> change, boolean minor) {
        long id = id(work, "it");
        String head = jdbc.queryForObject("select markdown from translation_revision where translation_id = ? order by number desc limit 1",
                String.class, id);
        int number = jdbc.queryForObject("select max(number) from translation_revision where translation_id = ?", Integer.class, id);
        var text = check.check(change.apply(head));
        if (!text.ok()) {
            throw new IllegalArgumentException(text.problems().toString());
        }
        editing.save(id, number, text, "redattrice", "correction", true, minor);
    }

    int headRevision(long id) {
        return jdbc.queryForObject("select coalesce(max(number), 0) from translation_revision where translation_id = ?", Integer.class, id);
    }

    void removeWorks() {
        for (String work : works) {
            transaction.executeWithoutResult(tx -> {
                for (Long id : jdbc.queryForList("select t.id from translation t join work w on w.id = t.work_id where w.slug = ?",
                        Long.class, work)) {
                    jdbc.update("delete from translation where id = ?", id);
                    context.publishEvent(new TranslationChanged(id));
                }
                jdbc.update("delete from work where slug = ?", work);
            });
        }
        works.clear();
    }
}
