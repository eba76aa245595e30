package org.kzarchive.importing;

import java.util.regex.Pattern;

import org.commonmark.parser.Parser;
import org.commonmark.renderer.html.HtmlRenderer;
import org.jsoup.Jsoup;
import org.owasp.html.HtmlPolicyBuilder;
import org.owasp.html.PolicyFactory;

/**
 * Markdown to safe HTML. CommonMark lets editors write raw HTML, so every rendered fragment passes
 * an allow-list sanitizer before it is stored: no scripts, event handlers, frames, styles, or
 * javascript:/data: links. One shared, thread-safe parser and renderer.
 */
public class MarkdownRenderer {

    private static final Pattern OUTER_PARAGRAPH = Pattern.compile("^<p>(.*)</p>$", Pattern.DOTALL);

    private static final PolicyFactory POLICY = new HtmlPolicyBuilder()
            .allowElements("p", "br", "em", "strong", "b", "i", "u", "s", "sub", "sup", "small", "code", "pre",
                    "blockquote", "ul", "ol", "li", "a", "abbr", "cite", "q", "span", "hr", "h3", "h4", "h5", "h6")
            .allowUrlProtocols("http", "https", "mailto")
            .allowAttributes("href").onElements("a")
            .allowAttributes("title").onElements("a", "abbr")
            .allowAttributes("lang").globally()
            .allowAttributes("start").matching(Pattern.compile("\\d{1,5}")).onElements("ol")
            .requireRelsOnLinks("noopener", "noreferrer")
            .toFactory();

    private final Parser parser = Parser.builder().build();
    private final HtmlRenderer renderer = HtmlRenderer.builder().softbreak(" ").build();

    /** A block (paragraph, quotation, caption, note) as sanitized HTML. */
    public String block(String markdown) {
        return sanitize(renderer.render(parser.parse(markdown))).strip();
    }

    /** A single line (heading, title) as sanitized inline HTML, without the enclosing paragraph. */
    public String inline(String markdown) {
        String html = block(markdown);
        var m = OUTER_PARAGRAPH.matcher(html);
        return m.matches() ? m.group(1) : html;
    }

    /** The words a reader sees, for search and descriptions. */
    public static String plainText(String html) {
        return Jsoup.parse(html).text();
    }

    public static String sanitize(String html) {
        return POLICY.sanitize(html);
    }
}
