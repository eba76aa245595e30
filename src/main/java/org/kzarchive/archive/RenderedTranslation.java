package org.kzarchive.archive;

import java.util.List;

/** A translation ready to store or show: structure from the parser, HTML rendered once, notes linked both ways. */
public record RenderedTranslation(TranslationMetadata metadata, List<Section> sections, List<Footnote> footnotes,
                                  List<TimelineEvent> timeline) {

    /** @param anchor the heading's key */
    public record Section(String anchor, String title, String titleHtml, List<Block> blocks) {
    }

    /**
     * @param anchor    the block's id on the page: its key, or key.2 for the second part of a split block
     * @param keys      the reference keys the block renders (several when it merges blocks)
     * @param annotates for an editorial note, the key of the passage it is about
     */
    public record Block(String anchor, List<String> keys, BlockKind kind, Integer exchange, String html, String plainText,
                        String figureDate, String figureCredit, String figureImage, String annotates) {

        /** Keys this block renders besides its anchor: each gets an id of its own on the page, so links to it keep working. */
        public List<String> aliases() {
            return keys.stream().filter(k -> !k.equals(anchor)).toList();
        }
    }

    /**
     * @param position   the note's place in the list (order of first citation)
     * @param label      as written: [^1] → "1", [^t1] → "t1"
     * @param references where the note is cited, in order of appearance
     */
    public record Footnote(int position, String label, NoteKind kind, String html, String plainText, List<Reference> references) {

        public String anchor() {
            return Addresses.note(label);
        }

        public boolean isTranslators() {
            return kind == NoteKind.TRANSLATOR;
        }
    }

    /** @param anchor the id of the reference mark; @param blockAnchor the block it stands in */
    public record Reference(String anchor, String blockAnchor) {
    }

    /**
     * @param position    1-based place in the file
     * @param key         the event's key, also its id on the timeline page
     * @param outsideText the date comes from outside the text
     */
    public record TimelineEvent(int position, String key, String dateStart, String dateEnd, String label, String target,
                                boolean outsideText) {

        public String anchor() {
            return key;
        }
    }
}
