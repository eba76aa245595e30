package org.kzarchive.editing;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.kzarchive.importing.TranslationParser;

class AlignmentReportTest {

    private static final String ORIGINAL = """
            ---
            work: prova
            language: it
            title: Originale
            ---

            Apertura.[^1]

            ::: figure id=foto-1
            Una foto.
            :::

            ## Intervista {#intervista}

            Q: Prima domanda?

            A: Prima risposta.

            Q: Seconda domanda?

            A: Seconda risposta.

            ::: timeline
            - 2022-01-05 | Evento | intervista-2
            :::

            [^1]: Una nota.
            """;

    private final TranslationParser parser = new TranslationParser();

    private AlignmentReport compare(String translation) {
        return AlignmentReport.compare("it", parser.parse("it", ORIGINAL), parser.parse("en", translation));
    }

    @Test
    void aTranslationWithTheSameStructureIsAligned() {
        String english = ORIGINAL.replace("language: it", "language: en").replace("Prima", "First").replace("Seconda", "Second");
        var report = compare(english);
        assertThat(report.aligned()).isTrue();
        assertThat(report.parts()).extracting(AlignmentReport.Part::name).containsExactly(
                "Sections", "Interview questions", "Interview answers", "Figures", "Footnotes", "Timeline events");
    }

    @Test
    void missingAndExtraPartsAreListedByTheirIds() {
        String english = ORIGINAL.replace("language: it", "language: en")
                .replace("Q: Seconda domanda?\n\nA: Seconda risposta.\n", "")
                .replace("::: figure id=foto-1", "::: figure id=photo-1")
                .replace("## Intervista {#intervista}", "## Interview {#interview}")
                .replace("intervista-2", "interview-1");
        var report = compare(english);
        assertThat(report.aligned()).isFalse();
        var parts = report.parts();
        assertThat(parts.get(0).missing()).containsExactly("intervista");
        assertThat(parts.get(0).extra()).containsExactly("interview");
        assertThat(parts.get(1).original()).isEqualTo(2);
        assertThat(parts.get(1).translation()).isEqualTo(1);
        assertThat(parts.get(2).missing()).containsExactly("answer to question 2");
        assertThat(parts.get(3).missing()).containsExactly("foto-1");
        assertThat(parts.get(3).extra()).containsExactly("photo-1");
        assertThat(parts.get(4).matches()).isTrue();
        assertThat(parts.get(5).missing()).containsExactly("2022-01-05 → intervista-2");
    }
}
