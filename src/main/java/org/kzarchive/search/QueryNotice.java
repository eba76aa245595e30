package org.kzarchive.search;

/**
 * Something the reader should know about how their query was read. The key is for a message
 * bundle; the text is the English default.
 */
public enum QueryNotice {
    EMPTY_QUERY("Type one or more words to search the archive."),
    QUERY_SHORTENED("Your query was shortened to " + ReaderQueryParser.MAX_LENGTH + " characters."),
    TOO_MANY_WORDS("Only the first " + ReaderQueryParser.MAX_WORDS + " words of your query were used."),
    UNBALANCED_QUOTE("Ignored the unbalanced quote; those words were searched one by one."),
    UNBALANCED_PARENTHESIS("Ignored the unbalanced parenthesis."),
    LONE_OPERATOR("Ignored an OR, AND, NOT or minus sign with no word to apply to."),
    EXCLUSION_INSIDE_OR("Ignored a word excluded with - inside an OR: exclude words outside OR groups."),
    SYMBOLS_IGNORED("Ignored symbols that are not part of words."),
    PREFIX_TOO_SHORT("A * needs at least " + ReaderQueryParser.MIN_PREFIX + " letters before it, e.g. manifest*."),
    ONLY_EXCLUSIONS("A search cannot only exclude words: add a word to look for, e.g. Almaty -Tokayev."),
    ONLY_COMMON_WORDS("Your query only has very common words; add a more specific word."),
    SEARCH_UNAVAILABLE("Search is not available at the moment. Please try again in a minute.");

    private final String text;

    QueryNotice(String text) {
        this.text = text;
    }

    /** Message bundle key, e.g. {@code search.notice.query-shortened}. */
    public String key() {
        return "search.notice." + name().toLowerCase(java.util.Locale.ROOT).replace('_', '-');
    }

    public String text() {
        return text;
    }
}
