package org.kzarchive.importing;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

class KeyTransferTest {

    private static final String REFERENCE = """
            ---
            work: prova
            language: it
            title: Prova
            ---

            Apertura.[^1] {#apertura-1}

            ::: figure date=2022-01-05 id=foto
            Una foto.
            :::

            ## Parte {#parte}

            Q: Domanda? {#domanda}

            A: Risposta. {#risposta}

            ::: timeline
            - 2022-01-05 | Evento | risposta {#ev-1}
            :::

            [^1]: Nota.
            """;

    private static final String ENGLISH = """
            ---
            work: prova
            language: en
            title: Test
            author: Someone
            published: 2022
            ---

            Opening.[^1]

            ::: figure date=2022-01-05
            A photo.
            :::

            ## Part {#parte}

            Q: Question?

            A: Answer.

            ::: timeline
            - 2022-01-05 | Event | risposta
            :::

            [^1]: Note.
            """;

    @Test
    void givesEachPartOfTheTranslationTheKeyOfTheReferencePartAtTheSamePlace() {
        String keyed = KeyTransfer.transfer("it.md", REFERENCE, "en.md", ENGLISH, "it");
        assertThat(keyed).contains("Opening.[^1] {#apertura-1}", "::: figure date=2022-01-05 id=foto", "Q: Question? {#domanda}",
                "A: Answer. {#risposta}", "- 2022-01-05 | Event | risposta {#ev-1}", "translated-from: it")
                .doesNotContain("author:", "published:");
    }

    @Test
    void aDifferentFigureStopsItWithBothPlaces() {
        assertThatThrownBy(() -> KeyTransfer.transfer("it.md", REFERENCE, "en.md", ENGLISH.replace("date=2022-01-05", "date=2022-01-06"), "it"))
                .isInstanceOf(KeyTransfer.StructureMismatch.class)
                .hasMessageContaining("it.md:9 / en.md:")
                .hasMessageContaining("date=2022-01-05");
    }

    @Test
    void aMissingBlockOrADifferentKindStopsIt() {
        assertThatThrownBy(() -> KeyTransfer.transfer("it.md", REFERENCE, "en.md", ENGLISH.replace("Opening.[^1]", "> Opening.[^1]"), "it"))
                .isInstanceOf(KeyTransfer.StructureMismatch.class).hasMessageContaining("a PARAGRAPH faces a QUOTATION");
        assertThatThrownBy(() -> KeyTransfer.transfer("it.md", REFERENCE, "en.md", ENGLISH.replace("Opening.[^1]\n", "Opening.[^1]\n\nExtra.\n"), "it"))
                .isInstanceOf(KeyTransfer.StructureMismatch.class).hasMessageContaining("has 6 keyed parts");
    }

    @Test
    void differentNoteLabelsOrAnotherKeyStopIt() {
        assertThatThrownBy(() -> KeyTransfer.transfer("it.md", REFERENCE, "en.md", ENGLISH.replace("[^1]", "[^2]"), "it"))
                .hasMessageContaining("the notes [2] face [1]");
        assertThatThrownBy(() -> KeyTransfer.transfer("it.md", REFERENCE, "en.md", ENGLISH.replace("{#parte}", "{#part}"), "it"))
                .hasMessageContaining("the translation's key 'part' faces 'parte'");
    }
}
