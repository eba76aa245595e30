package org.kzarchive.publishing;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.List;

import org.apache.pdfbox.Loader;
import org.apache.pdfbox.multipdf.LayerUtility;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.PDPage;
import org.apache.pdfbox.pdmodel.PDPageContentStream;
import org.apache.pdfbox.pdmodel.common.PDRectangle;
import org.apache.pdfbox.pdmodel.graphics.form.PDFormXObject;
import org.apache.pdfbox.util.Matrix;

/**
 * Puts A5 pages two by two on landscape A4 sheets in booklet order: printed on both sides, the
 * stack folded in the middle and stapled reads page 1, 2, 3… Blank pages fill the count up to a
 * multiple of four.
 */
final class BookletImposition {

    private BookletImposition() {
    }

    /**
     * Which page (0-based, or -1 for blank) goes left and right on each side of the sheets, in
     * printing order: for 8 pages, [7, 0], [1, 6], [5, 2], [3, 4].
     */
    static List<int[]> order(int pages) {
        int padded = (pages + 3) / 4 * 4;
        List<int[]> sides = new ArrayList<>();
        for (int sheet = 0; sheet < padded / 4; sheet++) {
            int outerRight = 2 * sheet;
            int outerLeft = padded - 1 - 2 * sheet;
            sides.add(new int[] {blankBeyond(outerLeft, pages), blankBeyond(outerRight, pages)});
            sides.add(new int[] {blankBeyond(outerRight + 1, pages), blankBeyond(outerLeft - 1, pages)});
        }
        return sides;
    }

    private static int blankBeyond(int page, int pages) {
        return page < pages ? page : -1;
    }

    static byte[] impose(byte[] a5Pdf) {
        try (PDDocument source = Loader.loadPDF(a5Pdf); PDDocument booklet = new PDDocument()) {
            PDRectangle sheet = new PDRectangle(PDRectangle.A4.getHeight(), PDRectangle.A4.getWidth());
            LayerUtility layers = new LayerUtility(booklet);
            List<PDFormXObject> forms = new ArrayList<>();
            for (int i = 0; i < source.getNumberOfPages(); i++) {
                forms.add(layers.importPageAsForm(source, i));
            }
            float half = sheet.getWidth() / 2;
            for (int[] side : order(source.getNumberOfPages())) {
                PDPage page = new PDPage(sheet);
                booklet.addPage(page);
                try (var content = new PDPageContentStream(booklet, page)) {
                    for (int slot = 0; slot < 2; slot++) {
                        if (side[slot] < 0) {
                            continue;
                        }
                        PDRectangle box = source.getPage(side[slot]).getMediaBox();
                        float scale = Math.min(half / box.getWidth(), sheet.getHeight() / box.getHeight());
                        content.saveGraphicsState();
                        content.transform(new Matrix(scale, 0, 0, scale, slot * half + (half - box.getWidth() * scale) / 2,
                                (sheet.getHeight() - box.getHeight() * scale) / 2));
                        content.drawForm(forms.get(side[slot]));
                        content.restoreGraphicsState();
                    }
                }
            }
            booklet.getDocumentCatalog().setLanguage(source.getDocumentCatalog().getLanguage());
            var from = source.getDocumentInformation();
            var to = booklet.getDocumentInformation();
            to.setTitle(from.getTitle());
            to.setAuthor(from.getAuthor());
            to.setSubject(from.getSubject());
            to.setKeywords(from.getKeywords());
            to.setProducer(from.getProducer());
            to.setCreationDate(from.getCreationDate());
            to.setModificationDate(from.getModificationDate());
            var out = new ByteArrayOutputStream(a5Pdf.length + 64 * 1024);
            booklet.save(out);
            return out.toByteArray();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
