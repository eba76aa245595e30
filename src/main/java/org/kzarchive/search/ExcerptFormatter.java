package org.kzarchive.search;

import java.util.StringJoiner;
import java.util.regex.Pattern;
import org.apache.lucene.search.uhighlight.DefaultPassageFormatter;
import org.apache.lucene.search.uhighlight.Passage;

/**
 * HTML for an excerpt: the passage text escaped, matches wrapped in {@code <mark>}, and an
 * ellipsis wherever text was left out. Escaping is what keeps text from the index from ever
 * becoming markup.
 */
final class ExcerptFormatter extends DefaultPassageFormatter {

    private static final String ELLIPSIS = "…";
    /** A cut at a word boundary can leave the punctuation that ended the previous sentence. */
    private static final Pattern LEADING_PUNCTUATION = Pattern.compile("^[\\s.,;:!?)\\]]+");

    ExcerptFormatter() {
        super("<mark>", "</mark>", "", true);
    }

    @Override
    public String format(Passage[] passages, String content) {
        StringJoiner excerpt = new StringJoiner(" " + ELLIPSIS + " ");
        for (Passage passage : passages) {
            String html = super.format(new Passage[] {passage}, content);
            excerpt.add(LEADING_PUNCTUATION.matcher(html).replaceFirst("").strip());
        }
        boolean cutAtStart = passages.length > 0 && passages[0].getStartOffset() > 0;
        boolean cutAtEnd = passages.length > 0 && passages[passages.length - 1].getEndOffset() < content.length();
        return (cutAtStart ? ELLIPSIS + " " : "") + excerpt + (cutAtEnd ? " " + ELLIPSIS : "");
    }

    /** The escaped beginning of a text, for a hit the highlighter had nothing to say about. */
    static String opening(String text) {
        int end = text.length();
        if (end > ExcerptHighlighter.EXCERPT_LENGTH) {
            int space = text.lastIndexOf(' ', ExcerptHighlighter.EXCERPT_LENGTH);
            end = space > 0 ? space : ExcerptHighlighter.EXCERPT_LENGTH;
            if (Character.isHighSurrogate(text.charAt(end - 1))) {
                end--;
            }
        }
        StringBuilder html = new StringBuilder(end + 16);
        new ExcerptFormatter().append(html, text, 0, end);
        return end < text.length() ? html.append(" ").append(ELLIPSIS).toString() : html.toString();
    }
}
