package org.kzarchive.importing;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;

import org.junit.jupiter.api.Test;
import org.kzarchive.archive.BlockKind;

class TranslationParserTest {

    private static final String FRONT = """
            ---
            work: prova
            language: en
            title: A test
            ---
            """;

    private final TranslationParser parser = new TranslationParser();

    private List<ContentProblem> problemsOf(String markdown) {
        try {
            parser.parse("content/en/prova.md", markdown);
        } catch (InvalidContentException e) {
            return e.problems();
        }
        throw new AssertionError("expected the text to be refused");
    }

    @Test
    void readsSectionsBlocksInterviewFiguresNotesAndTimeline() {
        ParsedTranslation parsed = parser.parse("t.md", FRONT + """
                Opening words.[^a]

                ## First part {#first}

                > A quoted line
                > that goes on.

                ::: figure date=2022-01-05 credit="Zhanabergen Talgat" id=square
                The square on 5 January.
                :::

                Q: Who are you?

                A: Two anarchists. {#who}

                Second paragraph of the answer.

                ::: timeline
                - 2022-01-05 | The square | square
                - 1986-12-17..1986-12-19 | Protests | note-1
                :::

                [^a]: The note.
                """);
        assertThat(parsed.metadata().title()).isEqualTo("A test");
        assertThat(parsed.sections()).extracting(ParsedTranslation.Section::anchor).containsExactly("apertura", "first");
        var blocks = parsed.sections().get(1).blocks();
        assertThat(blocks).extracting(ParsedTranslation.Block::kind).containsExactly(
                BlockKind.QUOTATION, BlockKind.FIGURE, BlockKind.QUESTION, BlockKind.ANSWER, BlockKind.ANSWER);
        assertThat(blocks).extracting(ParsedTranslation.Block::anchor).containsExactly("first-1", "square", "first-3", "who", "first-5");
        assertThat(blocks.get(0).markdown()).isEqualTo("A quoted line\nthat goes on.");
        assertThat(blocks.get(1).figure()).isEqualTo(new ParsedTranslation.Figure("2022-01-05", "Zhanabergen Talgat", null));
        assertThat(blocks.get(2).markdown()).isEqualTo("Who are you?");
        assertThat(blocks.get(3).markdown()).isEqualTo("Two anarchists.");
        assertThat(blocks.subList(2, 5)).extracting(ParsedTranslation.Block::exchange).containsOnly(1);
        assertThat(parsed.footnotes()).singleElement().satisfies(note -> {
            assertThat(note.number()).isEqualTo(1);
            assertThat(note.markdown()).isEqualTo("The note.");
        });
        assertThat(parsed.timeline()).extracting(ParsedTranslation.TimelineEntry::target).containsExactly("square", "note-1");
        assertThat(parsed.timeline().get(1).dateEnd()).isEqualTo("1986-12-19");
    }

    @Test
    void aFileWithoutFrontMatterIsRefusedAtLineOne() {
        assertThat(problemsOf("Just text.\n")).singleElement().satisfies(p -> {
            assertThat(p.line()).isEqualTo(1);
            assertThat(p.toString()).startsWith("content/en/prova.md:1: The file does not start with front matter.");
        });
    }

    @Test
    void aFootnoteReferenceWithoutNoteNamesItsLineAndTheFix() {
        var problems = problemsOf(FRONT + "\nFirst paragraph.\n\nSecond,[^5] with a reference.\n");
        assertThat(problems).singleElement().satisfies(p -> {
            assertThat(p.line()).isEqualTo(9);
            assertThat(p.message()).contains("[^5] has no note");
            assertThat(p.fix()).contains("[^5]: text of the note");
        });
    }

    @Test
    void anUnknownLanguageCodeIsRefusedOnItsLine() {
        var problems = problemsOf(FRONT.replace("language: en", "language: klingon") + "\nText.\n");
        assertThat(problems).singleElement().satisfies(p -> {
            assertThat(p.line()).isEqualTo(3);
            assertThat(p.message()).contains("Unknown language code 'klingon'");
        });
    }

    @Test
    void aDuplicateIdNamesBothLines() {
        var problems = problemsOf(FRONT + "\nOne. {#same}\n\nTwo. {#same}\n");
        assertThat(problems).singleElement().satisfies(p -> {
            assertThat(p.line()).isEqualTo(9);
            assertThat(p.message()).isEqualTo("The id 'same' is used twice (first at line 7).");
        });
    }

    @Test
    void reportsEveryProblemOfAFileAtOnce() {
        var problems = problemsOf("""
                ---
                work: Not A Slug
                language: en
                ---

                A: an answer without question

                ::: figure date=5-1-2022
                :::

                ::: timeline
                - someday | Something | nowhere
                - 2022-01-05 | Something | nowhere
                :::

                [^x]: never cited
                """);
        assertThat(problems).extracting(ContentProblem::line).containsExactlyInAnyOrder(2, 2, 6, 8, 8, 12, 13, 16);
        assertThat(problems).extracting(ContentProblem::message).anyMatch(m -> m.contains("no 'title'"))
                .anyMatch(m -> m.contains("follows no question"))
                .anyMatch(m -> m.contains("never referenced"))
                .anyMatch(m -> m.contains("'nowhere' is not the id of any passage"));
    }

    @Test
    void anUnclosedFigureIsRefusedAtItsOpening() {
        var problems = problemsOf(FRONT + "\n::: figure\nA caption\n");
        assertThat(problems).singleElement().satisfies(p -> {
            assertThat(p.line()).isEqualTo(7);
            assertThat(p.message()).contains("never closed");
        });
    }
}
