package org.kzarchive.archive;

import java.util.List;


/** A translation ready to store: structure from the parser, HTML rendered once, notes linked both ways. */
public record RenderedTranslation(TranslationMetadata metadata, List<Section> sections, List<Footnote> footnotes,
                                  List<TimelineEvent> timeline) {

    public record Section(String anchor, String title, String titleHtml, List<Block> blocks) {
    }

    public record Block(String anchor, BlockKind kind, Integer exchange, String html, String plainText,
                        String figureDate, String figureCredit, String figureImage) {
    }

    /** @param references where the note is cited, in order of appearance */
    public record Footnote(int number, String label, String html, String plainText, List<Reference> references) {

        public String anchor() {
            return Addresses.note(String.valueOf(number));
        }
    }

    /** @param anchor the id of the reference mark; @param blockAnchor the block it stands in */
    public record Reference(String anchor, String blockAnchor) {
    }

    /** @param position 1-based place in the file; the event's id on the timeline page is event-{position} */
    public record TimelineEvent(int position, String dateStart, String dateEnd, String label, String target) {

        public String anchor() {
            return Addresses.event(position);
        }
    }
}
