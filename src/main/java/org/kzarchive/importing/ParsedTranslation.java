package org.kzarchive.importing;

import org.kzarchive.archive.TranslationMetadata;
import java.util.List;

import org.kzarchive.archive.Addresses;
import org.kzarchive.archive.BlockKind;

/** The structure of one translation's Markdown file, checked but not yet rendered. */
public record ParsedTranslation(TranslationMetadata metadata, List<Section> sections, List<Footnote> footnotes,
                                List<TimelineEntry> timeline) {

    public record Section(String anchor, String title, int line, List<Block> blocks) {
    }

    /** @param exchange number of the interview question this block belongs to, or null outside the interview */
    public record Block(String anchor, BlockKind kind, String markdown, int line, Integer exchange, Figure figure) {
    }

    public record Figure(String date, String credit, String image) {
    }

    /** A note, numbered in the order of its first reference. */
    public record Footnote(int number, String label, String markdown, int line) {

        public String anchor() {
            return Addresses.note(String.valueOf(number));
        }
    }

    public record TimelineEntry(String dateStart, String dateEnd, String label, String target, int line) {
    }

    public int count(BlockKind kind) {
        return (int) sections.stream().flatMap(s -> s.blocks().stream()).filter(b -> b.kind() == kind).count();
    }
}
