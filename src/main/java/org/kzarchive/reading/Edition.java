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
import org.kzarchive.archive.WorkFacts;

/**
 * Everything a reader's page of one translation shows. Built from the database for the public
 * pages and straight from an editor's Markdown for the preview, so both look exactly alike.
 *
 * @param translationId null for a preview of text not stored yet
 * @param alternates    every published translation of the same work, this one included
 * @param work          the facts of the work: reference edition, first language, author, date
 */
public record Edition(Long translationId, long version, TranslationMetadata metadata, RenderedTranslation text,
                      List<Alternate> alternates, WorkFacts work) {

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

    /**
     * This edition beside another: the full text, or the interview when {@code page} is "interview"
     * (from any other page, the full text).
     */
    public String parallelPath(String other, String page) {
        return Addresses.parallel(language(), workSlug(), other, "interview".equals(page) ? "interview" : Addresses.TEXT);
    }

    /** A passage of this edition beside another. */
    public String parallelPassagePath(String other, String page, String anchor) {
        return parallelPath(other, page) + "#" + anchor;
    }

    /** Every other published edition, for "read beside". */
    public List<Alternate> others() {
        return alternates.stream().filter(a -> !a.current()).toList();
    }

    /** The keys of this edition in reading order: headings and blocks, each block's keys. */
    public List<String> keyOrder() {
        List<String> keys = new java.util.ArrayList<>();
        for (RenderedTranslation.Section section : sections()) {
            if (section.title() != null) {
                keys.add(section.anchor());
            }
            section.blocks().forEach(b -> keys.addAll(b.keys()));
        }
        return keys;
    }

    /** The language this edition was translated from, named in the reader's language; null when not said. */
    public String translatedFromName(java.util.Locale reader) {
        return metadata.translatedFrom() == null ? null : org.kzarchive.archive.Languages.nameIn(metadata.translatedFrom(), reader);
    }

    /** The language the work first appeared in, named in the reader's language; null when not said. */
    public String firstLanguageName(java.util.Locale reader) {
        return work == null || work.firstLanguage() == null ? null : org.kzarchive.archive.Languages.nameIn(work.firstLanguage(), reader);
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
        if (first.length() <= 200) {
            return first;
        }
        // at the last space before 197 characters; a text without spaces (Chinese, Japanese) is cut there
        int cut = first.lastIndexOf(' ', 197);
        if (cut <= 0) {
            cut = Character.isLowSurrogate(first.charAt(197)) ? 196 : 197;
        }
        return first.substring(0, cut) + "…";
    }
}
