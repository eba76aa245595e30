package org.kzarchive.publishing;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.time.temporal.ChronoUnit;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.zip.CRC32;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;

import org.kzarchive.archive.RenderedTranslation;
import org.kzarchive.reading.Edition;
import org.kzarchive.reading.PartialDates;
import org.kzarchive.system.PublicAddress;

import org.springframework.context.MessageSource;
import org.springframework.stereotype.Component;

/**
 * Writes an edition as an EPUB 3 book: a title page with credits and colophon, the navigation
 * document, the text (the interview's questions marked, figures with captions and credits), the
 * timeline and the notes as EPUB footnotes linked both ways. The same revision always gives the
 * same bytes: entries are written in a fixed order with the revision's time as their only date.
 */
@Component
class EpubWriter {

    private static final String TEXT = "text.xhtml";
    private static final String NOTES = "notes.xhtml";
    private static final String TIMELINE = "timeline.xhtml";
    private static final String TITLE = "title.xhtml";
    private static final String NAV = "nav.xhtml";

    private final PublicAddress address;
    private final MessageSource messages;
    private final PassageMarkup markup;

    EpubWriter(PublicAddress address, MessageSource messages) {
        this.address = address;
        this.messages = messages;
        this.markup = new PassageMarkup(address);
    }

    /** A stable identifier of the edition, the same for all its revisions. */
    static String identifier(String language, String work) {
        return "urn:uuid:" + UUID.nameUUIDFromBytes(("kzarchive:edition:" + language + "/" + work).getBytes(StandardCharsets.UTF_8));
    }

    byte[] write(EditionRevision revision) {
        Book book = new Book(revision);
        Map<String, String> files = new LinkedHashMap<>();
        files.put("META-INF/container.xml", """
                <?xml version="1.0" encoding="UTF-8"?>
                <container version="1.0" xmlns="urn:oasis:names:tc:opendocument:xmlns:container">
                  <rootfiles>
                    <rootfile full-path="EPUB/package.opf" media-type="application/oebps-package+xml"/>
                  </rootfiles>
                </container>
                """);
        files.put("EPUB/package.opf", book.packageDocument());
        files.put("EPUB/" + NAV, book.navigation());
        files.put("EPUB/" + TITLE, book.titlePage());
        files.put("EPUB/" + TEXT, book.text());
        if (book.hasTimeline()) {
            files.put("EPUB/" + TIMELINE, book.timeline());
        }
        if (book.hasNotes()) {
            files.put("EPUB/" + NOTES, book.notes());
        }
        files.put("EPUB/style.css", STYLE);
        return zip(files, revision.updatedAt().toEpochMilli());
    }

