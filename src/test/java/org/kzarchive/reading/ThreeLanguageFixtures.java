package org.kzarchive.reading;

import java.util.ArrayList;
import java.util.List;

import org.kzarchive.archive.WorkFacts;
import org.kzarchive.search.ArchiveWrites;
import org.kzarchive.system.PagesRenderedAgain;

import org.springframework.context.ApplicationContext;

/**
 * One small work in Italian, English and Russian, written for the tests and published through the
 * editing pipeline: every edition has the same blocks with the same ids, a photo, a note, an
 * interview and a timeline. Its own work, so the archive's real editions are never touched.
 */
public final class ThreeLanguageFixtures implements AutoCloseable {

    public static final String WORK = "prova-in-tre-lingue";

    static final String ITALIAN = """
            ---
            work: prova-in-tre-lingue
            language: it
            title: Una prova in tre lingue
            ---

            Le proteste sono iniziate a Zhanaozen e si sono estese ad Almaty; il presidente Tokayev ha chiesto aiuto alla CSTO.[^1] {#inizio}

            ::: figure date=2022-01-05 credit="Fotografo di prova" id=piazza
            5 gennaio: fumo sulla piazza di Almaty.
            :::

            ## Intervista {#intervista}

            Q: Che cosa avete visto ad Almaty? {#domanda-1}

            A: Abbiamo visto l’Akimat in fiamme. La gente gridava “<span lang="kk">Шал кет!</span>”. {#risposta-1}

            [^1]: Una nota su Nazarbayev.

            ::: timeline
            - 2022-01-05..2022-01-07 | L’Akimat di Almaty brucia | risposta-1
            :::
            """;

    static final String ENGLISH = """
            ---
            work: prova-in-tre-lingue
            language: en
            title: A test in three languages
            ---

            The protests began in Zhanaozen and spread to Almaty; President Tokayev asked the CSTO for help.[^1] {#inizio}

            ::: figure date=2022-01-05 credit="Test photographer" id=piazza
            5 January: smoke over the square in Almaty.
            :::

            ## Interview {#intervista}

            Q: What did you see in Almaty? {#domanda-1}

            A: We saw the Akimat on fire. {#risposta-1}

            [^1]: A note about Nazarbayev.

            ::: timeline
            - 2022-01-05..2022-01-07 | The Akimat of Almaty burns | risposta-1
            :::
            """;

    static final String RUSSIAN = """
            ---
            work: prova-in-tre-lingue
            language: ru
            title: Проверка на трёх языках
            ---

            Протесты начались в Жанаозене и охватили Алматы; президент Токаев попросил помощи у ОДКБ.[^1] {#inizio}

            ::: figure date=2022-01-05 credit="Тестовый фотограф" id=piazza
            5 января: дым над площадью в Алматы.
            :::

            ## Интервью {#intervista}

            Q: Что вы видели в Алматы? {#domanda-1}

            A: Мы видели, как горел акимат. {#risposta-1}

            [^1]: Примечание о Назарбаеве.

            ::: timeline
            - 2022-01-05..2022-01-07 | Горит акимат Алматы | risposta-1
            :::
            """;

    private final ArchiveWrites writes;
    private final List<Long> published = new ArrayList<>();

    public ThreeLanguageFixtures(ApplicationContext context) {
        this.writes = new ArchiveWrites(context);
        // the work's facts are written once for all its editions, as content/works/<work>.yml does
        writes.work(new WorkFacts(WORK, "it", "it", "Redazione di prova", "2022-01-12", null));
        for (String markdown : List.of(ITALIAN, ENGLISH, RUSSIAN)) {
            published.add(writes.publish(markdown));
        }
        // the same work may have been published and removed before: no reader is served its earlier pages
        PagesRenderedAgain.await(context);
    }

    public static String path(String language) {
        return "/" + language + "/" + WORK;
    }

    @Override
    public void close() {
        published.forEach(writes::delete);
    }
}
