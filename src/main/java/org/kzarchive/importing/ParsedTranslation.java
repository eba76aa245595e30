package org.kzarchive.importing;

import java.util.List;

import org.kzarchive.archive.Addresses;
import org.kzarchive.archive.BlockKind;
import org.kzarchive.archive.NoteKind;
import org.kzarchive.archive.TranslationMetadata;

/** The structure of one translation's Markdown file, checked but not yet rendered. */
public record ParsedTranslation(TranslationMetadata metadata, List<Section> sections, List<Footnote> footnotes,
                                List<TimelineEntry> timeline) {

    /** @param anchor the heading's key, also its id on the page */
    public record Section(String anchor, String title, int line, List<Block> blocks) {
    }

    /**
     * @param anchor    the block's id on the page: its key, or {@code key.2} for the second part of a split
     * @param keys      the reference keys this block renders: one, or several when it merges blocks
     * @param exchange  number of the interview question this block belongs to, or null outside the interview
     * @param annotates for an editorial note, the key of the block it is about
     */
    public record Block(String anchor, List<String> keys, BlockKind kind, String markdown, int line, Integer exchange,
                        Figure figure, String annotates) {
    }

    public record Figure(String date, String credit, String image) {
    }

    /**
     * A note, listed in the order of its first reference; its id on the page comes from its label
     * ({@code [^1]} → {@code note-1}), so a translator's note ({@code [^t1]}) never renumbers the author's.
     */
    public record Footnote(int position, String label, NoteKind kind, String markdown, int line) {

        public String anchor() {
            return Addresses.note(label);
        }
    }

    /** @param outsideText the date comes from outside the text (marked as such on the timeline page) */
    public record TimelineEntry(String key, String dateStart, String dateEnd, String label, String target, boolean outsideText,
                                int line) {
    }

    public int count(BlockKind kind) {
        return (int) blocks().stream().filter(b -> b.kind() == kind).count();
    }

    public List<Block> blocks() {
        return sections.stream().flatMap(s -> s.blocks().stream()).toList();
    }
}