    private static byte[] zip(Map<String, String> files, long time) {
        var bytes = new ByteArrayOutputStream(64 * 1024);
        try (var zip = new ZipOutputStream(bytes, StandardCharsets.UTF_8)) {
            // the mimetype comes first and uncompressed, so that tools recognise the file by its start
            byte[] mimetype = "application/epub+zip".getBytes(StandardCharsets.US_ASCII);
            ZipEntry first = new ZipEntry("mimetype");
            first.setMethod(ZipEntry.STORED);
            first.setSize(mimetype.length);
            CRC32 crc = new CRC32();
            crc.update(mimetype);
            first.setCrc(crc.getValue());
            first.setTime(time);
            zip.putNextEntry(first);
            zip.write(mimetype);
            zip.closeEntry();
            for (var file : files.entrySet()) {
                ZipEntry entry = new ZipEntry(file.getKey());
                entry.setTime(time);
                zip.putNextEntry(entry);
                zip.write(file.getValue().getBytes(StandardCharsets.UTF_8));
                zip.closeEntry();
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return bytes.toByteArray();
    }

    /** The documents of one revision. */
    private final class Book {

        private final EditionRevision revision;
        private final Edition edition;
        private final Locale locale;
        private final Set<String> textAnchors = new HashSet<>();
        private final Set<String> noteAnchors = new HashSet<>();

        Book(EditionRevision revision) {
            this.revision = revision;
            this.edition = revision.edition();
            this.locale = revision.locale();
            for (var section : edition.sections()) {
                textAnchors.add(section.anchor());
                section.blocks().forEach(b -> textAnchors.add(b.anchor()));
            }
            edition.footnotes().forEach(f -> {
                noteAnchors.add(f.anchor());
                f.references().forEach(r -> textAnchors.add(r.anchor()));
            });
        }

        boolean hasNotes() {
            return !edition.footnotes().isEmpty();
        }

        boolean hasTimeline() {
            return !edition.timeline().isEmpty();
        }

        private String message(String key, Object... arguments) {
            return messages.getMessage(key, arguments, locale);
        }

        /** Where the book keeps an anchor of the text, seen from a document of the book. */
        private String target(String anchor) {
            if (noteAnchors.contains(anchor)) {
                return NOTES + "#" + anchor;
            }
            return textAnchors.contains(anchor) ? TEXT + "#" + anchor : null;
        }

        private String passage(String html) {
            return markup.adjust(html, this::target, Set.of("epub:type"));
        }

        private String document(String title, String type, String body) {
            String lang = Xhtml.text(edition.language());
            return """
                    <?xml version="1.0" encoding="UTF-8"?>
                    <!DOCTYPE html>
                    <html xmlns="http://www.w3.org/1999/xhtml" xmlns:epub="http://www.idpf.org/2007/ops" xml:lang="%s" lang="%s">
                    <head>
                    <meta charset="UTF-8"/>
                    <title>%s</title>
                    <link rel="stylesheet" type="text/css" href="style.css"/>
                    </head>
                    <body epub:type="%s">
                    %s
                    </body>
                    </html>
                    """.formatted(lang, lang, Xhtml.text(title), type, body);
        }

        String packageDocument() {
            var metadata = edition.metadata();
            String modified = revision.updatedAt().truncatedTo(ChronoUnit.SECONDS).atOffset(ZoneOffset.UTC)
                    .format(DateTimeFormatter.ISO_OFFSET_DATE_TIME).replace("+00:00", "Z");
            StringBuilder meta = new StringBuilder();
            meta.append("<dc:identifier id=\"id\">").append(Xhtml.text(identifier(edition.language(), edition.workSlug())))
                    .append("</dc:identifier>\n");
            meta.append("<dc:title id=\"title\">").append(Xhtml.text(metadata.title())).append("</dc:title>\n");
            meta.append("<meta refines=\"#title\" property=\"title-type\">main</meta>\n");
            if (metadata.subtitle() != null) {
                meta.append("<dc:title id=\"subtitle\">").append(Xhtml.text(metadata.subtitle())).append("</dc:title>\n");
                meta.append("<meta refines=\"#subtitle\" property=\"title-type\">subtitle</meta>\n");
            }
            meta.append("<dc:language>").append(Xhtml.text(edition.language())).append("</dc:language>\n");
            if (metadata.author() != null) {
                meta.append("<dc:creator id=\"author\">").append(Xhtml.text(metadata.author())).append("</dc:creator>\n");
                meta.append("<meta refines=\"#author\" property=\"role\" scheme=\"marc:relators\">aut</meta>\n");
            }
            if (metadata.translator() != null) {
                meta.append("<dc:contributor id=\"translator\">").append(Xhtml.text(metadata.translator())).append("</dc:contributor>\n");
                meta.append("<meta refines=\"#translator\" property=\"role\" scheme=\"marc:relators\">trl</meta>\n");
            }
            if (metadata.published() != null && metadata.published().matches("\\d{4}(-\\d{2}(-\\d{2})?)?")) {
                meta.append("<dc:date>").append(metadata.published()).append("</dc:date>\n");
            }
            if (metadata.originalUrl() != null && metadata.originalUrl().matches("https?://\\S+")) {
                meta.append("<dc:source>").append(Xhtml.text(metadata.originalUrl())).append("</dc:source>\n");
            } else if (metadata.source() != null) {
                meta.append("<dc:source>").append(Xhtml.text(metadata.source())).append("</dc:source>\n");
            }
            if (metadata.source() != null) {
                meta.append("<dc:description>").append(Xhtml.text(metadata.source())).append("</dc:description>\n");
            }
            meta.append("<dc:publisher>").append(Xhtml.text(message("site.name"))).append("</dc:publisher>\n");
            meta.append("<dc:relation>").append(Xhtml.text(address.absolute(edition.path()))).append("</dc:relation>\n");
            meta.append("<meta property=\"dcterms:modified\">").append(modified).append("</meta>\n");

            StringBuilder manifest = new StringBuilder();
            StringBuilder spine = new StringBuilder();
            manifest.append("<item id=\"nav\" href=\"").append(NAV).append("\" media-type=\"application/xhtml+xml\" properties=\"nav\"/>\n");
            manifest.append("<item id=\"style\" href=\"style.css\" media-type=\"text/css\"/>\n");
            for (String[] document : spineDocuments()) {
                manifest.append("<item id=\"").append(document[0]).append("\" href=\"").append(document[1])
                        .append("\" media-type=\"application/xhtml+xml\"/>\n");
                spine.append("<itemref idref=\"").append(document[0]).append("\"/>\n");
            }
            String lang = Xhtml.text(edition.language());
            return """
                    <?xml version="1.0" encoding="UTF-8"?>
                    <package xmlns="http://www.idpf.org/2007/opf" version="3.0" unique-identifier="id" xml:lang="%s">
                    <metadata xmlns:dc="http://purl.org/dc/elements/1.1/">
                    %s</metadata>
                    <manifest>
                    %s</manifest>
                    <spine>
                    %s</spine>
                    </package>
                    """.formatted(lang, meta, manifest, spine);
        }

        private List<String[]> spineDocuments() {
            List<String[]> documents = new java.util.ArrayList<>();
            documents.add(new String[] {"titlepage", TITLE});
            documents.add(new String[] {"text", TEXT});
            if (hasTimeline()) {
                documents.add(new String[] {"timeline", TIMELINE});
            }
            if (hasNotes()) {
                documents.add(new String[] {"notes", NOTES});
            }
            return documents;
        }

        String navigation() {
            StringBuilder toc = new StringBuilder();
            toc.append("<li><a href=\"").append(TITLE).append("\">").append(Xhtml.text(edition.metadata().title())).append("</a></li>\n");
            boolean first = true;
            for (var section : edition.sections()) {
                if (section.title() != null && !section.title().isBlank()) {
                    toc.append("<li><a href=\"").append(TEXT).append('#').append(Xhtml.text(section.anchor())).append("\">")
                            .append(Xhtml.text(section.title())).append("</a></li>\n");
                } else if (first) {
                    toc.append("<li><a href=\"").append(TEXT).append("\">").append(Xhtml.text(message("publishing.opening")))
                            .append("</a></li>\n");
                }
                first = false;
            }
            if (hasTimeline()) {
                toc.append("<li><a href=\"").append(TIMELINE).append("\">").append(Xhtml.text(message("timeline.title"))).append("</a></li>\n");
            }
            if (hasNotes()) {
                toc.append("<li><a href=\"").append(NOTES).append("\">").append(Xhtml.text(message("notes.title"))).append("</a></li>\n");
            }
            String body = """
                    <nav epub:type="toc" id="toc" role="doc-toc">
                    <h1>%s</h1>
                    <ol>
                    %s</ol>
                    </nav>
                    <nav epub:type="landmarks" id="landmarks" hidden="hidden">
                    <ol>
                    <li><a epub:type="titlepage" href="%s">%s</a></li>
                    <li><a epub:type="bodymatter" href="%s">%s</a></li>
                    </ol>
                    </nav>""".formatted(Xhtml.text(message("toc.title")), toc, TITLE, Xhtml.text(edition.metadata().title()),
                    TEXT, Xhtml.text(message("nav.text")));
            return document(message("toc.title"), "frontmatter", body);
        }

        String titlePage() {
            var metadata = edition.metadata();
            StringBuilder body = new StringBuilder("<section epub:type=\"titlepage\" class=\"titlepage\">\n");
            body.append("<h1>").append(Xhtml.text(metadata.title())).append("</h1>\n");
            if (metadata.subtitle() != null) {
                body.append("<p class=\"subtitle\">").append(Xhtml.text(metadata.subtitle())).append("</p>\n");
            }
            body.append("<dl class=\"credits\">\n");
            credit(body, "credits.author", metadata.author());
            credit(body, "credits.translator", metadata.translator());
            credit(body, "credits.source", metadata.source());
            credit(body, "credits.published", metadata.published() == null ? null : PartialDates.format(metadata.published(), locale));
            if (metadata.originalUrl() != null && metadata.originalUrl().matches("https?://\\S+")) {
                body.append("<dt>").append(Xhtml.text(message("credits.original"))).append("</dt><dd><a href=\"")
                        .append(Xhtml.text(metadata.originalUrl())).append("\">").append(Xhtml.text(metadata.originalUrl()))
                        .append("</a></dd>\n");
            }
            body.append("</dl>\n</section>\n");
            body.append("<section epub:type=\"colophon\" class=\"colophon\">\n<p>")
                    .append(Xhtml.text(message("publishing.colophon", message("site.name"), address.absolute(edition.path()),
                            PartialDates.format(revision.day(), locale))))
                    .append("</p>\n<p>").append(Xhtml.text(message("site.footer"))).append("</p>\n</section>");
            return document(metadata.title(), "frontmatter", body.toString());
        }

        private void credit(StringBuilder body, String key, String value) {
            if (value != null && !value.isBlank()) {
                body.append("<dt>").append(Xhtml.text(message(key))).append("</dt><dd>").append(Xhtml.text(value)).append("</dd>\n");
            }
        }

        String text() {
            StringBuilder body = new StringBuilder();
            for (var section : edition.sections()) {
                body.append("<section epub:type=\"chapter\" id=\"").append(Xhtml.text(section.anchor())).append("\">\n");
                if (section.title() != null && !section.title().isBlank()) {
                    body.append("<h2>").append(Xhtml.text(section.title())).append("</h2>\n");
                }
                for (var block : section.blocks()) {
                    body.append(block(block)).append('\n');
                }
                body.append("</section>\n");
            }
            return document(edition.metadata().title(), "bodymatter", body.toString());
        }

        private String block(RenderedTranslation.Block block) {
            String id = Xhtml.text(block.anchor());
            String html = passage(block.html());
            return switch (block.kind()) {
                case FIGURE -> {
                    StringBuilder figure = new StringBuilder("<figure class=\"figure\" id=\"" + id + "\"><figcaption><div>" + html + "</div>");
                    if (block.figureDate() != null || block.figureCredit() != null) {
                        figure.append("<p class=\"figure-meta\">");
                        if (block.figureDate() != null) {
                            figure.append(Xhtml.text(PartialDates.format(block.figureDate(), locale)));
                        }
                        if (block.figureCredit() != null) {
                            figure.append(block.figureDate() != null ? " · " : "")
                                    .append(Xhtml.text(message("figure.credit", block.figureCredit())));
                        }
                        figure.append("</p>");
                    }
                    yield figure.append("</figcaption></figure>").toString();
                }
                case QUOTATION -> "<blockquote class=\"quotation\" id=\"" + id + "\">" + html + "</blockquote>";
                case QUESTION -> "<div class=\"question\" id=\"" + id + "\"><p class=\"speaker\">"
                        + Xhtml.text(message("interview.question")) + "</p>" + html + "</div>";
                case ANSWER -> "<div class=\"answer\" id=\"" + id + "\">" + html + "</div>";
                // the archive's note, not the author's: labelled as such
                case EDITORIAL -> "<aside class=\"editorial\" id=\"" + id + "\"><p class=\"editorial-label\">"
                        + Xhtml.text(message("editorial.label")) + "</p>" + html + "</aside>";
                default -> "<div class=\"paragraph\" id=\"" + id + "\">" + html + "</div>";
            };
        }

        String timeline() {
            StringBuilder body = new StringBuilder("<section epub:type=\"chapter\">\n<h1>")
                    .append(Xhtml.text(message("timeline.title"))).append("</h1>\n<ol class=\"timeline\">\n");
            for (var event : edition.timeline()) {
                String target = event.target() == null ? null : target(event.target());
                body.append("<li><p><span class=\"date\">")
                        .append(Xhtml.text(PartialDates.format(event.dateStart(), event.dateEnd(), locale))).append("</span> ");
                if (target != null) {
                    body.append("<a href=\"").append(Xhtml.text(target)).append("\">").append(Xhtml.text(event.label())).append("</a>");
                } else {
                    body.append(Xhtml.text(event.label()));
                }
                body.append("</p></li>\n");
            }
            body.append("</ol>\n</section>");
            return document(message("timeline.title"), "backmatter", body.toString());
        }

        String notes() {
            StringBuilder body = new StringBuilder("<section epub:type=\"endnotes\">\n<h1>")
                    .append(Xhtml.text(message("notes.title"))).append("</h1>\n");
            for (var note : edition.footnotes()) {
                body.append("<aside epub:type=\"footnote\" role=\"doc-footnote\" id=\"").append(note.anchor()).append("\">\n")
                        .append("<p class=\"note-number\">").append(note.label()).append(".</p>\n")
                        .append("<div>").append(passage(note.html())).append("</div>\n<p class=\"backrefs\">");
                int count = 0;
                for (var reference : note.references()) {
                    count++;
                    body.append("<a role=\"doc-backlink\" href=\"").append(TEXT).append('#').append(Xhtml.text(reference.anchor()))
                            .append("\" title=\"").append(Xhtml.text(message("notes.back", note.label()))).append("\">")
                            .append(note.references().size() > 1 ? "↩ " + count : "↩").append("</a> ");
                }
                body.append("</p>\n</aside>\n");
            }
            body.append("</section>");
            return document(message("notes.title"), "backmatter", body.toString());
        }
    }

    private static final String STYLE = """
            body { font-family: serif; line-height: 1.5; margin: 0 5%; }
            h1, h2 { line-height: 1.2; }
            .subtitle { font-style: italic; }
            .credits dt { font-weight: bold; }
            .credits dd { margin: 0 0 0.5em 0; }
            .question { font-weight: bold; margin-top: 1.5em; }
            .question .speaker, .speaker { font-weight: bold; margin-bottom: 0; }
            .answer { margin-left: 1.5em; }
            .quotation { margin: 1em 1.5em; font-style: italic; }
            .editorial { margin: 1em 0; padding: 0.4em 0.8em; border: 1px solid #8a6d1c; font-size: 0.9em; }
            .editorial-label { font-weight: bold; font-size: 0.85em; margin: 0 0 0.2em 0; }
            figure { margin: 1.5em 0; }
            figcaption { font-size: 0.9em; }
            .figure-meta { font-size: 0.85em; color: #555; }
            .timeline .date { font-weight: bold; }
            .note-number { font-weight: bold; margin-bottom: 0; }
            .backrefs a { text-decoration: none; }
            .colophon { margin-top: 3em; font-size: 0.85em; }
            """;
}
