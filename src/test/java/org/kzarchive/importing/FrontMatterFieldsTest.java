package org.kzarchive.importing;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class FrontMatterFieldsTest {

    private static final String FILE = """
            ---
            work: prova
            language: en
            title: Old title
            subtitle: >
              folded over
              two lines
            ---

            Text.
            """;

    private static Map<String, String> fields(String... keysAndValues) {
        Map<String, String> values = new LinkedHashMap<>();
        for (int i = 0; i < keysAndValues.length; i += 2) {
            values.put(keysAndValues[i], keysAndValues[i + 1]);
        }
        return values;
    }

    @Test
    void aFilledFieldReplacesItsLineAndANewOneIsAddedBeforeTheClosingLine() {
        String text = FrontMatterFields.apply(FILE, fields("title", "New title", "translator", "Anna"));
        assertThat(text).contains("title: New title\n").doesNotContain("Old title")
                .contains("translator: Anna\n---\n\nText.");
    }

    @Test
    void aValueFoldedOverSeveralLinesIsReplacedWhole() {
        String text = FrontMatterFields.apply(FILE, fields("subtitle", "One line"));
        assertThat(text).contains("subtitle: One line\n---").doesNotContain("folded", "two lines");
    }

    @Test
    void blankFieldsLeaveTheFrontMatterAsItIs() {
        assertThat(FrontMatterFields.apply(FILE, fields("title", "", "subtitle", null, "source", "  "))).isEqualTo(FILE);
    }

    @Test
    void textWithoutFrontMatterGetsOneFromTheFields() {
        String text = FrontMatterFields.apply("\nFirst paragraph. {#p}\n", fields("work", "prova", "language", "de", "title", "Titel"));
        assertThat(text).isEqualTo("---\nwork: prova\nlanguage: de\ntitle: Titel\n---\n\nFirst paragraph. {#p}\n");
        assertThat(new TranslationParser().parse("t", text).metadata().title()).isEqualTo("Titel");
    }

    @Test
    void textWithoutFrontMatterAndWithoutFieldsIsLeftForTheParserToReport() {
        assertThat(FrontMatterFields.apply("Just text.", fields("title", ""))).isEqualTo("Just text.");
    }

    @Test
    void aFrontMatterThatIsNeverClosedIsLeftForTheParserToReport() {
        String broken = "---\nwork: prova\n\nText.";
        assertThat(FrontMatterFields.apply(broken, fields("title", "T"))).isEqualTo(broken);
    }

    @ParameterizedTest
    @ValueSource(strings = {"Kazakhstan: after the uprising", "#hashtag", "yes", "1984", "He said \"no\" \\ twice",
            "- a list?", "[brackets]", "{braces}", "& anchor", "* star", "'quoted'", "@at", "%percent", "trailing:"})
    void valuesYamlWouldReadDifferentlyAreQuotedSoTheyReadBackAsTyped(String title) {
        String text = FrontMatterFields.apply("---\nwork: prova\nlanguage: en\ntitle: x\n---\n\nText. {#t}\n", fields("title", title));
        assertThat(new TranslationParser().parse("t", text).metadata().title()).isEqualTo(title);
    }

    @Test
    void withoutRemovesTheTranslationsOwnKeysAndKeepsTheWorks() {
        String text = FrontMatterFields.without(FILE.replace("work: prova", "work: prova\nauthor: CrimethInc."),
                List.of("language", "title", "subtitle"));
        assertThat(text).isEqualTo("---\nwork: prova\nauthor: CrimethInc.\n---\n\nText.\n");
    }
}
