package org.kzarchive.publishing;

import java.util.function.Consumer;

import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;
import org.jsoup.nodes.Entities;
import org.kzarchive.system.XmlText;

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
        return XmlText.escape(text);
    }
}
