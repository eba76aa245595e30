package org.kzarchive.importing;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;

import java.time.Duration;

import org.junit.jupiter.api.Test;

/**
 * What an editor's form or preview may be sent, at the sizes a review found taking 10–21 seconds
 * each (40,000 characters): every one must be read in linear time, well within the timeout.
 */
class HostileMarkdownTest {

    private static final String FRONT = "---\nwork: prova\nlanguage: it\ntitle: Prova\n---\n\n";
    private static final Duration QUICKLY = Duration.ofSeconds(2);

    private final TranslationParser parser = new TranslationParser();
    private final TranslationRenderer renderer = new TranslationRenderer(new MarkdownRenderer());

    /** Parses and renders as the preview does; refusing the text with problems is as good an answer. */
    private void answeredQuickly(String body) {
        assertTimeoutPreemptively(QUICKLY, () -> {
            try {
                renderer.render(parser.parse("hostile.md", FRONT + body));
            } catch (InvalidContentException refused) {
                assertThat(refused.problems()).isNotEmpty();
            }
        });
    }

    @Test
    void manyFootnoteOpeningsAreReadInLinearTime() {
        answeredQuickly("Testo " + "[^".repeat(20_000) + "\n");
        answeredQuickly("Testo " + "[^a".repeat(13_000) + "\n");
    }

    @Test
    void manyIdOpeningsAreReadInLinearTime() {
        answeredQuickly("Testo " + "{#".repeat(20_000) + "\n");
        answeredQuickly("## Titolo " + "{#".repeat(20_000) + "\n");
        answeredQuickly("Testo " + "{#a".repeat(13_000) + "}\n");
    }

    @Test
    void longRunsOfSpacesAreReadInLinearTime() {
        answeredQuickly("Testo" + " ".repeat(40_000) + "fine\n");
        answeredQuickly("Testo" + " \t".repeat(20_000) + "{fine\n");
    }

    @Test
    void aLongFigureAttributeLineIsReadInLinearTime() {
        answeredQuickly("::: figure " + "a".repeat(40_000) + "\nDidascalia.\n:::\n");
        answeredQuickly("::: figure credit=\"" + "a".repeat(40_000) + "\nDidascalia.\n:::\n");
        answeredQuickly("::: figure " + "a=".repeat(20_000) + "\nDidascalia.\n:::\n");
    }

    @Test
    void aLineLongerThanTheLimitIsRefusedWithTheLimit() {
        assertThatThrownBy(() -> parser.parse("long.md", FRONT + "x".repeat(TranslationParser.MAX_LINE_LENGTH + 1) + "\n"))
                .isInstanceOf(InvalidContentException.class)
                .satisfies(e -> assertThat(((InvalidContentException) e).problems()).anySatisfy(p -> {
                    assertThat(p.line()).isEqualTo(7);
                    assertThat(p.message()).contains("50000");
                }));
    }

    @Test
    void aFootnoteLabelWithOtherCharactersIsAProblemOnItsLine() {
        assertThatThrownBy(() -> parser.parse("label.md", FRONT + "Testo.[^a&b]\n\n[^a&b]: Nota.\n"))
                .isInstanceOf(InvalidContentException.class)
                .satisfies(e -> assertThat(((InvalidContentException) e).problems()).anySatisfy(p -> {
                    assertThat(p.line()).isEqualTo(9);
                    assertThat(p.message()).contains("[^a&b]");
                    assertThat(p.fix()).contains("letters, digits");
                }));
    }

    @Test
    void figureAttributesAreReadAsBefore() {
        var parsed = parser.parse("figure.md", FRONT + "::: figure date=2022-01-05 credit=\"Nome Cognome\" id=foto-uno\nDidascalia.\n:::\n");
        var block = parsed.sections().get(0).blocks().get(0);
        assertThat(block.figure()).isEqualTo(new ParsedTranslation.Figure("2022-01-05", "Nome Cognome", null));
        assertThat(block.anchor()).isEqualTo("foto-uno");
        assertThatThrownBy(() -> parser.parse("figure.md", FRONT + "::: figure date=2022 trailing\nDidascalia.\n:::\n"))
                .isInstanceOf(InvalidContentException.class).hasMessageContaining("Cannot read the attributes 'date=2022 trailing'");
    }

    @Test
    void anIdAtTheEndOfAParagraphOrHeadingIsFoundAsBefore() {
        var parsed = parser.parse("ids.md", FRONT + "## Titolo {#titolo}  \n\nTesto {a} con id. {#testo-uno}\n");
        assertThat(parsed.sections().get(0).anchor()).isEqualTo("titolo");
        assertThat(parsed.sections().get(0).title()).isEqualTo("Titolo");
        assertThat(parsed.sections().get(0).blocks().get(0).anchor()).isEqualTo("testo-uno");
        assertThat(parsed.sections().get(0).blocks().get(0).markdown()).isEqualTo("Testo {a} con id.");
    }
}
