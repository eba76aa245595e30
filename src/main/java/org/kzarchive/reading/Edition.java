package org.kzarchive.reading;

import java.util.List;
import java.util.Objects;
import java.util.Set;
import java.util.stream.Collectors;

import org.kzarchive.archive.Addresses;
import org.kzarchive.archive.BlockKind;
import org.kzarchive.archive.RenderedTranslation;
import org.kzarchive.archive.RenderedTranslation.Block;
import org.kzarchive.archive.RenderedTranslation.Footnote;
import org.kzarchive.archive.TranslationMetadata;

/**
 * Everything a reader's page of one translation shows. Built from the database for the public
 * pages and straight from an editor's Markdown for the preview, so both look exactly alike.
 *
 * @param translationId null for a preview of text not stored yet
 * @param alternates    every published translation of the same work, this one included
 */
public record Edition(Long translationId, long version, TranslationMetadata metadata, RenderedTranslation text,
                      List<Alternate> alternates) {

    /** An interview question and the blocks that answer it. */
    public record Exchange(Block question, List<Block> answer) {
    }

    public record Alternate(String language, String work, String name, boolean current) {

        public String path() {
            return Addresses.edition(language, work);
        }

        /** The same page of this edition: "text", "interview", … */
        public String pagePath(String page) {
            return Addresses.page(language, work, page);
        }
    }

    public String language() {
        return metadata.language();
    }

    public String workSlug() {
        return metadata.work();
    }

    /** The path of the full text, e.g. /it/kazakistan-dopo-la-rivolta */
    public String path() {
        return Addresses.edition(language(), workSlug());
    }

    /** The path of one of the edition's pages: "text", "interview", "timeline", "photos", "notes". */
    public String pagePath(String page) {
        return Addresses.page(language(), workSlug(), page);
    }

    /** A passage of the full text. */
    public String passagePath(String anchor) {
        return Addresses.passage(language(), workSlug(), anchor);
    }

    public List<RenderedTranslation.Section> sections() {
        return text.sections();
    }

    public List<Footnote> footnotes() {
        return text.footnotes();
    }

    public List<RenderedTranslation.TimelineEvent> timeline() {
        return text.timeline().stream()
                .sorted(java.util.Comparator.comparing(RenderedTranslation.TimelineEvent::dateStart)
                        .thenComparing(RenderedTranslation.TimelineEvent::position))
                .toList();
    }

    public List<Block> blocks() {
        return text.sections().stream().flatMap(s -> s.blocks().stream()).toList();
    }

    public List<Block> figures() {
        return blocks().stream().filter(b -> b.kind() == BlockKind.FIGURE).toList();
    }

    public List<Exchange> exchanges() {
        List<Block> withExchange = blocks().stream().filter(b -> b.exchange() != null).toList();
        return withExchange.stream().filter(b -> b.kind() == BlockKind.QUESTION)
                .map(q -> new Exchange(q, withExchange.stream()
                        .filter(b -> b != q && Objects.equals(b.exchange(), q.exchange())).toList()))
                .toList();
    }

    public boolean hasInterview() {
        return blocks().stream().anyMatch(b -> b.kind() == BlockKind.QUESTION);
    }

    /** Notes cited in the interview, for the interview page. */
    public List<Footnote> footnotesOfInterview() {
        Set<String> anchors = blocks().stream().filter(b -> b.exchange() != null).map(Block::anchor).collect(Collectors.toSet());
        return footnotes().stream().filter(f -> f.references().stream().anyMatch(r -> anchors.contains(r.blockAnchor()))).toList();
    }

    /** The first words of the text, for the page description. */
    public String summary() {
        String first = blocks().stream().filter(b -> b.kind() == BlockKind.PARAGRAPH).map(Block::plainText)
                .findFirst().orElse(metadata.title());
        return first.length() <= 200 ? first : first.substring(0, first.lastIndexOf(' ', 197)) + "…";
    }
}
