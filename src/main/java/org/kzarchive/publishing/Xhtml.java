package org.kzarchive.publishing;

import java.util.function.Consumer;

import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;
import org.jsoup.nodes.Entities;

/** Well-formed XHTML from the sanitized HTML stored with each block, for e-books and print. */
final class Xhtml {

    private Xhtml() {
    }

    /** The fragment as XHTML, after {@code adjust} changed what it needs (links to notes, ids). */
    static String fragment(String html, Consumer<Element> adjust) {
        Document document = Jsoup.parseBodyFragment(html == null ? "" : html);
        adjust.accept(document.body());
        document.outputSettings().syntax(Document.OutputSettings.Syntax.xml).escapeMode(Entities.EscapeMode.xhtml)
                .charset("UTF-8").prettyPrint(false);
        return document.body().html();
    }

    static String fragment(String html) {
        return fragment(html, body -> { });
    }

    /** Text for an XML element or attribute. */
    static String text(String text) {
        if (text == null) {
            return "";
        }
        StringBuilder out = new StringBuilder(text.length() + 16);
        text.codePoints().forEach(c -> {
            switch (c) {
                case '&' -> out.append("&amp;");
                case '<' -> out.append("&lt;");
                case '>' -> out.append("&gt;");
                case '"' -> out.append("&quot;");
                case '\'' -> out.append("&#39;");
                default -> {
                    // characters XML 1.0 forbids are dropped rather than breaking the file
                    if (c == 0x9 || c == 0xA || c == 0xD || (c >= 0x20 && c <= 0xD7FF) || (c >= 0xE000 && c <= 0xFFFD) || c >= 0x10000) {
                        out.appendCodePoint(c);
                    }
                }
            }
        });
        return out.toString();
    }
}
