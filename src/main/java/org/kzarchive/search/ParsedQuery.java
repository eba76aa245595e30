package org.kzarchive.search;

import java.util.ArrayList;
import java.util.List;

/**
 * The outcome of reading a query: the text that was actually used, its structure (null when
 * nothing searchable is left) and what the reader should be told.
 */
record ParsedQuery(String text, ReaderQuery query, List<QueryNotice> notices) {

    ParsedQuery {
        notices = List.copyOf(notices);
    }

    boolean isSearchable() {
        return query != null;
    }

    /** The plain words the reader asked for (not excluded, not prefixes): candidates for spelling help. */
    List<String> wantedWords() {
        List<String> words = new ArrayList<>();
        collectWanted(query, words);
        return words;
    }

    private static void collectWanted(ReaderQuery node, List<String> words) {
        switch (node) {
            case null -> { }
            case ReaderQuery.Word word -> {
                if (!word.prefix()) {
                    words.add(word.text());
                }
            }
            case ReaderQuery.Phrase phrase -> { }
            case ReaderQuery.AllOf all -> all.required().forEach(part -> collectWanted(part, words));
            case ReaderQuery.AnyOf any -> any.options().forEach(part -> collectWanted(part, words));
        }
    }
}
