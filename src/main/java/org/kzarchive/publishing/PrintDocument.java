package org.kzarchive.publishing;

import java.util.HashSet;
import java.util.Locale;
import java.util.Set;

import org.kzarchive.archive.RenderedTranslation;
import org.kzarchive.reading.Edition;
import org.kzarchive.reading.PartialDates;
import org.kzarchive.system.PublicAddress;

import org.springframework.context.MessageSource;

/**
 * One edition as a single XHTML document for print: title page with credits, contents with page
 * numbers, the text (questions marked, figures with captions and credits), the timeline and the
 * notes, with page numbers in the footer. The page size decides between the A4 edition and the A5
 * pages of the booklet.
 */
final class PrintDocument {

    enum PageSize {
        A4("A4", "25mm 22mm 25mm 22mm", "11pt"),
        A5("A5", "16mm 14mm 18mm 14mm", "9.5pt");

        private final String name;
        private final String margins;
        private final String fontSize;

        PageSize(String name, String margins, String fontSize) {
            this.name = name;
            this.margins = margins;
            this.fontSize = fontSize;
        }
    }

    static final String FONT_FAMILY = "DejaVu Serif";

    private final EditionRevision revision;
    private final Edition edition;
    private final Locale locale;
    private final MessageSource messages;
    private final PublicAddress address;
    private final PassageMarkup markup;
    private final Set<String> anchors = new HashSet<>();

    PrintDocument(EditionRevision revision, MessageSource messages, PublicAddress address) {
        this.revision = revision;
        this.edition = revision.edition();
        this.locale = revision.locale();
        this.messages = messages;
        this.address = address;
        this.markup = new PassageMarkup(address);
        for (var section : edition.sections()) {
            anchors.add(section.anchor());
            section.blocks().forEach(b -> anchors.add(b.anchor()));
        }
        edition.footnotes().forEach(f -> {
            anchors.add(f.anchor());
            f.references().forEach(r -> anchors.add(r.anchor()));
        });
    }

    private String message(String key, Object... arguments) {
        return messages.getMessage(key, arguments, locale);
    }

    private String passage(String html) {
        return markup.adjust(html, anchor -> anchors.contains(anchor) ? "#" + anchor : null, Set.of());
    }

    String xhtml(PageSize size) {
        var metadata = edition.metadata();
        String lang = Xhtml.text(edition.language());
        StringBuilder out = new StringBuilder(256 * 1024);
        out.append("<!DOCTYPE html>\n<html xmlns=\"http://www.w3.org/1999/xhtml\" lang=\"").append(lang)
                .append("\" xml:lang=\"").append(lang).append("\">\n<head>\n<meta charset=\"UTF-8\"/>\n<title>")
                .append(Xhtml.text(metadata.title())).append("</title>\n");
        if (metadata.author() != null) {
            out.append("<meta name=\"author\" content=\"").append(Xhtml.text(metadata.author())).append("\"/>\n");
        }
        if (metadata.subtitle() != null) {
            out.append("<meta name=\"subject\" content=\"").append(Xhtml.text(metadata.subtitle())).append("\"/>\n");
        }
        out.append("<style>\n").append(style(size)).append("</style>\n");
        out.append("<bookmarks>\n");
        for (var section : edition.sections()) {
            if (hasTitle(section)) {
                out.append("<bookmark name=\"").append(Xhtml.text(section.title())).append("\" href=\"#")
                        .append(Xhtml.text(section.anchor())).append("\"/>\n");
            }
        }
        if (!edition.timeline().isEmpty()) {
            out.append("<bookmark name=\"").append(Xhtml.text(message("timeline.title"))).append("\" href=\"#print-timeline\"/>\n");
        }
        if (!edition.footnotes().isEmpty()) {
            out.append("<bookmark name=\"").append(Xhtml.text(message("notes.title"))).append("\" href=\"#print-notes\"/>\n");
        }
        out.append("</bookmarks>\n</head>\n<body>\n");
        titlePage(out);
        contents(out);
        for (var section : edition.sections()) {
            // the anchor is on the heading, so that the contents give the page the heading is printed on
            if (hasTitle(section)) {
                // a titled section starts a page: its heading then never moves after the contents counted its page
                out.append("<div class=\"chapter titled\">\n<h2 id=\"").append(Xhtml.text(section.anchor())).append("\">")
                        .append(Xhtml.text(section.title())).append("</h2>\n");
            } else {
                out.append("<div class=\"chapter\" id=\"").append(Xhtml.text(section.anchor())).append("\">\n");
            }
            for (var block : section.blocks()) {
                block(out, block);
            }
            out.append("</div>\n");
        }
        timeline(out);
        notes(out);
        out.append("</body>\n</html>\n");
        return out.toString();
    }

