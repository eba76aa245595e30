package org.kzarchive.reading;

import java.util.List;
import java.util.Objects;
import java.util.Optional;

import org.kzarchive.archive.Block;
import org.kzarchive.archive.BlockKind;
import org.kzarchive.archive.Footnote;
import org.kzarchive.archive.Section;
import org.kzarchive.archive.TimelineEvent;
import org.kzarchive.archive.Translation;

/**
 * Everything a reader's page of one translation shows, loaded in a handful of queries.
 *
 * @param alternates every published translation of the same work, this one included
 */
public record Edition(Translation translation, List<Chapter> chapters, List<Footnote> footnotes,
                      List<TimelineEvent> timeline, List<Alternate> alternates) {

    public record Chapter(Section section, List<Block> blocks) {
    }

    /** An interview question and the blocks that answer it. */
    public record Exchange(Block question, List<Block> answer) {
    }

    public record Alternate(String language, String name, String path, boolean current) {
    }

    public String language() {
        return translation.getLanguage();
    }

    public String workSlug() {
        return translation.getWork().getSlug();
    }

    /** The path of the full text, e.g. /it/kazakistan-dopo-la-rivolta */
    public String path() {
        return "/" + language() + "/" + workSlug();
    }

    public List<Block> blocks() {
        return chapters.stream().flatMap(c -> c.blocks().stream()).toList();
    }

    public List<Block> figures() {
        return blocks().stream().filter(b -> b.getKind() == BlockKind.FIGURE).toList();
    }

    public List<Exchange> exchanges() {
        List<Block> withExchange = blocks().stream().filter(b -> b.getExchange() != null).toList();
        return withExchange.stream().filter(b -> b.getKind() == BlockKind.QUESTION)
                .map(q -> new Exchange(q, withExchange.stream()
                        .filter(b -> b != q && Objects.equals(b.getExchange(), q.getExchange())).toList()))
                .toList();
    }

    public boolean hasInterview() {
        return blocks().stream().anyMatch(b -> b.getKind() == BlockKind.QUESTION);
    }

    /** Notes cited by the given blocks, for pages that show part of the text. */
    public List<Footnote> footnotesCitedIn(List<Block> blocks) {
        var anchors = blocks.stream().map(Block::getAnchor).toList();
        return footnotes.stream().filter(f -> f.getReferences().stream().anyMatch(r -> anchors.contains(r.getBlockAnchor()))).toList();
    }

    /** The first words of the text, for the page description. */
    public String summary() {
        Optional<String> first = blocks().stream().filter(b -> b.getKind() == BlockKind.PARAGRAPH)
                .map(Block::getPlainText).findFirst();
        String text = first.orElse(translation.getTitle());
        return text.length() <= 200 ? text : text.substring(0, text.lastIndexOf(' ', 197)) + "…";
    }

    public List<Alternate> otherLanguages() {
        return alternates.stream().filter(a -> !a.current()).toList();
    }
}
