package org.kzarchive.reading;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;

import org.junit.jupiter.api.Test;
import org.kzarchive.archive.BlockKind;
import org.kzarchive.archive.NoteKind;
import org.kzarchive.archive.RenderedTranslation;
import org.kzarchive.archive.TranslationMetadata;
import org.kzarchive.archive.WorkFacts;

class ParallelReadingTest {

    private static final WorkFacts WORK = new WorkFacts("w", "it", "it", null, null, null);

    private static RenderedTranslation.Block block(String anchor, String... keys) {
        return new RenderedTranslation.Block(anchor, List.of(keys), BlockKind.PARAGRAPH, null, "<p>" + anchor + "</p>", anchor,
                null, null, null, null);
    }

    private static Edition edition(String language, List<RenderedTranslation.Block> blocks, List<RenderedTranslation.Footnote> notes) {
        var meta = new TranslationMetadata("w", language, "T", null, null, null, null, null, null, null);
        var text = new RenderedTranslation(meta, List.of(new RenderedTranslation.Section("apertura", null, null, blocks)), notes, List.of());
        return new Edition(1L, 1, meta, text, List.of(), WORK);
    }

    private static final Edition ITALIAN = edition("it", List.of(block("a", "a"), block("b", "b"), block("c", "c"), block("d", "d")),
            List.of(new RenderedTranslation.Footnote(1, "1", NoteKind.AUTHOR, "<p>n</p>", "n", List.of())));

    @Test
    void aSplitBlockStandsInOneRowWithTheBlockItSplits() {
        Edition english = edition("en", List.of(block("a", "a"), block("b", "b"), block("b.2", "b"), block("c", "c"), block("d", "d")),
                List.of());
        var reading = ParallelReading.of(ITALIAN, english, "text", List.of("a", "b", "c", "d"));
        assertThat(reading.rows()).extracting(ParallelReading.Row::key).containsExactly("a", "b", "c", "d");
        assertThat(reading.rows().get(1).right()).extracting(ParallelReading.Item::anchor).containsExactly("b", "b.2");
        assertThat(reading.rows().get(1).left()).extracting(ParallelReading.Item::anchor).containsExactly("b");
    }

    @Test
    void aMergedBlockStandsInOneRowWithTheBlocksItMerges() {
        Edition english = edition("en", List.of(block("a", "a"), block("b", "b", "c"), block("d", "d")), List.of());
        var reading = ParallelReading.of(ITALIAN, english, "text", List.of("a", "b", "c", "d"));
        assertThat(reading.rows()).extracting(ParallelReading.Row::key).containsExactly("a", "b", "d");
        assertThat(reading.rows().get(1).left()).extracting(ParallelReading.Item::anchor).containsExactly("b", "c");
        assertThat(reading.rows().get(1).right()).extracting(ParallelReading.Item::anchor).containsExactly("b");
    }

    @Test
    void aPassageOneEditionLacksGetsARowWithThatSideEmpty() {
        Edition english = edition("en", List.of(block("a", "a"), block("c", "c"), block("d", "d")), List.of());
        var reading = ParallelReading.of(ITALIAN, english, "text", List.of("a", "b", "c", "d"));
        assertThat(reading.rows()).extracting(ParallelReading.Row::key).containsExactly("a", "b", "c", "d");
        assertThat(reading.rows().get(1).right()).isEmpty();
        assertThat(reading.missingOnTheRight()).isEqualTo(1);
        assertThat(reading.missingOnTheLeft()).isZero();
    }

    @Test
    void rowsFollowTheReferenceOrderEvenWhenNeitherSideIsTheReference() {
        Edition english = edition("en", List.of(block("b", "b"), block("a", "a")), List.of());
        Edition russian = edition("ru", List.of(block("a", "a"), block("b", "b")), List.of());
        var reading = ParallelReading.of(english, russian, "text", List.of("a", "b"));
        assertThat(reading.rows()).extracting(ParallelReading.Row::key).containsExactly("a", "b");
    }

    @Test
    void aTranslatorsNoteStandsAloneAndTheAuthorsNotesPairByLabel() {
        Edition english = edition("en", List.of(block("a", "a"), block("b", "b"), block("c", "c"), block("d", "d")),
                List.of(new RenderedTranslation.Footnote(1, "t1", NoteKind.TRANSLATOR, "<p>t</p>", "t", List.of()),
                        new RenderedTranslation.Footnote(2, "1", NoteKind.AUTHOR, "<p>n</p>", "n", List.of())));
        var reading = ParallelReading.of(ITALIAN, english, "text", List.of("a", "b", "c", "d"));
        assertThat(reading.notes()).extracting(ParallelReading.NoteRow::label).containsExactly("1", "t1");
        assertThat(reading.notes().get(0).right().anchor()).isEqualTo("note-1");
        assertThat(reading.notes().get(1).left()).isNull();
    }

    @Test
    void referenceMarksLoseTheirIdsAndLinkToTheNoteOnTheirEditionsPage() {
        var marked = new RenderedTranslation.Block("a", List.of("a"), BlockKind.PARAGRAPH, null,
                "<p>x<sup class=\"fnref\"><a id=\"ref-1\" href=\"#note-1\" role=\"doc-noteref\">1</a></sup></p>", "x", null, null, null, null);
        Edition english = edition("en", List.of(marked), List.of());
        var reading = ParallelReading.of(ITALIAN, english, "text", List.of("a", "b", "c", "d"));
        assertThat(reading.rows().get(0).right().get(0).html()).contains("<a href=\"/en/w#note-1\" role=\"doc-noteref\">1</a>")
                .doesNotContain("id=");
    }
}