    private static boolean hasTitle(RenderedTranslation.Section section) {
        return section.title() != null && !section.title().isBlank();
    }

    private void titlePage(StringBuilder out) {
        var metadata = edition.metadata();
        out.append("<div class=\"titlepage\">\n<h1>").append(Xhtml.text(metadata.title())).append("</h1>\n");
        if (metadata.subtitle() != null) {
            out.append("<p class=\"subtitle\">").append(Xhtml.text(metadata.subtitle())).append("</p>\n");
        }
        out.append("<dl class=\"credits\">\n");
        credit(out, "credits.author", metadata.author());
        credit(out, "credits.translator", metadata.translator());
        credit(out, "credits.source", metadata.source());
        credit(out, "credits.published", metadata.published() == null ? null : PartialDates.format(metadata.published(), locale));
        if (metadata.originalUrl() != null && metadata.originalUrl().matches("https?://\\S+")) {
            out.append("<dt>").append(Xhtml.text(message("credits.original"))).append("</dt><dd class=\"address\"><a href=\"")
                    .append(Xhtml.text(metadata.originalUrl())).append("\">").append(Xhtml.text(metadata.originalUrl()))
                    .append("</a></dd>\n");
        }
        out.append("</dl>\n<p class=\"colophon\">")
                .append(Xhtml.text(message("publishing.colophon", message("site.name"), address.absolute(edition.path()),
                        PartialDates.format(revision.day(), locale))))
                .append("</p>\n</div>\n");
    }

    private void credit(StringBuilder out, String key, String value) {
        if (value != null && !value.isBlank()) {
            out.append("<dt>").append(Xhtml.text(message(key))).append("</dt><dd>").append(Xhtml.text(value)).append("</dd>\n");
        }
    }

    private void contents(StringBuilder out) {
        out.append("<div class=\"contents\">\n<h2>").append(Xhtml.text(message("toc.title"))).append("</h2>\n<ul class=\"toc\">\n");
        for (var section : edition.sections()) {
            if (hasTitle(section)) {
                tocEntry(out, section.anchor(), section.title());
            }
        }
        if (!edition.timeline().isEmpty()) {
            tocEntry(out, "print-timeline", message("timeline.title"));
        }
        if (!edition.footnotes().isEmpty()) {
            tocEntry(out, "print-notes", message("notes.title"));
        }
        out.append("</ul>\n</div>\n");
    }

    private static void tocEntry(StringBuilder out, String anchor, String title) {
        out.append("<li><a href=\"#").append(Xhtml.text(anchor)).append("\">").append(Xhtml.text(title)).append("</a></li>\n");
    }

    private void block(StringBuilder out, RenderedTranslation.Block block) {
        String id = Xhtml.text(block.anchor());
        String html = passage(block.html());
        switch (block.kind()) {
            case FIGURE -> {
                out.append("<div class=\"figure\" id=\"").append(id).append("\"><div class=\"caption\">").append(html).append("</div>");
                if (block.figureDate() != null || block.figureCredit() != null) {
                    out.append("<p class=\"figure-meta\">");
                    if (block.figureDate() != null) {
                        out.append(Xhtml.text(PartialDates.format(block.figureDate(), locale)));
                    }
                    if (block.figureCredit() != null) {
                        out.append(block.figureDate() != null ? " · " : "").append(Xhtml.text(message("figure.credit", block.figureCredit())));
                    }
                    out.append("</p>");
                }
                out.append("</div>\n");
            }
            case QUOTATION -> out.append("<blockquote class=\"quotation\" id=\"").append(id).append("\">").append(html).append("</blockquote>\n");
            case QUESTION -> out.append("<div class=\"question\" id=\"").append(id).append("\"><p class=\"speaker\">")
                    .append(Xhtml.text(message("interview.question"))).append("</p>").append(html).append("</div>\n");
            case ANSWER -> out.append("<div class=\"answer\" id=\"").append(id).append("\">").append(html).append("</div>\n");
            case EDITORIAL -> out.append("<div class=\"editorial\" id=\"").append(id).append("\"><p class=\"editorial-label\">")
                    .append(Xhtml.text(message("editorial.label"))).append("</p>").append(html).append("</div>\n");
            default -> out.append("<div class=\"paragraph\" id=\"").append(id).append("\">").append(html).append("</div>\n");
        }
    }

