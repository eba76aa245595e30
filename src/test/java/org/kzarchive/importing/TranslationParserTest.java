package org.kzarchive.importing;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;

import org.junit.jupiter.api.Test;
import org.kzarchive.archive.BlockKind;
import org.kzarchive.archive.NoteKind;

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
                Opening words.[^a] {#apertura-1}

                ## First part {#first}

                > A quoted line
                > that goes on. {#first-1}

                ::: figure date=2022-01-05 credit="Zhanabergen Talgat" id=square
                The square on 5 January.
                :::

                Q: Who are you? {#first-3}

                A: Two anarchists. {#who}

                Second paragraph of the answer. {#first-5}

                ::: timeline
                - 2022-01-05 | The square | square {#ev-square}
                - 1986-12-17..1986-12-19 | Protests | note-a | outside {#ev-1986}
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
            assertThat(note.anchor()).isEqualTo("note-a");
            assertThat(note.markdown()).isEqualTo("The note.");
        });
        assertThat(parsed.timeline()).extracting(ParsedTranslation.TimelineEntry::target).containsExactly("square", "note-a");
        assertThat(parsed.timeline()).extracting(ParsedTranslation.TimelineEntry::key).containsExactly("ev-square", "ev-1986");
        assertThat(parsed.timeline()).extracting(ParsedTranslation.TimelineEntry::outsideText).containsExactly(false, true);
        assertThat(parsed.timeline().get(1).dateEnd()).isEqualTo("1986-12-19");
    }

    @Test
    void aSplitBlockNamesItsKeyTwiceAndAMergedBlockNamesBothKeys() {
        ParsedTranslation parsed = parser.parse("t.md", FRONT + """
                First half of a long reference paragraph. {#long}

                Its second half, split off by the translator. {#long.2}

                Two short reference paragraphs in one. {#short-a short-b}
                """);
        var blocks = parsed.sections().get(0).blocks();
        assertThat(blocks).extracting(ParsedTranslation.Block::anchor).containsExactly("long", "long.2", "short-a");
        assertThat(blocks).extracting(ParsedTranslation.Block::keys)
                .containsExactly(List.of("long"), List.of("long"), List.of("short-a", "short-b"));
    }

    @Test
    void aTranslatorsNoteKeepsTheAuthorsNotesOnTheirOwnNumbers() {
        ParsedTranslation parsed = parser.parse("t.md", FRONT + """
                A word the reader may not know.[^t1] {#a}

                The author's second note,[^2] then the first.[^1] {#b}

                [^1]: Author's first note.

                [^2]: Author's second note.

                [^t1]: Translator's note.
                """);
        assertThat(parsed.footnotes()).extracting(ParsedTranslation.Footnote::label).containsExactly("t1", "2", "1");
        assertThat(parsed.footnotes()).extracting(ParsedTranslation.Footnote::anchor).containsExactly("note-t1", "note-2", "note-1");
        assertThat(parsed.footnotes()).extracting(ParsedTranslation.Footnote::kind)
                .containsExactly(NoteKind.TRANSLATOR, NoteKind.AUTHOR, NoteKind.AUTHOR);
    }

    @Test
    void aCyrillicAnswerMarkerIsRefusedWithItsLineAndTheFix() {
        var problems = problemsOf(FRONT + "\nQ: Кто вы? {#q}\n\n\u0410: Две анархистки. {#a}\n");
        assertThat(problems).singleElement().satisfies(p -> {
            assertThat(p.line()).isEqualTo(9);
            assertThat(p.message()).contains("'\u0410:'").contains("not the Latin 'Q:' or 'A:'");
            assertThat(p.fix()).contains("Write 'Q:' (Latin Q)").contains("backslash");
        });
    }

    @Test
    void aCyrillicQuestionOrAnswerWordMarkerIsRefusedToo() {
        assertThat(problemsOf(FRONT + "\nВ: Кто вы? {#q}\n")).singleElement().satisfies(p -> assertThat(p.line()).isEqualTo(7));
        assertThat(problemsOf(FRONT + "\nQ: Кто вы? {#q}\n\nО: Мы. {#a}\n")).singleElement().satisfies(p -> assertThat(p.line()).isEqualTo(9));
    }

    @Test
    void aParagraphThatReallyStartsLikeAMarkerIsAcceptedWhenEscaped() {
        ParsedTranslation parsed = parser.parse("t.md", FRONT + "\n\\\u0410: так начинается абзац. {#p}\n");
        assertThat(parsed.blocks()).singleElement().satisfies(b -> {
            assertThat(b.kind()).isEqualTo(BlockKind.PARAGRAPH);
            assertThat(b.markdown()).isEqualTo("\u0410: так начинается абзац.");
        });
    }

    @Test
    void aBlockWithoutKeyIsRefusedWithTheCommandThatAssignsKeys() {
        var problems = problemsOf(FRONT + "\nA paragraph without key.\n");
        assertThat(problems).singleElement().satisfies(p -> {
            assertThat(p.toString()).startsWith("content/en/prova.md:7: This paragraph has no key.");
            assertThat(p.fix()).contains("exec:java@assign-keys");
        });
    }

    @Test
    void aHeadingWithoutKeyIsRefusedRatherThanNamedAfterItsWords() {
        var problems = problemsOf(FRONT + "\n## A heading\n\nText. {#t}\n");
        assertThat(problems).singleElement().satisfies(p -> {
            assertThat(p.line()).isEqualTo(7);
            assertThat(p.message()).isEqualTo("The heading has no key.");
            assertThat(p.fix()).contains("assign-keys");
        });
    }

    @Test
    void aTimelineEventWithoutKeyIsRefusedOnItsLine() {
        var problems = problemsOf(FRONT + "\nText. {#t}\n\n::: timeline\n- 2022-01-05 | Something | t\n:::\n");
        assertThat(problems).singleElement().satisfies(p -> {
            assertThat(p.line()).isEqualTo(10);
            assertThat(p.message()).contains("has no key");
        });
    }

    @Test
    void aFigureWithoutKeyIsRefusedOnItsOpeningLine() {
        var problems = problemsOf(FRONT + "\n::: figure date=2022-01-05\nA caption.\n:::\n");
        assertThat(problems).singleElement().satisfies(p -> {
            assertThat(p.line()).isEqualTo(7);
            assertThat(p.message()).contains("figure has no key");
        });
    }

    @Test
    void anEditorialNoteIsAboutAPassageNamedByItsKey() {
        ParsedTranslation parsed = parser.parse("t.md", FRONT + """
                The source says 2021. {#zhanaozen}

                ::: editorial on=zhanaozen id=ed-zhanaozen
                The shooting was in December **2011**.
                :::
                """);
        assertThat(parsed.blocks()).extracting(ParsedTranslation.Block::kind).containsExactly(BlockKind.PARAGRAPH, BlockKind.EDITORIAL);
        assertThat(parsed.blocks().get(1).annotates()).isEqualTo("zhanaozen");
        assertThat(parsed.blocks().get(1).anchor()).isEqualTo("ed-zhanaozen");
    }

    @Test
    void anEditorialNoteAboutNoPassageIsRefused() {
        var problems = problemsOf(FRONT + "\nText. {#t}\n\n::: editorial on=nowhere id=ed\nA note.\n:::\n");
        assertThat(problems).singleElement().satisfies(p -> {
            assertThat(p.line()).isEqualTo(9);
            assertThat(p.message()).contains("'nowhere', which is not the key of any passage");
        });
        assertThat(problemsOf(FRONT + "\nText. {#t}\n\n::: editorial id=ed\nA note.\n:::\n")).singleElement()
                .satisfies(p -> assertThat(p.fix()).contains("on=<key of the passage>"));
    }

    @Test
    void aWorkFactInATranslationIsRefusedWithItsHome() {
        var problems = problemsOf(FRONT.replace("title: A test", "title: A test\nauthor: Someone") + "\nText. {#t}\n");
        assertThat(problems).singleElement().satisfies(p -> {
            assertThat(p.line()).isEqualTo(5);
            assertThat(p.fix()).contains("content/works/<work>.yml");
        });
    }

    @Test
    void aFileWithoutFrontMatterIsRefusedAtLineOne() {
        assertThat(problemsOf("Just text. {#t}\n")).singleElement().satisfies(p -> {
            assertThat(p.line()).isEqualTo(1);
            assertThat(p.toString()).startsWith("content/en/prova.md:1: The file does not start with front matter.");
        });
    }

    @Test
    void aFootnoteReferenceWithoutNoteNamesItsLineAndTheFix() {
        var problems = problemsOf(FRONT + "\nFirst paragraph. {#a}\n\nSecond,[^5] with a reference. {#b}\n");
        assertThat(problems).singleElement().satisfies(p -> {
            assertThat(p.line()).isEqualTo(9);
            assertThat(p.message()).contains("[^5] has no note");
            assertThat(p.fix()).contains("[^5]: text of the note");
        });
    }

    @Test
    void anUnknownLanguageCodeIsRefusedOnItsLine() {
        var problems = problemsOf(FRONT.replace("language: en", "language: klingon") + "\nText. {#t}\n");
        assertThat(problems).singleElement().satisfies(p -> {
            assertThat(p.line()).isEqualTo(3);
            assertThat(p.message()).contains("Unknown language code 'klingon'");
        });
    }

    @Test
    void aDuplicateKeyNamesBothLinesAndSuggestsTheSplitSyntax() {
        var problems = problemsOf(FRONT + "\nOne. {#same}\n\nTwo. {#same}\n");
        assertThat(problems).singleElement().satisfies(p -> {
            assertThat(p.line()).isEqualTo(9);
            assertThat(p.message()).isEqualTo("The key 'same' is used twice (first at line 7).");
            assertThat(p.fix()).contains("{#same.2}");
        });
    }

    @Test
    void reportsEveryProblemOfAFileAtOnce() {
        var problems = problemsOf("""
                ---
                work: Not A Slug
                language: en
                ---

                A: an answer without question {#a}

                ::: figure date=5-1-2022 id=f
                :::

                ::: timeline
                - someday | Something | nowhere {#e1}
                - 2022-01-05 | Something | nowhere {#e2}
                :::

                [^x]: never cited
                """);
        assertThat(problems).extracting(ContentProblem::line).containsExactlyInAnyOrder(2, 2, 6, 8, 8, 12, 13, 16);
        assertThat(problems).extracting(ContentProblem::message).anyMatch(m -> m.contains("no 'title'"))
                .anyMatch(m -> m.contains("follows no question"))
                .anyMatch(m -> m.contains("never referenced"))
                .anyMatch(m -> m.contains("'nowhere' is not the key of any passage"));
    }

    @Test
    void anUnclosedFigureIsRefusedAtItsOpening() {
        var problems = problemsOf(FRONT + "\n::: figure id=f\nA caption\n");
        assertThat(problems).singleElement().satisfies(p -> {
            assertThat(p.line()).isEqualTo(7);
            assertThat(p.message()).contains("never closed");
        });
    }
}
