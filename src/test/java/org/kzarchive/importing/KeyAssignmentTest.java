package org.kzarchive.importing;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Files;
import java.nio.file.Path;

import org.junit.jupiter.api.Test;

class KeyAssignmentTest {

    private static final String UNKEYED = """
            ---
            work: prova
            language: it
            title: Prova
            ---

            Apertura.[^1]

            ::: figure date=2022-01-05
            Una foto.
            :::

            ## Prima parte

            Paragrafo con una chiave già scritta. {#scritta}

            > Una citazione
            > su due righe.

            Q: Una domanda?

            A: Una risposta.

            ::: timeline
            - 2022-01-05 | Un evento | scritta
            - 2022-01-05 | Un altro evento | prima-parte-2
            :::

            [^1]: Una nota.
            """;

    @Test
    void givesEveryHeadingBlockFigureAndEventAKeyAndKeepsTheKeysAlreadyWritten() {
        String keyed = KeyAssignment.assign("t.md", UNKEYED);
        assertThat(keyed).contains("Apertura.[^1] {#apertura-1}")
                .contains("::: figure date=2022-01-05 id=apertura-2")
                .contains("## Prima parte {#prima-parte}")
                .contains("Paragrafo con una chiave già scritta. {#scritta}\n")
                .contains("> su due righe. {#prima-parte-2}")
                .contains("Q: Una domanda? {#prima-parte-3}")
                .contains("A: Una risposta. {#prima-parte-4}")
                .contains("- 2022-01-05 | Un evento | scritta {#ev-2022-01-05}")
                .contains("- 2022-01-05 | Un altro evento | prima-parte-2 {#ev-2022-01-05-2}");
        // and the result is a valid file
        assertThat(new TranslationParser().parse("t.md", keyed).blocks()).hasSize(6);
    }

    @Test
    void runningTheCommandTwiceChangesNothing() {
        String once = KeyAssignment.assign("t.md", UNKEYED);
        assertThat(KeyAssignment.assign("t.md", once)).isEqualTo(once);
    }

    @Test
    void aNewBlockGetsAKeyNoOtherBlockHas() {
        String once = KeyAssignment.assign("t.md", UNKEYED);
        // an editor inserts a paragraph before the quotation: its positional id is the quotation's key
        String edited = once.replace("> Una citazione", "Un paragrafo nuovo.\n\n> Una citazione");
        String twice = KeyAssignment.assign("t.md", edited);
        assertThat(twice).contains("Un paragrafo nuovo. {#prima-parte-2-2}").contains("> su due righe. {#prima-parte-2}");
    }

    @Test
    void aFileWithOtherMistakesIsNotTouched() {
        assertThatThrownBy(() -> KeyAssignment.assign("t.md", UNKEYED.replace("[^1]: Una nota.", "")))
                .isInstanceOf(InvalidContentException.class).hasMessageContaining("[^1] has no note");
    }

    @Test
    void everyBlockOfTheItalianEditionHasItsKeyWrittenInTheFile() throws Exception {
        String italian = Files.readString(Path.of("content/it/kazakistan-dopo-la-rivolta.md"));
        assertThat(KeyAssignment.assign("it.md", italian)).isEqualTo(italian);
    }
}
