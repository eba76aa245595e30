package org.kzarchive.workbench;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.kzarchive.importing.TranslationParser;

/** A translation made elsewhere, without keys, is proposed an alignment against the reference. */
class AlignmentProposalTest {

    private static final Path CONTENT = Path.of("content");
    private final TranslationParser parser = new TranslationParser();

    @Test
    void theEnglishEditionWithItsKeysRemovedIsAlignedAtLeastNinetyFivePercentRight() throws IOException {
        String italian = Files.readString(CONTENT.resolve("it/kazakistan-dopo-la-rivolta.md"));
        String english = Files.readString(CONTENT.resolve("en/kazakistan-dopo-la-rivolta.md"));
        List<SourceUnit> reference = ReferenceUnits.of(parser.parse("it", italian));
        Map<String, String> truth = ReferenceUnits.textsOf(parser.parse("en", english));

        var proposal = AlignmentProposal.propose(reference, PlainSegments.of(withoutKeys(english)));

        long right = proposal.rows().stream()
                .filter(r -> r.text().strip().equals(truth.getOrDefault(r.source().key(), "").strip())).count();
        double share = right / (double) proposal.rows().size();
        System.out.printf("Alignment of the English edition without keys: %d of %d rows right (%.1f%%)%n", right,
                proposal.rows().size(), share * 100);
        assertThat(share).isGreaterThanOrEqualTo(0.95);
        assertThat(proposal.rows()).hasSize(reference.size());
    }

    @Test
    void aMissingParagraphIsLeftEmptyAndTheRestStillLinesUp() throws IOException {
        String italian = Files.readString(CONTENT.resolve("it/kazakistan-dopo-la-rivolta.md"));
        String english = Files.readString(CONTENT.resolve("en/kazakistan-dopo-la-rivolta.md"));
        List<SourceUnit> reference = ReferenceUnits.of(parser.parse("it", italian));
        Map<String, String> truth = ReferenceUnits.textsOf(parser.parse("en", english));
        String dropped = truth.get("prigione-delle-nazioni-3");

        var proposal = AlignmentProposal.propose(reference, PlainSegments.of(withoutKeys(english).replace(dropped + "\n\n", "")));

        var rows = proposal.rows().stream().collect(java.util.stream.Collectors.toMap(r -> r.source().key(), r -> r));
        assertThat(rows.get("prigione-delle-nazioni-4").text()).isEqualTo(truth.get("prigione-delle-nazioni-4"));
        assertThat(rows.get("prigione-delle-nazioni-2").text()).isEqualTo(truth.get("prigione-delle-nazioni-2"));
    }

    @Test
    void theTextOfAPassageIsCutIntoKindsByItsMarkdown() {
        var segments = PlainSegments.of("""
                ## A heading {#old-key}

                Q: A question?

                A: An answer.

                > A quotation
                > on two lines.

                ::: figure date=2022-01-05
                A caption.
                :::

                [^1]: A note.
                """);

        assertThat(segments).extracting(PlainSegments.Segment::kind).containsExactly(UnitKind.HEADING, UnitKind.QUESTION,
                UnitKind.ANSWER, UnitKind.QUOTATION, UnitKind.FIGURE, UnitKind.NOTE);
        assertThat(segments.get(0).text()).isEqualTo("A heading");
        assertThat(segments.get(3).text()).isEqualTo("A quotation\non two lines.");
        assertThat(segments.get(5).label()).isEqualTo("1");
    }

    static String withoutKeys(String markdown) {
        return markdown.replaceAll("\\s*\\{#[^}]*}", "").replaceAll(" id=[^\\s]+", "");
    }
}
