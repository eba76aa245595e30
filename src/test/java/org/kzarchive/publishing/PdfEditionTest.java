package org.kzarchive.publishing;

import static org.assertj.core.api.Assertions.assertThat;

import java.awt.geom.Rectangle2D;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.apache.pdfbox.Loader;
import org.apache.pdfbox.cos.COSName;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.PDPage;
import org.apache.pdfbox.pdmodel.PDResources;
import org.apache.pdfbox.pdmodel.font.PDFont;
import org.apache.pdfbox.pdmodel.graphics.form.PDFormXObject;
import org.apache.pdfbox.text.PDFTextStripper;
import org.apache.pdfbox.text.PDFTextStripperByArea;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.kzarchive.ArchiveIntegrationTest;

import org.springframework.beans.factory.annotation.Autowired;

/** The print editions: all the text, embedded fonts for Latin and Cyrillic, contents with page numbers, a booklet in fold order. */
@ArchiveIntegrationTest
class PdfEditionTest {

    @Autowired
    Downloads downloads;

    @Autowired
    EditionRevisions revisions;

    @Autowired
    PdfEditions pdf;

    @RegisterExtension
    static final PublishedEditionsFixture editions = new PublishedEditionsFixture();

    /** Text compared without spaces or line breaks (the PDF wraps and justifies) and without note numbers. */
    static String comparable(String text) {
        return text.replaceAll("[\\s\\u00A0\\u00AD\\d]+", "");
    }

    static String text(PDDocument document) throws IOException {
        return new PDFTextStripper().getText(document);
    }

    @Test
    void everyParagraphCaptionAnswerAndNoteOfEveryEditionIsInItsPdf() throws IOException {
        assertThat(editions.all()).extracting(PublishedEditionsFixture.EditionName::language).contains("it", "ru");
        for (var name : editions.all()) {
            EditionRevision revision = revisions.published(name.language(), name.work()).orElseThrow();
            byte[] bytes = downloads.of(revision, DownloadFormat.PDF).bytes();
            try (PDDocument document = Loader.loadPDF(bytes)) {
                String text = comparable(text(document));
                List<String> passages = new ArrayList<>();
                revision.edition().blocks().forEach(b -> passages.add(b.plainText()));
                revision.edition().footnotes().forEach(f -> passages.add(f.plainText()));
                revision.edition().sections().forEach(s -> passages.add(s.title() == null ? "" : s.title()));
                assertThat(passages.stream().filter(p -> !text.contains(comparable(p))).toList()).as(name.toString()).isEmpty();
                assertThat(document.getDocumentCatalog().getLanguage()).isEqualTo(name.language());
                assertThat(document.getDocumentInformation().getTitle()).isEqualTo(revision.edition().metadata().title());
                assertThat(document.getPage(0).getMediaBox().getWidth()).isBetween(594f, 596f);
            }
        }
    }

    @Test
    void cyrillicTextIsPrintedWithEmbeddedFonts() throws IOException {
        EditionRevision russian = revisions.published("ru", editions.work()).orElseThrow();
        try (PDDocument document = Loader.loadPDF(downloads.of(russian, DownloadFormat.PDF).bytes())) {
            assertThat(text(document)).contains("Вступительный абзац проверки: «ёж, щука, эхо».", "Переводчица Ёлкина");
            List<PDFont> fonts = fonts(document);
            assertThat(fonts).isNotEmpty();
            assertThat(fonts).allSatisfy(font -> {
                assertThat(font.isEmbedded()).as(font.getName()).isTrue();
                assertThat(font.getName()).contains("DejaVuSerif");
            });
        }
    }

    @Test
    void theFontsOfEveryEditionAreEmbedded() throws IOException {
        for (var name : editions.all()) {
            EditionRevision revision = revisions.published(name.language(), name.work()).orElseThrow();
            for (DownloadFormat format : List.of(DownloadFormat.PDF, DownloadFormat.BOOKLET)) {
                try (PDDocument document = Loader.loadPDF(downloads.of(revision, format).bytes())) {
                    assertThat(fonts(document)).as(name + " " + format).isNotEmpty()
                            .allSatisfy(font -> assertThat(font.isEmbedded()).as(font.getName()).isTrue());
                }
            }
        }
    }

    private static List<PDFont> fonts(PDDocument document) throws IOException {
        List<PDFont> fonts = new ArrayList<>();
        for (PDPage page : document.getPages()) {
            collectFonts(page.getResources(), fonts, 0);
        }
        return fonts;
    }

