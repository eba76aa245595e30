package org.kzarchive.importing;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;

import org.junit.jupiter.api.Test;
import org.kzarchive.archive.BlockKind;

/** The counts below were taken by hand from ../shared/seed/000_c83b2286781d2e2e.txt. */
class ItalianSeedContentTest {

    private final ParsedTranslation parsed = parse();

    private static ParsedTranslation parse() {
        try {
            Path file = Path.of("content/it/kazakistan-dopo-la-rivolta.md");
            return new TranslationParser().parse(file.toString(), Files.readString(file));
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }

    @Test
    void hasTheOpeningAndSixHeadedSections() {
        assertThat(parsed.sections()).extracting(ParsedTranslation.Section::title).containsExactly(
                null,
                "La prigione delle nazioni",
                "“Wahhabiti, terroristi, manifestanti”: Disinformazione sulla rivolta",
                "Una primavera in ritardo da trent’anni",
                "Da Zhanaozen ad Almaty: Ricordando i morti",
                "Intervista: Testimonianza oculare di anarchici ad Almaty.",
                "Further Reading");
    }

    @Test
    void hasEightInterviewQuestionsEachAnswered() {
        assertThat(parsed.count(BlockKind.QUESTION)).isEqualTo(8);
        var answered = parsed.sections().stream().flatMap(s -> s.blocks().stream())
                .filter(b -> b.kind() == BlockKind.ANSWER).map(ParsedTranslation.Block::exchange).distinct().toList();
        assertThat(answered).containsExactly(1, 2, 3, 4, 5, 6, 7, 8);
    }

    @Test
    void hasSixteenFiguresThreeCreditedToZhanabergenTalgat() {
        assertThat(parsed.count(BlockKind.FIGURE)).isEqualTo(16);
        assertThat(parsed.sections().stream().flatMap(s -> s.blocks().stream())
                .filter(b -> b.figure() != null && "Zhanabergen Talgat".equals(b.figure().credit()))).hasSize(3);
    }

    @Test
    void hasFourFootnotesInOrderOfCitation() {
        assertThat(parsed.footnotes()).extracting(ParsedTranslation.Footnote::anchor).containsExactly("note-1", "note-2", "note-3", "note-4");
        assertThat(parsed.footnotes().get(0).markdown()).startsWith("Dal 17 al 19 dicembre 1986");
        assertThat(parsed.footnotes().get(3).markdown()).isEqualTo("Questo articolo dai media parla di questo argomento, anche se è di parte.");
    }

    @Test
    void hasATimelineFromDecember1986ToTenJanuary2022() {
        assertThat(parsed.timeline()).hasSize(27);
        assertThat(parsed.timeline().get(0).dateStart()).isEqualTo("1986-12-17");
        assertThat(parsed.timeline()).extracting(ParsedTranslation.TimelineEntry::dateStart)
                .contains("2011-12", "2016-06", "2019-04-21", "2022-01-01", "2022-01-04", "2022-01-05", "2022-01-06",
                        "2022-01-07", "2022-01-09", "2022-01-10");
    }

    @Test
    void marksThirtyOneQuotations() {
        assertThat(parsed.count(BlockKind.QUOTATION)).isEqualTo(31);
    }
}
