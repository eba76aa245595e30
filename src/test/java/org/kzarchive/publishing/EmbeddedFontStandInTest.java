package org.kzarchive.publishing;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.InputStream;

import org.apache.pdfbox.pdmodel.font.FontMapper;
import org.apache.pdfbox.pdmodel.font.FontMappers;
import org.apache.pdfbox.pdmodel.font.PDType1Font;
import org.apache.pdfbox.pdmodel.font.Standard14Fonts;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import org.springframework.core.io.ClassPathResource;

/** PDFBox is given the embedded DejaVu Serif for every font it looks for, instead of scanning the system's fonts. */
class EmbeddedFontStandInTest {

    private FontMapper before;
    private EmbeddedFontStandIn standIn;

    @BeforeEach
    void setUp() throws IOException {
        before = FontMappers.instance();
        try (InputStream in = new ClassPathResource("fonts/DejaVuSerif.ttf").getInputStream()) {
            standIn = new EmbeddedFontStandIn(in.readAllBytes());
        }
    }

    @AfterEach
    void restore() {
        FontMappers.set(before);
    }

    @Test
    void everyStandardFontIsAnsweredWithTheEmbeddedFontAndNotAsAFallback() throws IOException {
        for (String name : new String[] {"Helvetica", "Times-Roman", "Courier-Bold", "Symbol", "ZapfDingbats", "NoSuchFont"}) {
            var trueType = standIn.getTrueTypeFont(name, null);
            assertThat(trueType.getFont().getName()).as(name).isEqualTo("DejaVuSerif");
            assertThat(trueType.isFallback()).as(name).isFalse();
            assertThat(standIn.getFontBoxFont(name, null).getFont().getName()).as(name).isEqualTo("DejaVuSerif");
            assertThat(standIn.getCIDFont(name, null, null).getTrueTypeFont().getName()).as(name).isEqualTo("DejaVuSerif");
        }
    }

    @Test
    void theFontIsParsedOnceWhateverIsAskedFor() {
        assertThat(standIn.getFontBoxFont("Symbol", null).getFont()).isSameAs(standIn.getTrueTypeFont("ZapfDingbats", null).getFont());
    }

    @Test
    void aStandardFontKeepsItsOwnMetricsWithTheStandIn() throws IOException {
        FontMappers.set(standIn);
        PDType1Font helvetica = new PDType1Font(Standard14Fonts.FontName.HELVETICA);
        // Helvetica's own width for "W" (its AFM), not DejaVu Serif's
        assertThat(helvetica.getWidth('W')).isEqualTo(944f);
        assertThat(helvetica.getStringWidth("Almaty")).isPositive();
    }
}