    private static void collectFonts(PDResources resources, List<PDFont> fonts, int depth) throws IOException {
        if (resources == null || depth > 3) {
            return;
        }
        for (COSName name : resources.getFontNames()) {
            fonts.add(resources.getFont(name));
        }
        for (COSName name : resources.getXObjectNames()) {
            if (resources.getXObject(name) instanceof PDFormXObject form) {
                collectFonts(form.getResources(), fonts, depth + 1);
            }
        }
    }

    @Test
    void theContentsGiveThePageOfEverySection() throws IOException {
        EditionRevision revision = revisions.published("it", "kazakistan-dopo-la-rivolta").orElseThrow();
        try (PDDocument document = Loader.loadPDF(downloads.of(revision, DownloadFormat.PDF).bytes())) {
            String contents = pageText(document, 2);
            var titled = revision.edition().sections().stream().filter(s -> s.title() != null).toList();
            assertThat(titled).isNotEmpty();
            for (var section : titled) {
                Matcher entry = Pattern.compile(Pattern.quote(section.title()) + "[\\s.]*(\\d+)").matcher(contents);
                assertThat(entry.find()).as(section.title() + " in the contents:\n" + contents).isTrue();
                int page = Integer.parseInt(entry.group(1));
                assertThat(page).isGreaterThan(2);
                assertThat(comparable(pageText(document, page))).as("page " + page).contains(comparable(section.title()));
                // the footer of that page prints its number
                assertThat(pageText(document, page).lines().map(String::strip)).contains(String.valueOf(page));
            }
        }
    }

    private static String pageText(PDDocument document, int page) throws IOException {
        PDFTextStripper stripper = new PDFTextStripper();
        stripper.setStartPage(page);
        stripper.setEndPage(page);
        return stripper.getText(document);
    }

    @Test
    void theBookletPutsTheA5PagesOnSheetsInFoldOrder() throws IOException {
        EditionRevision revision = revisions.published("it", "kazakistan-dopo-la-rivolta").orElseThrow();
        byte[] pages = pdf.a5(revision);
        byte[] booklet = downloads.of(revision, DownloadFormat.BOOKLET).bytes();
        try (PDDocument a5 = Loader.loadPDF(pages); PDDocument sheets = Loader.loadPDF(booklet)) {
            int count = a5.getNumberOfPages();
            assertThat(count).isGreaterThan(8);
            assertThat(sheets.getNumberOfPages()).isEqualTo((count + 3) / 4 * 2);
            PDPage first = sheets.getPage(0);
            assertThat(first.getMediaBox().getWidth()).isGreaterThan(first.getMediaBox().getHeight());
            int padded = (count + 3) / 4 * 4;
            for (int side = 0; side < sheets.getNumberOfPages(); side++) {
                int sheet = side / 2;
                // front: last-but-n on the left, n on the right; back: the next two, mirrored
                int left = side % 2 == 0 ? padded - 1 - 2 * sheet : 2 * sheet + 1;
                int right = side % 2 == 0 ? 2 * sheet : padded - 2 - 2 * sheet;
                PDPage page = sheets.getPage(side);
                float width = page.getMediaBox().getWidth();
                float height = page.getMediaBox().getHeight();
                assertThat(halfText(page, new Rectangle2D.Float(0, 0, width / 2, height)))
                        .as("left of side " + side).isEqualTo(left < count ? comparable(pageText(a5, left + 1)) : "");
                assertThat(halfText(page, new Rectangle2D.Float(width / 2, 0, width / 2, height)))
                        .as("right of side " + side).isEqualTo(right < count ? comparable(pageText(a5, right + 1)) : "");
            }
        }
    }

    private static String halfText(PDPage page, Rectangle2D region) throws IOException {
        PDFTextStripperByArea stripper = new PDFTextStripperByArea();
        stripper.addRegion("half", region);
        stripper.extractRegions(page);
        return comparable(stripper.getTextForRegion("half"));
    }

    @Test
    void pdfBoxIsGivenTheEmbeddedFontInsteadOfScanningTheSystemsFonts() {
        assertThat(pdf).isNotNull();
        assertThat(org.apache.pdfbox.pdmodel.font.FontMappers.instance()).isInstanceOf(EmbeddedFontStandIn.class);
    }

    @Test
    void theBookletOrderFoldsEightPagesIntoTwoSheets() {
        assertThat(BookletImposition.order(8)).containsExactly(new int[] {7, 0}, new int[] {1, 6}, new int[] {5, 2}, new int[] {3, 4});
        assertThat(BookletImposition.order(6)).containsExactly(new int[] {-1, 0}, new int[] {1, -1}, new int[] {5, 2}, new int[] {3, 4});
    }
}
