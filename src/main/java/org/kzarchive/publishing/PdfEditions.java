package org.kzarchive.publishing;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.Calendar;
import java.util.GregorianCalendar;
import java.util.List;
import java.util.TimeZone;

import com.openhtmltopdf.outputdevice.helper.BaseRendererBuilder.FontStyle;
import com.openhtmltopdf.pdfboxout.PdfRendererBuilder;
import org.apache.pdfbox.Loader;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.PDDocumentInformation;
import org.apache.pdfbox.pdmodel.font.FontMappers;
import org.kzarchive.system.PublicAddress;

import org.springframework.context.MessageSource;
import org.springframework.core.io.ClassPathResource;
import org.springframework.stereotype.Component;

/**
 * Prints an edition to PDF with openhtmltopdf: the A4 edition, and the A5 pages that
 * {@link BookletImposition} folds into a booklet. The DejaVu Serif fonts (Latin, Cyrillic, Greek
 * and more) are embedded as subsets; the document's language and metadata are set. PDFBox looks for
 * fonts on the system no more: {@link EmbeddedFontStandIn}.
 */
@Component
class PdfEditions {

    private record Font(String file, int weight, FontStyle style) {
    }

    private static final List<Font> FONTS = List.of(
            new Font("fonts/DejaVuSerif.ttf", 400, FontStyle.NORMAL),
            new Font("fonts/DejaVuSerif-Bold.ttf", 700, FontStyle.NORMAL),
            new Font("fonts/DejaVuSerif-Italic.ttf", 400, FontStyle.ITALIC),
            new Font("fonts/DejaVuSerif-BoldItalic.ttf", 700, FontStyle.ITALIC));

    private final MessageSource messages;
    private final PublicAddress address;
    private final List<byte[]> fontBytes;

    PdfEditions(MessageSource messages, PublicAddress address) {
        this.messages = messages;
        this.address = address;
        this.fontBytes = FONTS.stream().map(f -> read(f.file())).toList();
        FontMappers.set(new EmbeddedFontStandIn(fontBytes.getFirst()));
    }

    byte[] a4(EditionRevision revision) {
        return print(revision, PrintDocument.PageSize.A4);
    }

    /** The edition on A5 pages, in reading order; {@link BookletImposition} puts them on sheets. */
    byte[] a5(EditionRevision revision) {
        return print(revision, PrintDocument.PageSize.A5);
    }

    private byte[] print(EditionRevision revision, PrintDocument.PageSize size) {
        String xhtml = new PrintDocument(revision, messages, address).xhtml(size);
        var out = new ByteArrayOutputStream(512 * 1024);
        try {
            PdfRendererBuilder builder = new PdfRendererBuilder();
            builder.useFastMode();
            for (int i = 0; i < FONTS.size(); i++) {
                byte[] bytes = fontBytes.get(i);
                builder.useFont(() -> new ByteArrayInputStream(bytes), PrintDocument.FONT_FAMILY, FONTS.get(i).weight(),
                        FONTS.get(i).style(), true);
            }
            builder.withProducer(messages.getMessage("site.name", null, revision.locale()));
            builder.withHtmlContent(xhtml, address.absolute("/"));
            builder.toStream(out);
            builder.run();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return describe(out.toByteArray(), revision);
    }

    /** Language, title, author, subject and dates from the revision, so the same revision reads the same. */
    static byte[] describe(byte[] pdf, EditionRevision revision) {
        try (PDDocument document = Loader.loadPDF(pdf)) {
            var metadata = revision.edition().metadata();
            document.getDocumentCatalog().setLanguage(revision.language());
            PDDocumentInformation info = document.getDocumentInformation();
            info.setTitle(metadata.title());
            info.setAuthor(metadata.translator() == null ? metadata.author() : metadata.author() + "; " + metadata.translator());
            info.setSubject(metadata.subtitle());
            info.setKeywords(revision.language() + ", " + revision.work());
            Calendar date = new GregorianCalendar(TimeZone.getTimeZone("UTC"));
            date.setTimeInMillis(revision.updatedAt().toEpochMilli());
            info.setCreationDate(date);
            info.setModificationDate(date);
            var out = new ByteArrayOutputStream(pdf.length + 1024);
            document.save(out);
            return out.toByteArray();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static byte[] read(String resource) {
        try (InputStream in = new ClassPathResource(resource).getInputStream()) {
            return in.readAllBytes();
        } catch (IOException e) {
            throw new UncheckedIOException("The font " + resource + " is missing from the application", e);
        }
    }
}
