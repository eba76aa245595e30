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

            Apertura.[^1] {#apertura-1}

            ::: figure id=foto-1
            Una foto.
            :::

            ## Intervista {#intervista}

            Q: Prima domanda? {#d1}

            A: Prima risposta. {#r1}

            Q: Seconda domanda? {#d2}

            A: Seconda risposta. {#r2}

            ::: timeline
            - 2022-01-05 | Evento | r1 {#ev-1}
            :::

            [^1]: Una nota.
            """;

    private final TranslationParser parser = new TranslationParser();

    private AlignmentReport compare(String translation) {
        return AlignmentReport.compare("it", parser.parse("it", ORIGINAL), parser.parse("en", translation));
    }

    @Test
    void aTranslationWithTheSameKeysIsAligned() {
        String english = ORIGINAL.replace("language: it", "language: en").replace("Prima", "First").replace("Seconda", "Second");
        var report = compare(english);
        assertThat(report.aligned()).isTrue();
        assertThat(report.parts()).extracting(AlignmentReport.Part::name).containsExactly("alignment.part.sections",
                "alignment.part.passages", "alignment.part.figures", "alignment.part.editorial", "alignment.part.notes",
                "alignment.part.timeline");
    }

    @Test
    void aSplitAndAMergedBlockAreStillAligned() {
        String english = ORIGINAL.replace("language: it", "language: en")
                .replace("A: Prima risposta. {#r1}", "A: First half. {#r1}\n\nSecond half. {#r1.2}")
                .replace("Q: Seconda domanda? {#d2}\n\nA: Seconda risposta. {#r2}", "Q: Second question and its answer. {#d2 r2}");
        assertThat(compare(english).aligned()).isTrue();
    }

    @Test
    void missingAndExtraPartsAreListedByTheirKeys() {
        String english = ORIGINAL.replace("language: it", "language: en")
                .replace("Q: Seconda domanda? {#d2}\n\nA: Seconda risposta. {#r2}\n", "")
                .replace("::: figure id=foto-1", "::: figure id=photo-1")
                .replace("## Intervista {#intervista}", "## Interview {#interview}")
                .replace("{#ev-1}", "{#ev-2}");
        var report = compare(english);
        assertThat(report.aligned()).isFalse();
        var parts = report.parts();
        assertThat(parts.get(0).missing()).containsExactly("intervista");
        assertThat(parts.get(0).extra()).containsExactly("interview");
        assertThat(parts.get(1).missing()).containsExactly("d2", "r2");
        assertThat(parts.get(2).missing()).containsExactly("foto-1");
        assertThat(parts.get(2).extra()).containsExactly("photo-1");
        assertThat(parts.get(4).matches()).isTrue();
        assertThat(parts.get(5).missing()).containsExactly("ev-1");
    }
}
