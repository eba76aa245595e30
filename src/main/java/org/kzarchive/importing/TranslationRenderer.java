package org.kzarchive.importing;

import org.kzarchive.archive.Addresses;
import org.kzarchive.archive.NoteKind;
import org.kzarchive.archive.RenderedTranslation;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.kzarchive.importing.ParsedTranslation.Block;

/**
 * Renders a parsed translation once: Markdown becomes sanitized HTML and footnote references
 * become numbered links to their notes, each with an id the note links back to.
 */
public class TranslationRenderer {

    // Stands in for a footnote reference while CommonMark and the sanitizer run; plain text to both.
    private static final String MARK = "\u2063";
    private static final Pattern PLACEHOLDER = Pattern.compile(MARK + "FN([^" + MARK + "]+)" + MARK);

    private final MarkdownRenderer markdown;

    public TranslationRenderer(MarkdownRenderer markdown) {
        this.markdown = markdown;
    }

    public RenderedTranslation render(ParsedTranslation parsed) {
        Map<String, ParsedTranslation.Footnote> notes = new HashMap<>();
        parsed.footnotes().forEach(f -> notes.put(f.label(), f));
        Map<String, List<RenderedTranslation.Reference>> references = new HashMap<>();
        List<RenderedTranslation.Section> sections = new ArrayList<>();
        for (ParsedTranslation.Section section : parsed.sections()) {
            List<RenderedTranslation.Block> blocks = new ArrayList<>();
            for (Block block : section.blocks()) {
                String html = markdown.block(placeholders(block.markdown()));
                String plain = MarkdownRenderer.plainText(PLACEHOLDER.matcher(html).replaceAll(""));
                html = linkReferences(html, block.anchor(), notes, references);
                var figure = block.figure();
                blocks.add(new RenderedTranslation.Block(block.anchor(), block.keys(), block.kind(), block.exchange(), html, plain,
                        figure == null ? null : figure.date(), figure == null ? null : figure.credit(),
                        figure == null ? null : figure.image(), block.annotates()));
            }
            String titleHtml = section.title() == null ? null : markdown.inline(section.title());
            String title = titleHtml == null ? null : MarkdownRenderer.plainText(titleHtml);
            sections.add(new RenderedTranslation.Section(section.anchor(), title, titleHtml, blocks));
        }
        List<RenderedTranslation.Footnote> footnotes = parsed.footnotes().stream()
                .map(f -> {
                    String html = markdown.block(f.markdown());
                    return new RenderedTranslation.Footnote(f.position(), f.label(), f.kind(), html, MarkdownRenderer.plainText(html),
                            references.getOrDefault(f.label(), List.of()));
                })
                .toList();
        List<RenderedTranslation.TimelineEvent> timeline = new ArrayList<>();
        for (ParsedTranslation.TimelineEntry t : parsed.timeline()) {
            timeline.add(new RenderedTranslation.TimelineEvent(timeline.size() + 1, t.key(), t.dateStart(), t.dateEnd(), t.label(),
                    t.target(), t.outsideText()));
        }
        return new RenderedTranslation(parsed.metadata(), sections, footnotes, timeline);
    }

    private static String placeholders(String text) {
        return TranslationParser.FOOTNOTE_REFERENCE.matcher(text)
                .replaceAll(m -> Matcher.quoteReplacement(MARK + "FN" + m.group(1) + MARK));
    }

    /** Each reference becomes a link to its note, showing the note's label: the author's notes keep their numbers. */
    private static String linkReferences(String html, String blockAnchor, Map<String, ParsedTranslation.Footnote> notes,
                                         Map<String, List<RenderedTranslation.Reference>> references) {
        return PLACEHOLDER.matcher(html).replaceAll(m -> {
            ParsedTranslation.Footnote note = notes.get(m.group(1));
            if (note == null) { // not one of ours: the invisible mark was typed into the text itself
                return "";
            }
            var list = references.computeIfAbsent(note.label(), n -> new ArrayList<>());
            String id = Addresses.noteReference(note.label(), list.size() + 1);
            list.add(new RenderedTranslation.Reference(id, blockAnchor));
            String kind = note.kind() == NoteKind.TRANSLATOR ? "fnref translator-note" : "fnref";
            return Matcher.quoteReplacement("<sup class=\"" + kind + "\"><a id=\"" + id + "\" href=\"#" + note.anchor()
                    + "\" role=\"doc-noteref\">" + note.label() + "</a></sup>");
        });
    }
}