    private void timeline(StringBuilder out) {
        if (edition.timeline().isEmpty()) {
            return;
        }
        out.append("<div class=\"chapter backmatter\" id=\"print-timeline\">\n<h2>").append(Xhtml.text(message("timeline.title")))
                .append("</h2>\n<ul class=\"timeline\">\n");
        for (var event : edition.timeline()) {
            out.append("<li><span class=\"date\">").append(Xhtml.text(PartialDates.format(event.dateStart(), event.dateEnd(), locale)))
                    .append("</span> ");
            if (event.target() != null && anchors.contains(event.target())) {
                out.append("<a href=\"#").append(Xhtml.text(event.target())).append("\">").append(Xhtml.text(event.label())).append("</a>");
            } else {
                out.append(Xhtml.text(event.label()));
            }
            out.append("</li>\n");
        }
        out.append("</ul>\n</div>\n");
    }

    private void notes(StringBuilder out) {
        if (edition.footnotes().isEmpty()) {
            return;
        }
        out.append("<div class=\"chapter backmatter\" id=\"print-notes\">\n<h2>").append(Xhtml.text(message("notes.title")))
                .append("</h2>\n");
        for (var note : edition.footnotes()) {
            out.append("<div class=\"note\" id=\"").append(note.anchor()).append("\"><span class=\"note-number\">");
            if (note.references().isEmpty()) {
                out.append(note.label());
            } else {
                out.append("<a href=\"#").append(Xhtml.text(note.references().getFirst().anchor())).append("\">").append(note.label())
                        .append("</a>");
            }
            out.append(".</span>").append(passage(note.html())).append("</div>\n");
        }
        out.append("</div>\n");
    }

    private static String style(PageSize size) {
        return """
                @page { size: %1$s; margin: %2$s;
                  @bottom-center { content: counter(page); font-family: '%3$s'; font-size: 8pt; } }
                @page :first { @bottom-center { content: none; } }
                html, body, * { font-family: '%3$s'; }
                body { font-size: %4$s; line-height: 1.45; }
                h1 { font-size: 2em; margin: 30%% 0 0.3em 0; line-height: 1.2; }
                h2 { font-size: 1.35em; margin: 1.2em 0 0.6em 0; line-height: 1.25; page-break-after: avoid; }
                .subtitle { font-size: 1.2em; font-style: italic; margin-bottom: 3em; }
                .titlepage { page-break-after: always; }
                .credits dt { font-weight: bold; font-size: 0.85em; }
                .credits dd { margin: 0 0 0.4em 0; }
                .address { font-size: 0.8em; word-wrap: break-word; }
                .colophon { margin-top: 3em; font-size: 0.8em; }
                .contents { page-break-after: always; }
                .toc { list-style: none; padding: 0; }
                .toc li { margin: 0.3em 0; }
                .toc a { color: black; text-decoration: none; }
                .toc a::after { content: leader('.') target-counter(attr(href), page); }
                a { color: #1a3d6d; text-decoration: none; }
                .backmatter, .titled { page-break-before: always; }
                .editorial { margin: 0.8em 0; padding: 0.4em 0.8em; border: 0.75pt solid #8a6d1c; font-size: 0.88em; }
                .editorial-label { font-weight: bold; font-size: 0.85em; margin: 0 0 0.2em 0; }
                .paragraph p, .answer p { margin: 0 0 0.6em 0; text-align: justify; }
                .question { margin-top: 1.1em; font-weight: bold; page-break-after: avoid; }
                .question p { margin: 0 0 0.4em 0; }
                .speaker { margin: 0; }
                .answer { margin-left: 1.2em; }
                .quotation { margin: 0.8em 1.5em; font-style: italic; }
                .figure { margin: 1em 0; padding: 0.5em 0.8em; border-left: 2pt solid #999; font-size: 0.9em; page-break-inside: avoid; }
                .figure p { margin: 0 0 0.3em 0; }
                .figure-meta { color: #444; font-size: 0.9em; }
                sup { font-size: 0.7em; line-height: 0; }
                .timeline { list-style: none; padding: 0; }
                .timeline li { margin: 0 0 0.5em 0; }
                .timeline .date { font-weight: bold; }
                .note { margin: 0 0 0.6em 0; font-size: 0.9em; }
                .note p { margin: 0 0 0.3em 0; }
                .note-number { font-weight: bold; margin-right: 0.4em; }
                """.formatted(size.name, size.margins, FONT_FAMILY, size.fontSize);
    }
}
