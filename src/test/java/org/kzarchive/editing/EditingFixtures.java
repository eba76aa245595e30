package org.kzarchive.editing;

import org.kzarchive.accounts.EditorAccounts;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;

import org.kzarchive.archive.PublicationStatus;
import org.kzarchive.archive.TranslationChanged;
import org.kzarchive.archive.TranslationOrigin;
import org.kzarchive.importing.TranslationParser;
import org.kzarchive.importing.TranslationRenderer;
import org.kzarchive.importing.TranslationWriter;
import org.kzarchive.system.Sha256;

import org.springframework.context.ApplicationContext;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Data of the editing tests in the shared database: works of their own (with a small Italian
 * original), editor accounts, and clean-up, so that the seed's pages stay as other tests expect.
 */
public final class EditingFixtures {

    static final String SEED_WORK = "kazakistan-dopo-la-rivolta";
    static final String PASSWORD = "correct horse battery";
    private static final AtomicInteger WORKS = new AtomicInteger();

    /** A small original with every kind of part: opening, note, figure, section, interview, timeline. */
    public static String original(String work) {
        return """
                ---
                work: %s
                language: it
                title: Prova di archivio
                ---

                Paragrafo di apertura della prova.[^1] {#apertura-1}

                ::: figure date=2022-01-05 credit="Qualcuno" id=apertura-2
                Didascalia della foto di prova.
                :::

                ## Intervista di prova {#intervista}

                Q: Prima domanda di prova? {#intervista-1}

                A: Prima risposta di prova. {#intervista-2}

                Q: Seconda domanda di prova? {#intervista-3}

                A: Seconda risposta di prova. {#risposta-due}

                ::: timeline
                - 2022-01-05 | Evento di prova | risposta-due {#ev-2022-01-05}
                :::

                [^1]: Nota di prova.
                """.formatted(work);
    }

    /** The same text in English, as an editor would write it over the Italian. */
    public static String english(String work) {
        return original(work).replace("language: it", "language: en").replace("title: Prova di archivio", "title: An archive test")
                .replace("Paragrafo di apertura della prova.", "Opening paragraph of the test.")
                .replace("Didascalia della foto di prova.", "Caption of the test photo.")
                .replace("Intervista di prova", "Test interview")
                .replace("Prima domanda di prova?", "First test question?").replace("Prima risposta di prova.", "First test answer.")
                .replace("Seconda domanda di prova?", "Second test question?").replace("Seconda risposta di prova.", "Second test answer.")
                .replace("Evento di prova", "Test event").replace("Nota di prova.", "Test note.");
    }

    /** The same text in Russian, in Cyrillic, as a second published edition of the work. */
    public static String russian(String work) {
        return original(work).replace("language: it", "language: ru").replace("title: Prova di archivio", "title: Проверка архива\ntranslator: Переводчица Ёлкина")
                .replace("Paragrafo di apertura della prova.", "Вступительный абзац проверки: «ёж, щука, эхо».")
                .replace("Didascalia della foto di prova.", "Подпись к фотографии проверки.")
                .replace("Qualcuno", "Кто-то")
                .replace("Intervista di prova", "Проверочное интервью")
                .replace("Prima domanda di prova?", "Первый вопрос проверки?").replace("Prima risposta di prova.", "Первый ответ проверки.")
                .replace("Seconda domanda di prova?", "Второй вопрос проверки?").replace("Seconda risposta di prova.", "Второй ответ проверки.")
                .replace("Evento di prova", "Событие проверки").replace("Nota di prova.", "Примечание проверки.");
    }

    private final JdbcTemplate jdbc;
    private final TransactionTemplate transaction;
    private final TranslationParser parser;
    private final TranslationRenderer renderer;
    private final ApplicationContext context;
    private final EditorAccounts accounts;
    private final List<String> works = new ArrayList<>();

    public EditingFixtures(ApplicationContext context) {
        this.context = context;
        this.jdbc = context.getBean(JdbcTemplate.class);
        this.transaction = new TransactionTemplate(context.getBean(PlatformTransactionManager.class));
        this.parser = context.getBean(TranslationParser.class);
        this.renderer = context.getBean(TranslationRenderer.class);
        this.accounts = context.getBean(EditorAccounts.class);
    }

    /** A new work whose Italian original is published as it would be from content/. */
    public String newWork() {
        String work = "zz-prova-" + WORKS.incrementAndGet() + "-" + Long.toString(System.nanoTime() % 100000, 36);
        works.add(work);
        jdbc.update("insert into work (slug, reference_language, author) values (?, 'it', 'Redazione')", work);
        write(original(work), TranslationOrigin.CONTENT, PublicationStatus.PUBLISHED);
        return work;
    }

    /** Stores a translation the way the content import does, with its first revision, and announces the change. */
    public long write(String markdown, TranslationOrigin origin, PublicationStatus status) {
        return transaction.execute(tx -> {
            var writer = new TranslationWriter(jdbc);
            long id = writer.write(renderer.render(parser.parse("fixture", markdown)), markdown, Sha256.hex(markdown),
                    origin, status);
            int revision = writer.recordRevision(id, markdown, Sha256.hex(markdown), "content/", "fixture", Instant.now());
            if (status == PublicationStatus.PUBLISHED) {
                writer.markPublished(id, revision);
            }
            // as every write of the archive does: the search index and the page cache follow after the commit
            context.publishEvent(new TranslationChanged(id));
            return id;
        });
    }

    Long translationId(String work, String language) {
        return jdbc.queryForList("select t.id from translation t join work w on w.id = t.work_id where w.slug = ? and t.language = ?",
                Long.class, work, language).stream().findFirst().orElse(null);
    }

    int revisionCount(long translationId) {
        return jdbc.queryForObject("select count(*) from translation_revision where translation_id = ?", Integer.class, translationId);
    }

    String revisionText(long translationId, int number) {
        return jdbc.queryForObject("select markdown from translation_revision where translation_id = ? and number = ?",
                String.class, translationId, number);
    }

    /** Creates the account unless it exists. */
    public void editor(String username, boolean administrator) {
        if (accounts.find(username).isEmpty()) {
            accounts.create(username, PASSWORD, administrator, "test");
        }
    }

    /** Removes a translation the tests added, and tells the search index so. */
    public void deleteTranslation(String work, String language) {
        transaction.executeWithoutResult(tx -> {
            Long id = translationId(work, language);
            if (id != null) {
                jdbc.update("delete from translation where id = ?", id);
                context.publishEvent(new TranslationChanged(id));
            }
        });
    }

    /** Removes every work made by {@link #newWork()} with its translations. */
    public void removeWorks() {
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
