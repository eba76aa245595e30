package org.kzarchive.workbench;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.kzarchive.ArchiveIntegrationTest;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.ApplicationContext;

/** A translated passage is outdated exactly when the source it was made from changed in words. */
@ArchiveIntegrationTest
class OutdatedTrackingTest {

    @Autowired
    ApplicationContext context;

    @Autowired
    Workbench workbench;

    private WorkbenchFixtures fixtures;
    private String work;
    private long english;
    private long russian;

    @BeforeEach
    void setUp() {
        fixtures = new WorkbenchFixtures(context);
        work = fixtures.newWork();
        long italian = fixtures.id(work, "it");
        english = workbench.start(italian, "en", "anna");
        russian = workbench.start(italian, "ru", "boris");
        translate(english, "sezione-1", "The second paragraph speaks of the square and the crowd.");
        translate(english, "apertura-1", "First paragraph of the test, with a note.[^1]");
        translate(russian, "sezione-1", "Второй абзац говорит о площади и толпе.");
    }

    @AfterEach
    void tearDown() {
        fixtures.removeWorks();
    }

    @Test
    void aNewTranslationHasEveryPassageMissingUntilItIsSaved() {
        long german = workbench.start(fixtures.id(work, "it"), "de", "carla");
        var before = workbench.view(german).progress();
        assertThat(before.translated()).isZero();
        assertThat(before.missing()).isEqualTo(before.total()).isGreaterThan(8);

        translate(german, "sezione-1", "Der zweite Absatz spricht vom Platz und der Menge.");

        var after = workbench.view(german);
        assertThat(after.progress().translated()).isEqualTo(1);
        assertThat(after.progress().missing()).isEqualTo(before.total() - 1);
        assertThat(states(after).get("sezione-1")).isEqualTo(PassageState.TRANSLATED);
    }

    @Test
    void aChangedSourcePassageOutdatesItsTranslationsInEveryLanguageAndOnlyThem() {
        fixtures.reviseReference(work, t -> t.replace("parla della piazza e della folla", "parla della piazza vuota"), false);

        assertThat(states(workbench.view(english))).containsEntry("sezione-1", PassageState.OUTDATED)
                .containsEntry("apertura-1", PassageState.TRANSLATED);
        assertThat(states(workbench.view(russian))).containsEntry("sezione-1", PassageState.OUTDATED);
        var row = row(workbench.view(english), "sezione-1");
        assertThat(row.diff()).extracting(WordDiff.Piece::change, WordDiff.Piece::text).contains(
                org.assertj.core.groups.Tuple.tuple(WordDiff.Change.REMOVED, "e della folla."),
                org.assertj.core.groups.Tuple.tuple(WordDiff.Change.ADDED, "vuota."));
    }

    @Test
    void revertingTheSourceChangeMakesTheTranslationCurrentAgain() {
        fixtures.reviseReference(work, t -> t.replace("parla della piazza e della folla", "parla della piazza vuota"), false);
        fixtures.reviseReference(work, t -> t.replace("parla della piazza vuota", "parla della piazza e della folla"), false);

        assertThat(states(workbench.view(english))).containsEntry("sezione-1", PassageState.TRANSLATED);
        assertThat(states(workbench.view(russian))).containsEntry("sezione-1", PassageState.TRANSLATED);
    }

    @Test
    void whitespaceAndPunctuationChangesDoNotOutdate() {
        fixtures.reviseReference(work, t -> t.replace("parla della piazza e della folla.", "parla  della piazza, e della folla!"), false);

        assertThat(states(workbench.view(english))).containsEntry("sezione-1", PassageState.TRANSLATED);
    }

    @Test
    void aChangeMarkedMinorKeepsTranslationsCurrent() {
        fixtures.reviseReference(work, t -> t.replace("della piazza e della folla", "della piazza e della follla"), true);

        assertThat(states(workbench.view(english))).containsEntry("sezione-1", PassageState.TRANSLATED);
        assertThat(states(workbench.view(russian))).containsEntry("sezione-1", PassageState.TRANSLATED);
    }

    @Test
    void updatingAnOutdatedTranslationMakesItCurrent() {
        fixtures.reviseReference(work, t -> t.replace("parla della piazza e della folla", "parla della piazza vuota"), false);

        translate(english, "sezione-1", "The second paragraph speaks of the empty square.");

        assertThat(states(workbench.view(english))).containsEntry("sezione-1", PassageState.TRANSLATED);
        assertThat(states(workbench.view(russian))).containsEntry("sezione-1", PassageState.OUTDATED);
    }

    @Test
    void aSplitSourcePassageOffersTheOldTranslationAsTheDraftOfEachPart() {
        fixtures.reviseReference(work, t -> t.replace("Il secondo paragrafo parla della piazza e della folla. {#sezione-1}",
                "Il secondo paragrafo parla della piazza {#sezione-1}\n\ne della folla raccolta. {#sezione-1b}"), false);

        var view = workbench.view(english);
        assertThat(states(view)).containsEntry("sezione-1", PassageState.OUTDATED).containsEntry("sezione-1b", PassageState.MISSING);
        var part = row(view, "sezione-1b");
        assertThat(part.suggested()).isTrue();
        assertThat(part.text()).isEqualTo("The second paragraph speaks of the square and the crowd.");
        assertThat(row(view, "sezione-1").text()).isEqualTo("The second paragraph speaks of the square and the crowd.");
    }

    @Test
    void mergedSourcePassagesOfferBothOldTranslationsAsTheDraft() {
        translate(english, "sezione-2", "A test quotation.");
        fixtures.reviseReference(work, t -> t.replace("Il secondo paragrafo parla della piazza e della folla. {#sezione-1}\n\n> Una citazione di prova. {#sezione-2}",
                "Il secondo paragrafo parla della piazza e della folla. Una citazione di prova. {#sezione-1}"), false);

        var row = row(workbench.view(english), "sezione-1");
        assertThat(row.unit().suggestion()).isEqualTo("The second paragraph speaks of the square and the crowd.\n\nA test quotation.");
    }

    private void translate(long id, String key, String text) {
        var row = row(workbench.view(id), key);
        var outcome = workbench.save(id, List.of(new Workbench.Submitted(key, row.base(), text)), "anna");
        assertThat(outcome.clean()).as(outcome.toString()).isTrue();
    }

    static Workbench.Row row(Workbench.View view, String key) {
        return view.sections().stream().flatMap(s -> s.rows().stream()).filter(r -> r.source().key().equals(key)).findFirst()
                .orElseThrow(() -> new AssertionError("no row " + key));
    }

    static Map<String, PassageState> states(Workbench.View view) {
        return view.sections().stream().flatMap(s -> s.rows().stream())
                .collect(Collectors.toMap(r -> r.source().key(), Workbench.Row::state, (a, b) -> a, java.util.LinkedHashMap::new));
    }
}
