package org.kzarchive.publishing;

import java.io.IOException;
import java.io.UncheckedIOException;

import org.apache.fontbox.FontBoxFont;
import org.apache.fontbox.ttf.TTFParser;
import org.apache.fontbox.ttf.TrueTypeFont;
import org.apache.pdfbox.io.RandomAccessReadBuffer;
import org.apache.pdfbox.pdmodel.font.CIDFontMapping;
import org.apache.pdfbox.pdmodel.font.FontMapper;
import org.apache.pdfbox.pdmodel.font.FontMapping;
import org.apache.pdfbox.pdmodel.font.PDCIDSystemInfo;
import org.apache.pdfbox.pdmodel.font.PDFontDescriptor;

/**
 * What PDFBox is given when it looks for a font to stand in for one that a PDF names without
 * embedding it: the DejaVu Serif our PDFs embed anyway. openhtmltopdf registers the 14 standard PDF
 * fonts (Helvetica, Times, Symbol, ZapfDingbats…) in every document it prints, and PDFBox's own
 * mapper then scans the system's fonts (writing a list of them to {@code ~/.pdfbox.cache}), parses
 * a TrueType font for each standard one and logs a warning for those it cannot match: six warnings
 * per edition, and about 5 MB of parsed fonts kept after the first PDF (measured). Our text is
 * set in the embedded fonts only, and a standard font's widths come from its own metrics; the
 * stand-in would only be drawn by a PDF renderer, which this application does not run.
 */
final class EmbeddedFontStandIn implements FontMapper {

    private final byte[] trueType;
    private TrueTypeFont parsed;

    EmbeddedFontStandIn(byte[] trueType) {
        this.trueType = trueType;
    }

    @Override
    public FontMapping<TrueTypeFont> getTrueTypeFont(String baseFont, PDFontDescriptor fontDescriptor) {
        return new FontMapping<>(font(), false);
    }

    @Override
    public FontMapping<FontBoxFont> getFontBoxFont(String baseFont, PDFontDescriptor fontDescriptor) {
        return new FontMapping<>(font(), false);
    }

    @Override
    public CIDFontMapping getCIDFont(String baseFont, PDFontDescriptor fontDescriptor, PDCIDSystemInfo cidSystemInfo) {
        return new CIDFontMapping(null, font(), false);
    }

    /** Parsed once, when PDFBox first asks (some fourteen times per PDF, so a lock costs nothing). */
    private synchronized TrueTypeFont font() {
        if (parsed == null) {
            try {
                parsed = new TTFParser().parse(new RandomAccessReadBuffer(trueType));
            } catch (IOException e) {
                throw new UncheckedIOException("The embedded font cannot be read", e);
            }
        }
        return parsed;
    }
}
